package app.carddesk.sync;

import app.carddesk.central.MigratedH2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.api.Json;
import app.carddesk.central.CentralConfig;
import app.carddesk.central.CentralServer;
import app.carddesk.central.SmtpMailer;
import app.carddesk.staff.WorkstationEnrolment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central register serving HTTPS from a configured key store, and desks that verify its
 * certificate: one with the organisation's own certificate authority in its trust store gets
 * through; one without it is told the certificate is not trusted, and so is its enrolment; plain
 * HTTP gets no answer from the HTTPS port.
 */
class HttpsIT {

    private static final String PASSWORD = "store-password-for-tests";

    @TempDir
    Path dir;
    /** The key pair and trust store, made once for the class: each keytool run is a JVM of its own. */
    @TempDir
    static Path keyDir;
    private CentralServer central;
    private int port;

    /** Runs the JDK's keytool, as IT does to make a key pair and a trust store. */
    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @BeforeAll
    static void makeKeys() throws Exception {
        Path keys = keyDir.resolve("central.p12");
        keytool("-genkeypair", "-alias", "central", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=127.0.0.1, O=Demo Library Organisation", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keys.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "central", "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", keyDir.resolve("central.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "organisation", "-file", keyDir.resolve("central.crt").toString(),
                "-storetype", "PKCS12", "-keystore", keyDir.resolve("trust.p12").toString(), "-storepass", PASSWORD);
    }

    @BeforeEach
    void start() throws Exception {
        Path keys = keyDir.resolve("central.p12");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_DEMO", "true", "CARDDESK_RETENTION_AT", "off"))
                .with(port, MigratedH2.url(dir.resolve("central/central"), true)).withTls(keys, PASSWORD);
        central = CentralServer.start(config, new SmtpMailer("127.0.0.1", 1, "desk@carddesk.invalid"),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (central != null) {
            central.close();
        }
    }

    private CentralClient client(String scheme, javax.net.ssl.SSLContext tls) {
        return new CentralClient(List.of(URI.create(scheme + "://127.0.0.1:" + port)),
                CentralConfig.DEFAULT_TOKEN, Json.mapper(), Duration.ofSeconds(2), tls);
    }

    @Test
    void aDeskTrustingTheOrganisationsCertificateGetsThrough() {
        CentralClient trusting = client("https", TrustStore.context(keyDir.resolve("trust.p12"), PASSWORD));
        CentralClient.Response r = trusting.get("/api/v1/loan-rules?lang=da");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aDeskWithoutItIsToldTheCertificateIsNotTrusted() {
        CentralClient system = client("https", TrustStore.context(null, null));
        assertThatThrownBy(() -> system.get("/api/v1/loan-rules?lang=da"))
                .isInstanceOfSatisfying(CentralClient.UnreachableException.class,
                        e -> assertThat(e.untrusted()).as("told apart from a central that is down").isTrue());
        assertThat(new WorkstationEnrolment(new CentralEnroller(TrustStore.context(null, null)), values -> {
            throw new AssertionError("nothing is saved");
        }).enrol("https://127.0.0.1:" + port, "abcd-efgh-jkmn"))
                .isEqualTo(new WorkstationEnrolment.Refused("enrol.untrusted"));
    }

    @Test
    void plainHttpGetsNoAnswerFromTheHttpsPort() {
        CentralClient plain = client("http", TrustStore.context(null, null));
        assertThatThrownBy(() -> plain.get("/api/v1/loan-rules?lang=da"))
                .isInstanceOfSatisfying(CentralClient.UnreachableException.class,
                        e -> assertThat(e.untrusted()).isFalse());
    }

    @Test
    void aTrustStoreThatCannotBeReadIsNamedInTheMessage() {
        assertThatThrownBy(() -> TrustStore.context(dir.resolve("missing.p12"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.p12")
                .hasMessageContaining("carddesk.central.truststore");
    }
}
