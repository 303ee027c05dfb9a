package app.carddesk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The desk's HTTP client of the central API. Short time-outs: a desk without network must
 * notice quickly and carry on offline.
 */
public final class CentralClient {

    /** An answer from the central service. */
    /** An answer: its status and its body, kept as the bytes that came, read as text on demand. */
    public record Response(int status, byte[] bytes) {
        public Response(int status, String body) {
            this(status, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The central service could not be reached (no network, not running, timed out). */
    public static final class UnreachableException extends RuntimeException {
        private final boolean mayHaveArrived;

        public UnreachableException(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** @param mayHaveArrived a proxy answered for an instance that may have done the request already */
        public UnreachableException(String message, Throwable cause, boolean mayHaveArrived) {
            super(message, cause);
            this.mayHaveArrived = mayHaveArrived;
        }

        /** Whether the request may have been done although no answer came back (a proxy's 502 or 504). */
        public boolean mayHaveArrived() {
            return mayHaveArrived;
        }

        /** The central register answered with a certificate this desk does not trust. */
        public boolean untrusted() {
            return TrustStore.untrusted(getCause());
        }
    }

    /** The central instances this desk may use, in order; requests go to one until it stops answering. */
    private final java.util.List<URI> bases;
    /** The instance in use, shared with the clients made from this one (for a person, for a queued change). */
    private final java.util.concurrent.atomic.AtomicInteger current;
    private final String token;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;

    private final java.util.concurrent.atomic.AtomicReference<String> deskId;
    /** The session of the person requests are made for, or null: the workstation's own requests. */
    private final java.util.function.Supplier<String> session;
    /** Told when the central register says the person's session has ended (locked, expired, signed out). */
    private final Runnable sessionEnded;
    /** The person a queued change was made by, named on requests sent without their session; or null. */
    private final String madeBy;

    /** Names this desk (its local register) to the central service, which leaves its own changes out of its feed. */
    public void identifyAs(String desk) {
        this.deskId.set(desk);
    }

    private CentralClient(CentralClient workstation, java.util.function.Supplier<String> session, Runnable ended,
                          String madeBy) {
        this.bases = workstation.bases;
        this.token = workstation.token;
        this.json = workstation.json;
        this.timeout = workstation.timeout;
        this.http = workstation.http;
        this.deskId = workstation.deskId;
        this.current = workstation.current;
        this.session = session;
        this.sessionEnded = ended;
        this.madeBy = madeBy;
    }

    /**
     * The workstation sending a change queued by {@code person} (possibly offline, hours ago): each
     * request names them, and the central register checks what they may do now. Null: the
     * workstation's own (changes queued before staff signed in).
     */
    public CentralClient madeBy(String person) {
        return person == null ? this : new CentralClient(this, () -> null, () -> { }, person);
    }

    /**
     * The same central service, for requests made for the signed-in person: each carries the
     * person's session while there is one, and a refused session is reported to {@code ended}.
     */
    public CentralClient forPerson(java.util.function.Supplier<String> personSession, Runnable ended) {
        return new CentralClient(this, personSession, ended, null);
    }

    public CentralClient(URI base, String token, ObjectMapper json, Duration timeout) {
        this(java.util.List.of(base), token, json, timeout);
    }

    /**
     * A client of several instances of one central service (on one database): a request that gets
     * no answer from one is sent to the next, and that one is used from then on. Writes carry
     * idempotency keys, so one that reached an instance before it failed is not applied twice.
     */
    public CentralClient(java.util.List<URI> bases, String token, ObjectMapper json, Duration timeout) {
        this(bases, token, json, timeout, TrustStore.context(null, null));
    }

    /** A client that trusts the certificates of {@code tls} (see {@link TrustStore}). */
    public CentralClient(java.util.List<URI> bases, String token, ObjectMapper json, Duration timeout,
                         javax.net.ssl.SSLContext tls) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("at least one central URL");
        }
        this.bases = java.util.List.copyOf(bases);
        this.token = token;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls).build();
        this.deskId = new java.util.concurrent.atomic.AtomicReference<>("");
        this.current = new java.util.concurrent.atomic.AtomicInteger();
        this.session = () -> null;
        this.sessionEnded = () -> { };
        this.madeBy = null;
    }

