package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central's mail to a real SMTP server (GreenMail): with a login, over TLS whose certificate is
 * checked against the organisation's CA, and never in clear where TLS was asked for.
 */
class MailServerIT {

    private static final String FROM = "CardDesk <pins@lib.example>";

    @TempDir
    Path dir;

    @Test
    void theLoginIsSentAndAWrongOneSaysWhichSettingsToCheck() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try {
            mail.setUser("pins@lib.example", "pins", "right horse battery");
            int port = mail.getSmtp().getPort();
            new SmtpMailer(new MailServer("127.0.0.1", port, FROM, MailServer.Security.NONE, "pins",
                    "right horse battery", null, null)).send("maja@example.org", "PIN", "4826");
            assertThat(mail.getReceivedMessages()).hasSize(1);

            SmtpMailer wrong = new SmtpMailer(new MailServer("127.0.0.1", port, FROM, MailServer.Security.NONE, "pins",
                    "wrong", null, null));
            assertThatThrownBy(() -> wrong.send("maja@example.org", "PIN", "4826"))
                    .hasMessage("the mail server 127.0.0.1:" + port + " refused the login; check CARDDESK_SMTP_USER "
                            + "and CARDDESK_SMTP_PASSWORD");
            assertThat(mail.getReceivedMessages()).hasSize(1);
        } finally {
            mail.stop();
        }
    }

    @Test
    void starttlsIsRequiredNotHopedFor() {
        GreenMail plain = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        plain.start();
        try {
            int port = plain.getSmtp().getPort();
            SmtpMailer mailer = new SmtpMailer(new MailServer("127.0.0.1", port, FROM, MailServer.Security.STARTTLS,
                    null, null, null, null));
            assertThatThrownBy(() -> mailer.send("maja@example.org", "PIN", "4826"))
                    .hasMessageContaining("does not offer STARTTLS, which CARDDESK_SMTP_SECURITY=starttls requires");
            assertThat(plain.getReceivedMessages()).as("nothing went in clear").isEmpty();
        } finally {
            plain.stop();
        }
    }

    @Test
    void overTlsTheServersCertificateIsCheckedAgainstTheOrganisationsCa() throws Exception {
        Path keys = dir.resolve("mail.p12");
        Path trust = dir.resolve("organisation-ca.p12");
        keytool("-genkeypair", "-alias", "mail", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "mail", "-keystore", keys.toString(), "-storepass", "changeit",
                "-file", dir.resolve("mail.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "organisation", "-file", dir.resolve("mail.crt").toString(),
                "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", "trust-pass");
        // GreenMail reads its TLS key from these properties as it starts.
        System.setProperty("greenmail.tls.keystore.file", keys.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        System.setProperty("greenmail.tls.key.password", "changeit");
        GreenMail tls = new GreenMail(ServerSetupTest.SMTPS.dynamicPort());
        try {
            tls.start();
            int port = tls.getSmtps().getPort();
            new SmtpMailer(new MailServer("127.0.0.1", port, FROM, MailServer.Security.TLS, null, null, trust,
                    "trust-pass")).send("maja@example.org", "PIN", "4826");
            assertThat(tls.getReceivedMessages()).hasSize(1);

            SmtpMailer javasOwnCas = new SmtpMailer(new MailServer("127.0.0.1", port, FROM, MailServer.Security.TLS,
                    null, null, null, null));
            assertThatThrownBy(() -> javasOwnCas.send("maja@example.org", "PIN", "4826"))
                    .hasMessageContaining("the TLS connection to the mail server 127.0.0.1:" + port + " failed")
                    .hasMessageContaining("CARDDESK_SMTP_TRUSTSTORE");
            assertThat(tls.getReceivedMessages()).hasSize(1);
        } finally {
            tls.stop();
            System.clearProperty("greenmail.tls.keystore.file");
            System.clearProperty("greenmail.tls.keystore.password");
            System.clearProperty("greenmail.tls.key.password");
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-J-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
