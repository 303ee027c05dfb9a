package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mail server settings and their safe defaults. */
class MailServerTest {

    @Test
    void aServerOnThisMachineIsPlainAndOneElsewhereIsReachedOverStarttls() {
        assertThat(MailServer.from(Map.of()).security()).isEqualTo(MailServer.Security.NONE);
        assertThat(MailServer.from(Map.of("CARDDESK_SMTP_HOST", "127.0.0.1")).security())
                .isEqualTo(MailServer.Security.NONE);
        MailServer remote = MailServer.from(Map.of("CARDDESK_SMTP_HOST", "smtp.office365.com",
                "CARDDESK_SMTP_USER", "pins@aarhus.dk", "CARDDESK_SMTP_PASSWORD", "s3cret"));
        assertThat(remote.security()).isEqualTo(MailServer.Security.STARTTLS);
        assertThat(remote.toString()).as("what the log says: never the password")
                .isEqualTo("smtp.office365.com:587 (starttls, as pins@aarhus.dk)");
        MailServer tls = MailServer.from(Map.of("CARDDESK_SMTP_HOST", "mail.example.org", "CARDDESK_SMTP_SECURITY", " TLS "));
        assertThat(tls.security()).isEqualTo(MailServer.Security.TLS);
        assertThat(tls.port()).as("the port that goes with it").isEqualTo(465);
        assertThat(MailServer.from(Map.of()).port()).isEqualTo(25);
        assertThat(MailServer.from(Map.of("CARDDESK_SMTP_HOST", "mail.example.org", "CARDDESK_SMTP_PORT", "2525"))
                .port()).as("a port given is kept").isEqualTo(2525);
    }

    @Test
    void settingsThatWouldSendAPasswordInClearOrCannotWorkAreRefusedWithTheSettingToChange() {
        assertThatThrownBy(() -> MailServer.from(Map.of("CARDDESK_SMTP_HOST", "mail.example.org",
                "CARDDESK_SMTP_SECURITY", "none", "CARDDESK_SMTP_USER", "pins")))
                .hasMessageContaining("the mail login would cross the network in clear to mail.example.org")
                .hasMessageContaining("Set CARDDESK_SMTP_SECURITY to starttls or tls");
        assertThat(MailServer.from(Map.of("CARDDESK_SMTP_SECURITY", "none", "CARDDESK_SMTP_USER", "pins")).user())
                .as("on this machine the login never leaves it").isEqualTo("pins");
        assertThatThrownBy(() -> MailServer.from(Map.of("CARDDESK_SMTP_SECURITY", "ssl")))
                .hasMessage("CARDDESK_SMTP_SECURITY must be starttls, tls or none, not 'ssl'.");
        assertThatThrownBy(() -> MailServer.from(Map.of("CARDDESK_SMTP_PORT", "smtp")))
                .hasMessage("CARDDESK_SMTP_PORT must be a port number, not 'smtp'.");
        assertThatThrownBy(() -> MailServer.from(Map.of("CARDDESK_SMTP_TRUSTSTORE", "/nowhere/ca.p12")))
                .hasMessageStartingWith("CARDDESK_SMTP_TRUSTSTORE names /nowhere/ca.p12, which cannot be read.");
    }
}