    /** The instance requests go to now. */
    public URI base() {
        return bases.get(current.get());
    }

    /** Parses a setting such as {@code http://a:8480, http://b:8480}. */
    public static java.util.List<URI> urls(String setting) {
        return java.util.Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(URI::create).toList();
    }

    public Response get(String path) {
        return send(path, request(path).GET());
    }

    /** A GET that the central register answers with 304 while its document still has this ETag (none: always). */
    public Response getIfNoneMatch(String path, String etag) {
        HttpRequest.Builder b = request(path).GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return send(path, b);
    }

    /** Starts a GET and returns at once, so that the desk can work while the central service answers. */
    public java.util.concurrent.CompletableFuture<Response> getAsync(String path) {
        return sendAsync(path, request(path).GET(), 0);
    }

    /** Starts a POST of a JSON document written already, and returns at once. */
    public java.util.concurrent.CompletableFuture<Response> postAsync(String path, byte[] json) {
        return sendAsync(path, request(path).POST(HttpRequest.BodyPublishers.ofByteArray(json)), 0);
    }

    /** Starts a POST and returns at once. */
    public java.util.concurrent.CompletableFuture<Response> postAsync(String path, Object body) {
        return sendAsync(path, request(path).POST(HttpRequest.BodyPublishers.ofString(write(body))), 0);
    }

