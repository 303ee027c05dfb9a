package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * What an operator's Prometheus scrapes at {@code /metrics} (with the operator's credential):
 * requests by route and status with latency histograms, the mail outbox, the change feed and the
 * database pool. Counts and times only, never personal data.
 */
final class CentralMetrics {

    private static final String STARTED = "carddesk.metrics.started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Request timers by method, route and status, each looked up in the registry once. */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    CentralMetrics(CentralDatabase db, MailOutbox mails) {
        Gauge.builder("carddesk.mail.outbox.pending", mails, MailOutbox::pending)
                .description("PIN mails stored and not sent yet").register(registry);
        Gauge.builder("carddesk.change.feed.last.seq", db, d -> d.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COALESCE(MAX(seq), 0) FROM change_feed").mapTo(Long.class).one()))
                .description("The change feed's newest position").register(registry);
        Gauge.builder("carddesk.db.pool.active", db, d -> d.poolActive())
                .description("Database connections in use by requests now").register(registry);
        Gauge.builder("carddesk.db.pool.idle", db, d -> d.poolIdle())
                .description("Database connections open and free").register(registry);
        Gauge.builder("carddesk.db.pool.waiting", db, d -> d.poolWaiting())
                .description("Requests waiting for a database connection").register(registry);
    }

    /** Times every request by its route (never its URL, which may hold ids) and status. */
    void install(Javalin app, OperatorCredential operator) {
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(this::record);
        app.get("/metrics", ctx -> {
            if (!operator.presentedIn(ctx.header("Authorization"))) {
                throw new ApiException(401, ErrorCode.UNAUTHORIZED, null,
                        "Metrics are for the operator: send the operator's credential as 'Authorization: Bearer'.");
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        String path = ctx.endpointHandlerPath();
        String route = path == null || path.isEmpty() ? "unmatched" : path;
        String method = ctx.method().name();
        String status = Integer.toString(ctx.statusCode());
        // Each timer is looked up in the registry once: the registry's own look-up takes a lock
        // that every request would queue on.
        timers.computeIfAbsent(method + " " + route + " " + status, key -> Timer.builder("carddesk.http.requests")
                .description("Requests by route and status").tag("method", method).tag("route", route)
                .tag("status", status).publishPercentileHistogram().register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
