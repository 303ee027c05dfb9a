package app.carddesk.central;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The real central service on a free loopback port with an H2 file, and a plain HTTP client for it. */
final class CentralFixture implements AutoCloseable {

    static final String TOKEN = "test-token-dk";
    static final String TOKEN_NO = "test-token-no";

    final CentralServer server;
    final HttpClient http = HttpClient.newHttpClient();

    CentralFixture(Path dir, int smtpPort) {
        CentralConfig config = CentralConfig.from(Map.of("CARDDESK_CENTRAL_TOKEN", TOKEN,
                "CARDDESK_CENTRAL_LIBRARY", "DEMO-DK")).with(0, "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath())
                .withSmtp("127.0.0.1", smtpPort);
        server = CentralServer.start(config, new SmtpPinMailer("127.0.0.1", smtpPort, "desk@carddesk.invalid"),
                Clock.systemUTC());
        server.database().jdbi().useHandle(h -> h.execute(
                "INSERT INTO workstation (token_hash, library_code, name) VALUES (?, 'DEMO-NO', 'oslo desk')",
                CentralService.sha256(TOKEN_NO)));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
