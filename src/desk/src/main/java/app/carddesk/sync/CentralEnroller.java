package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Json;
import app.carddesk.staff.WorkstationEnrolment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Enrolment at the central register: {@code POST /api/v1/enrolment}, the one request made without a token. */
public final class CentralEnroller implements WorkstationEnrolment.Enroller {

    private final HttpClient http;

    /** Names this desk, so that a desk enrolled again gets its register's key at the new credential. */
    private java.util.function.Supplier<String> deskId = () -> null;

    public CentralEnroller withDesk(java.util.function.Supplier<String> desk) {
        this.deskId = desk;
        return this;
    }

    /** Enrols with the central register over HTTPS trusting {@code tls}'s certificates, or plain HTTP. */
    public CentralEnroller(javax.net.ssl.SSLContext tls) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
    }

    @Override
    public Answer enrol(URI central, String code) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(central.resolve("/api/v1/enrolment"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .header("X-CardDesk-Desk", java.util.Objects.requireNonNullElse(deskId.get(), ""))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(new Api.Enrol(code))))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 201) {
                Api.Enrolled e = Json.mapper().readValue(r.body(), Api.Enrolled.class);
                return new Enrolled(e.token(), e.library(), e.workstationName(), e.libraryName());
            }
            if (r.statusCode() == 422 && ErrorCode.ENROLMENT_CODE_INVALID.is(Json.mapper().readValue(r.body(),
                    Api.Error.class).error())) {
                return new Invalid();
            }
            return new Unreachable("HTTP " + r.statusCode());
        } catch (IOException e) {
            return TrustStore.untrusted(e) ? new Untrusted() : new Unreachable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        } catch (IllegalArgumentException e) {
            return new Unreachable("address");
        }
    }
}