    /** Waits for an answer started with {@link #getAsync} or {@link #postAsync}. */
    public static <T> T await(java.util.concurrent.CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UnreachableException unreachable) {
                throw unreachable;
            }
            throw new UnreachableException(e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName(),
                    e.getCause());
        }
    }

    public Response post(String path, String idempotencyKey, Object body) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(path, b);
    }

    /** A request made for a signed-in person, who the session names (null: the workstation's own). */
    public Response sendAs(String method, String path, String personSession, Object body) {
        return sendAs(method, path, personSession, body, false);
    }

    /**
     * As {@link #sendAs(String, String, String, Object)}; {@code repeatable}: a write the caller knows
     * does no harm when done twice (a sign-in opens a second session, of which one is used), which
     * therefore goes on to the next instance after a proxy's 502 or 504 as a read does.
     */
    public Response sendAs(String method, String path, String personSession, Object body, boolean repeatable) {
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body)));
        if (personSession != null) {
            b.setHeader(app.carddesk.api.Api.SESSION_HEADER, personSession);
        }
        return send(path, b, repeatable);
    }

    public Response put(String path, String idempotencyKey, int ifMatch, Object body) {
        return put(path, idempotencyKey, ifMatch, body, java.util.Map.of());
    }

    /** A versioned PUT with headers of its own besides the key and the version. */
    public Response put(String path, String idempotencyKey, int ifMatch, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = request(path).PUT(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Idempotency-Key", idempotencyKey).header("If-Match", Integer.toString(ifMatch));
        headers.forEach(b::header);
        return send(path, b);
    }

    /** A PUT that is idempotent by itself (no version, no key), such as a reported standing. */
    public Response putJson(String path, Object body) {
        return send(path, request(path).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response delete(String path, String idempotencyKey) {
        return send(path, request(path).DELETE().header("Idempotency-Key", idempotencyKey));
    }

    public <T> T read(Response response, Class<T> type) {
        try {
            return json.readValue(response.bytes(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the central service answered with a document the desk cannot read", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).timeout(timeout.multipliedBy(3))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CardDesk-Desk", deskId.get());
        String person = session.get();
        if (person != null) {
            b.header(app.carddesk.api.Api.SESSION_HEADER, person);
        } else if (madeBy != null) {
            b.header(app.carddesk.api.Api.ACTING_FOR_HEADER, madeBy);
        }
        return b;
    }

    /** A request made for a person whose session the central register no longer accepts. */
    private Response checked(Response r) {
        if (r.status() == 401 && session.get() != null && sessionRefused(r)) {
            sessionEnded.run();
        }
        return r;
    }

    private boolean sessionRefused(Response r) {
        return app.carddesk.api.ErrorCode.SESSION_INVALID.is(errorCode(r));
    }

    /** The code of the central register's refusal (null when the answer is no error document). */
    public String errorCode(Response r) {
        try {
            return json.readValue(r.bytes(), app.carddesk.api.Api.Error.class).error();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Sends to the current instance, and on to the next ones while an instance does not answer. */
    private Response send(String path, HttpRequest.Builder request) {
        return send(path, request, false);
    }

    private Response send(String path, HttpRequest.Builder request, boolean repeatable) {
        UnreachableException last = null;
        for (int tried = 0; tried < bases.size(); tried++) {
            int at = current.get();
            try {
                return checked(sendOnce(request.uri(bases.get(at).resolve(path))));
            } catch (UnreachableException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (e.mayHaveArrived() && !repeatable && !repeatable(request.build())) {
                    // Not sent again: the caller hears the central did not answer, as after a time-out.
                    current.compareAndSet(at, (at + 1) % bases.size());
                    throw e;
                }
                last = e;
                current.compareAndSet(at, (at + 1) % bases.size());
            }
        }
        throw last;
    }

    /**
     * As {@link #send}, without waiting: a request that gets no answer from one instance goes on to
     * the next, which is used from then on. Sent so are the feed's reads and batches of
     * registrations, each of which carries its own idempotency key: both may be sent again.
     */
    private java.util.concurrent.CompletableFuture<Response> sendAsync(String path, HttpRequest.Builder request,
                                                                       int tried) {
        int at = current.get();
        return http.sendAsync(request.uri(bases.get(at).resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> answered(new Response(r.statusCode(), r.body())))
                .handle((r, failure) -> {
                    if (failure == null) {
                        return java.util.concurrent.CompletableFuture.completedFuture(checked(r));
                    }
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException
                            && failure.getCause() != null ? failure.getCause() : failure;
                    boolean noAnswer = cause instanceof IOException || cause instanceof UnreachableException;
                    if (!noAnswer || tried + 1 >= bases.size()) {
                        return java.util.concurrent.CompletableFuture.<Response>failedFuture(cause);
                    }
                    current.compareAndSet(at, (at + 1) % bases.size());
                    return sendAsync(path, request, tried + 1);
                }).thenCompose(next -> next);
    }

    /**
     * An answer that says the instance behind a reverse proxy or load balancer does not answer (502,
     * 504, or a 503 that is not one of the central service's own refusals) counts as no answer, so
     * that the request goes on to the next instance. So does a 404 that is not the central
     * service's own (it answers every 404 with an error document): the address is some other web
     * server's, and the request never reached a central register.
     */
    private Response answered(Response r) {
        int status = r.status();
        if (status == 502 || status == 504 || (status == 503 || status == 404) && !refusal(r)) {
            throw new UnreachableException(status == 404 ? "answered 404: not a CardDesk central register"
                    : "answered " + status, null, status != 503 && status != 404);
        }
        return r;
    }

    /**
     * Whether a request may go to the next instance after one that may have done it already (a proxy's
     * 502 or 504 can come after the instance did the work): a read, a write idempotent by its method
     * (PUT, DELETE), or one with an idempotency key, which the register answers once.
     */
    private static boolean repeatable(HttpRequest request) {
        return java.util.Set.of("GET", "HEAD", "PUT", "DELETE").contains(request.method())
                || request.headers().firstValue("Idempotency-Key").isPresent();
    }

    /**
     * Whether an answer is a refusal of the central service's own: an error document with a code (one
     * a newer central added as well as those this desk knows).
     */
    private boolean refusal(Response r) {
        try {
            String code = json.readValue(r.bytes(), app.carddesk.api.Api.Error.class).error();
            return code != null && !code.isBlank();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private Response sendOnce(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return answered(new Response(r.statusCode(), r.body()));
        } catch (HttpTimeoutException e) {
            throw new UnreachableException("timed out", e);
        } catch (IOException e) {
            throw new UnreachableException(e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
