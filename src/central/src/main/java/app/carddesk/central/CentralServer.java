package app.carddesk.central;

import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.api.DemoStaff;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.api.FieldLimit;
import app.carddesk.api.Permission;
import app.carddesk.api.Json;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.identity.PopulationRegister;
import app.carddesk.identity.StandInPopulationRegister;
import app.carddesk.security.PinHasher;
import app.carddesk.security.Argon2PinHasher;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central API over HTTP (Javalin). Every error is JSON with a stable code; no request body,
 * query string or personal data is ever logged.
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    private static final String CALLER = "carddesk.caller";
    private static final String OPERATOR = "carddesk.operator";

    private final CentralDatabase database;
    private final Javalin app;
    private final RetentionJob retention;
    private final MailOutbox mails;
    private final java.util.concurrent.ScheduledExecutorService daily;
    private final AuditChain audit;
    private final VerificationRounds rounds;
    /** Seals the audit trail and starts verification rounds whose time has come. */
    private final java.util.concurrent.ScheduledExecutorService background;

    private CentralServer(CentralDatabase database, Javalin app, RetentionJob retention, MailOutbox mails,
                          java.util.concurrent.ScheduledExecutorService daily, AuditChain audit,
                          VerificationRounds rounds) {
        this.database = database;
        this.app = app;
        this.retention = retention;
        this.mails = mails;
        this.daily = daily;
        this.audit = audit;
        this.rounds = rounds;
        this.background = CentralThreads.scheduled("carddesk-background");
        every(SEAL_EVERY, "Audit sealing", audit::seal);
        every(ROUND_CHECK_EVERY, "Verification round start", rounds::startDue);
    }

    /** How soon a new audit entry joins the chain. */
    static final java.time.Duration SEAL_EVERY = java.time.Duration.ofSeconds(2);
    /** How soon after its time a verification round starts. */
    static final java.time.Duration ROUND_CHECK_EVERY = java.time.Duration.ofSeconds(10);

    private void every(java.time.Duration period, String job, Runnable task) {
        background.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed ({}); it is tried again shortly", job, e.getClass().getName());
            }
        }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** What the API does, apart from HTTP: one part per job, sharing one envelope for idempotent writes. */
    record Parts(Envelope envelope, Workstations workstations, Registrations registrations, Patrons patrons,
                 Memberships memberships, PatronSearch search, Feed feed, SeriesRegister series,
                 PopulationLookup population, PinMails pinMails, StaffSessions staff, StaffAccounts accounts,
                 Enrolment enrolment,
                 VerificationRounds rounds, RegisterKeys registerKeys, LibraryConfigurations configurations) {

        static Parts of(CentralDatabase db, PopulationRegister population, PinHasher pinHasher, MailOutbox mails,
                        ObjectMapper json, Clock clock) {
            Jdbi jdbi = db.jdbi();
            Envelope envelope = new Envelope(jdbi, json, clock);
            PatronValidation validation = new PatronValidation(jdbi, clock);
            PatronRegistry registry = new PatronRegistry(jdbi, validation, clock);
            Memberships memberships = new Memberships(jdbi, registry, clock);
            StaffSessions staff = new StaffSessions(jdbi, pinHasher, clock);
            return new Parts(envelope, new Workstations(jdbi, clock),
                    new Registrations(jdbi, validation, registry, envelope, clock, staff),
                    new Patrons(jdbi, registry, memberships, envelope), memberships, new PatronSearch(jdbi, clock),
                    new Feed(jdbi), new SeriesRegister(jdbi, envelope, clock),
                    new PopulationLookup(jdbi, population, envelope, clock),
                    new PinMails(pinHasher, mails, envelope, clock), staff, new StaffAccounts(jdbi, pinHasher, clock),
                    new Enrolment(jdbi, clock), new VerificationRounds(jdbi, pinHasher, mails, clock),
                    new RegisterKeys(jdbi, clock), new LibraryConfigurations(jdbi, clock));
        }
    }

    /** Opens the database and starts listening; a port of 0 picks a free one. */
    public static CentralServer start(CentralConfig config, Mailer mailer, Clock clock) {
        config.refusal().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        CentralDatabase db = CentralDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        if (config.demo()) {
            db.loadDemoData();
            LOG.warn("DEMO MODE: demo libraries with public tokens. Never use this register for real patrons.");
        }
        ObjectMapper json = Json.mapper();
        MailOutbox mails = new MailOutbox(db.jdbi(), mailer, clock);
        Parts parts = Parts.of(db, StandInPopulationRegister.withBundledFixture(), new Argon2PinHasher(), mails, json,
                clock);
        RetentionJob retention = new RetentionJob(db.jdbi(), mailer, clock, config.auditKept());
        int keyed = SearchKeys.backfill(db.jdbi());
        if (keyed > 0) {
            LOG.info("Search keys written for {} patrons stored before they existed", keyed);
        }
        if (config.demoToken() != null && !config.demoToken().isBlank()) {
            boolean known = db.jdbi().withExtension(CentralDaos.Libraries.class,
                    d -> d.byCode(config.demoLibrary()).isPresent());
            if (!known) {
                db.close();
                throw new IllegalStateException("CARDDESK_CENTRAL_LIBRARY names library '" + config.demoLibrary()
                        + "', which the register does not have.");
            }
            parts.workstations().register(config.demoToken(), config.demoLibrary(),
                    config.demo() ? "demo workstation" : "configured workstation", db.isPostgres());
        }
        if (config.demo()) {
            // One public token for each demo library, so that a Norwegian demo desk can connect too.
            CentralConfig.DEMO_TOKENS.forEach((library, token) -> parts.workstations().register(token, library,
                    "demo workstation", db.isPostgres()));
            DemoStaff.USERS.forEach((library, user) -> parts.accounts().addDemoAccount(user,
                    "Demo staff (" + library + ")", library, DemoStaff.ROLES));
            parts.accounts().addDemoAccount(DemoStaff.ORGANISATION_ADMIN, "Demo organisation administrator", "DEMO-DK",
                    java.util.List.of("ORGANISATION_ADMIN"));
        }
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(json, false));
            c.http.maxRequestSize = Api.MAX_BODY_BYTES;
            // The one connector, HTTPS when configured (then Jetty opens no plain HTTP port).
            c.jetty.addConnector((server, http) -> connector(server, http, config));
        });
        OperatorCredential operator = new OperatorCredential(config.adminToken());
        new CentralMetrics(db, mails).install(app, operator);
        routes(app, parts, db, retention, new RateLimits(config.limits(), clock), config, operator);
        app.start();
        if (!config.tls().enabled()) {
            if (!config.demo() && !isLoopback(config.bind())) {
                LOG.warn("Serving plain HTTP on {}: put a reverse proxy that terminates TLS in front, or set "
                        + "CARDDESK_CENTRAL_TLS_KEYSTORE", config.bind());
            }
        }
        LOG.info("Central service listening on {}://{}:{}", config.tls().enabled() ? "https" : "http", config.bind(),
                app.port());
        return new CentralServer(db, app, retention, mails, scheduleDaily(retention, config.retentionTime(), clock),
                new AuditChain(db.jdbi()), parts.rounds());
    }

    /**
     * The service's connector: plain HTTP, or HTTPS with the configured key store and TLS 1.2 and 1.3
     * only (Jetty's defaults exclude the rest). Jetty keeps the header lines a connection sent before
     * and by default matches them without regard to case: a credential sent a second time on the same
     * connection in other letter case would be read as the first one. Tokens are case-sensitive, so
     * the match must be too.
     */
    private static org.eclipse.jetty.server.ServerConnector connector(org.eclipse.jetty.server.Server server,
            org.eclipse.jetty.server.HttpConfiguration http, CentralConfig config) {
        http.setHeaderCacheCaseSensitive(true);
        if (!config.tls().enabled()) {
            var connector = new org.eclipse.jetty.server.ServerConnector(server,
                    new org.eclipse.jetty.server.HttpConnectionFactory(http));
            connector.setHost(config.bind());
            connector.setPort(config.port());
            return connector;
        }
        var tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        tls.setKeyStorePath(config.tls().keyStore().toAbsolutePath().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(config.tls().password());
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        var secure = new org.eclipse.jetty.server.HttpConfiguration(http);
        secure.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
        secure.setHeaderCacheCaseSensitive(true);
        var connector = new org.eclipse.jetty.server.ServerConnector(server,
                new org.eclipse.jetty.server.SslConnectionFactory(tls, "http/1.1"),
                new org.eclipse.jetty.server.HttpConnectionFactory(secure));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        return connector;
    }

    /**
     * Where a request comes from, for rate limits and blocks: the connection's address, or behind a
     * trusted reverse proxy the address that proxy saw (the last one in X-Forwarded-For).
     */
    static String source(Context ctx, CentralConfig config) {
        String peer = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !config.trustedProxies().contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 45 ? peer : last;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equalsIgnoreCase("localhost");
    }

    /** Runs the retention job every day at the configured time (UTC); a failed run is retried the next day. */
    private static java.util.concurrent.ScheduledExecutorService scheduleDaily(RetentionJob job,
                                                                              java.time.LocalTime at, Clock clock) {
        if (at == null) {
            return null;
        }
        var executor = CentralThreads.scheduled("carddesk-retention");
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC));
        java.time.ZonedDateTime next = now.with(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        executor.scheduleAtFixedRate(() -> {
            try {
                job.runAlone(false, 0);
            } catch (RuntimeException e) {
                LOG.error("Retention run failed ({}); it runs again tomorrow", e.getClass().getName());
            }
        }, java.time.Duration.between(now, next).toSeconds(), java.util.concurrent.TimeUnit.DAYS.toSeconds(1),
                java.util.concurrent.TimeUnit.SECONDS);
        LOG.info("Retention runs daily at {} UTC; the audit trail is kept {}", at, job.auditKept());
        return executor;
    }

    private static void routes(Javalin app, Parts parts, CentralDatabase db, RetentionJob retention, RateLimits limits,
                               CentralConfig config, OperatorCredential operator) {
        Envelope envelope = parts.envelope();
        Memberships memberships = parts.memberships();
        Patrons patrons = parts.patrons();
        SeriesRegister series = parts.series();
        app.before(ctx -> {
            // Refused before any route runs: a route that never reads its body (the API document, a GET)
            // answered while the body was still arriving, and its answer could arrive cut off.
            if (ctx.req().getContentLengthLong() > Api.MAX_BODY_BYTES) {
                ctx.header("Connection", "close");
                throw new ApiException(413, ErrorCode.BODY_TOO_LARGE, null, "A request body is at most "
                        + Api.MAX_BODY_BYTES + " bytes; send large batches in parts.");
            }
        });
        app.get("/health", ctx -> ctx.json(Map.of("status", "ok", "mode", config.demo() ? "demo" : "production")));
        // Readiness: the service answers and its database does, within a second.
        app.get("/ready", ctx -> {
            if (db.answers()) {
                ctx.json(Map.of("status", "ready"));
            } else {
                ctx.status(503).json(Map.of("status", "not_ready", "reason", "database"));
            }
        });
        app.get("/api/v1/openapi.yaml", ctx -> {
            try (InputStream in = CentralServer.class.getResourceAsStream("/app/carddesk/central/openapi.yaml")) {
                ctx.contentType("application/yaml").result(in.readAllBytes());
            }
        });
        app.before("/api/v1/*", ctx -> {
            if (ctx.path().equals("/api/v1/openapi.yaml")) {
                return;
            }
            String source = source(ctx, config);
            if (ctx.path().equals("/api/v1/enrolment")) {
                // A new desk has no credential yet: its one-time code is checked by the route, and a
                // wrong code counts as a failed authentication of the address.
                limits.requireNotBlocked(source);
                return;
            }
            limits.requireNotBlocked(source);
            String authorization = ctx.header("Authorization");
            if (operator.presentedIn(authorization)) {
                ctx.attribute(OPERATOR, Boolean.TRUE);
                return;
            }
            Caller caller;
            try {
                caller = parts.workstations().authenticate(authorization).withDesk(ctx.header("X-CardDesk-Desk"));
            } catch (ApiException refused) {
                limits.failed(source);
                throw refused;
            }
            String session = ctx.header(Api.SESSION_HEADER);
            if (session != null) {
                try {
                    caller = parts.staff().resolve(caller, session);
                } catch (ApiException refused) {
                    limits.failed(source);
                    throw refused;
                }
                if (caller.staff().mustChangePassword() && !ctx.path().startsWith("/api/v1/sessions/current")) {
                    throw new ApiException(403, ErrorCode.PASSWORD_CHANGE_REQUIRED, null, "Choose a new password "
                            + "first: the one you signed in with was set by an administrator.");
                }
            } else if (ctx.header(Api.ACTING_FOR_HEADER) != null && !ctx.path().startsWith("/api/v1/sessions")) {
                // A change queued at the desk, sent by the workstation for the person who made it.
                caller = parts.staff().actingFor(caller, ctx.header(Api.ACTING_FOR_HEADER));
            }
            ctx.attribute(CALLER, caller);
        });
        StaffSessions staff = parts.staff();
        StaffAccounts accounts = parts.accounts();
        app.post("/api/v1/sessions", ctx -> {
            if (ctx.header(Api.SESSION_HEADER) != null) {
                throw new ApiException(400, ErrorCode.INVALID_QUERY, Api.SESSION_HEADER, "Sign in without a session; "
                        + "sign out first to switch user.");
            }
            Api.Session session = staff.signIn(caller(ctx), ctx.body(), envelope);
            // The desk's register key comes back to this desk's own credential only (decision 0012).
            ctx.status(201).json(parts.registerKeys().forSignIn(caller(ctx)).map(session::withRegisterKey)
                    .orElse(session));
        });
        app.get("/api/v1/sessions/current", ctx -> ctx.json(staff.current(caller(ctx))));
        app.delete("/api/v1/sessions/current", ctx -> {
            staff.signOut(caller(ctx));
            ctx.status(204);
        });
        app.post("/api/v1/sessions/current/password", ctx -> {
            staff.changePassword(caller(ctx), ctx.body(), envelope);
            ctx.status(204);
        });
        app.post("/api/v1/enrolment-codes", ctx -> ctx.status(201).json(parts.enrolment().newCode(caller(ctx),
                envelope.parse(ctx.body(), Api.EnrolmentRequest.class))));
        app.post("/api/v1/enrolment", ctx -> {
            try {
                ctx.status(201).json(parts.enrolment().enrol(envelope.parse(ctx.body(), Api.Enrol.class),
                        ctx.header("X-CardDesk-Desk")));
            } catch (ApiException refused) {
                if (refused.status() == 422) {
                    limits.failed(source(ctx, config));
                }
                throw refused;
            }
        });
        app.put("/api/v1/desks/{deskId}/register-key", ctx -> {
            parts.registerKeys().hold(caller(ctx), ctx.pathParam("deskId"),
                    envelope.parse(ctx.body(), Api.RegisterKey.class));
            ctx.status(204);
        });
        app.get("/api/v1/workstations", ctx -> ctx.json(parts.enrolment().list(caller(ctx))));
        app.post("/api/v1/workstations/{accountId}/revoke", ctx -> ctx.json(parts.enrolment().revoke(caller(ctx),
                accountId(ctx))));
        app.get("/api/v1/staff", ctx -> ctx.json(accounts.accounts(caller(ctx))));
        app.get("/api/v1/staff/signs", ctx -> ctx.json(accounts.signs(caller(ctx))));
        app.get("/api/v1/staff/acting", ctx -> ctx.json(staff.acting(caller(ctx))));
        app.get("/api/v1/library/hours", ctx -> ctx.json(accounts.hours(caller(ctx))));
        app.put("/api/v1/library/hours", ctx -> ctx.json(accounts.setHours(caller(ctx), ctx.body(), envelope)));
        app.post("/api/v1/staff", ctx -> ctx.status(201).json(accounts.create(caller(ctx), ctx.body(), envelope)));
        app.post("/api/v1/verification-rounds", ctx -> ctx.status(201).json(parts.rounds().schedule(caller(ctx),
                ctx.body(), envelope)));
        app.get("/api/v1/verification-rounds/current", ctx -> ctx.json(parts.rounds().current(caller(ctx))));
        app.delete("/api/v1/verification-rounds/current", ctx -> {
            parts.rounds().cancel(caller(ctx));
            ctx.status(204);
        });
        app.get("/api/v1/verification-rounds/current/accounts", ctx -> ctx.json(parts.rounds().accounts(caller(ctx))));
        app.post("/api/v1/verification-rounds/current/accounts/{accountId}", ctx -> ctx.json(parts.rounds()
                .decide(caller(ctx), accountId(ctx), ctx.body(), envelope)));
        app.post("/api/v1/staff/{accountId}/lock", ctx -> ctx.json(accounts.setLocked(caller(ctx), accountId(ctx), true)));
        app.put("/api/v1/staff/{accountId}/roles", ctx -> ctx.json(accounts.setRoles(caller(ctx), accountId(ctx),
                ctx.body(), envelope)));
        app.post("/api/v1/staff/{accountId}/unlock", ctx -> ctx.json(accounts.setLocked(caller(ctx), accountId(ctx),
                false)));
        app.post("/api/v1/patrons", ctx -> answer(ctx,
                parts.registrations().register(caller(ctx, Permission.ISSUE), ctx.header("Idempotency-Key"), ctx.body())));
        app.post("/api/v1/patrons/batch", ctx -> ctx.json(parts.registrations().registerBatch(caller(ctx, Permission.ISSUE), ctx.body())));
        app.get("/api/v1/patrons", ctx -> {
            String card = ctx.queryParam("cardNumber");
            String identity = ctx.queryParam("identity");
            if (identity != null) {
                // Proxies and access logs keep URLs: a national ID never travels in one.
                throw new ApiException(400, ErrorCode.IDENTITY_IN_URL, "identity", "A national ID is never sent in a URL. "
                        + "Use POST /api/v1/patrons/search with {\"identity\": ...} in the body.");
            }
            if (card != null) {
                ctx.json(patrons.findByCard(caller(ctx), card));
            } else {
                throw new ApiException(400, ErrorCode.QUERY_MISSING, null, "Ask by ?cardNumber=, or search with "
                        + "POST /api/v1/patrons/search.");
            }
        });
        app.post("/api/v1/patrons/search", ctx -> ctx.json(parts.search().search(caller(ctx),
                envelope.parse(ctx.body(), Api.PatronSearch.class))));
        app.get("/api/v1/patrons/{id}", ctx -> ctx.json(patrons.get(caller(ctx), id(ctx))));
        app.put("/api/v1/patrons/{id}", ctx -> answer(ctx, patrons.update(caller(ctx, Permission.EDIT), id(ctx),
                ctx.header("If-Match"), ctx.header("Idempotency-Key"), ctx.body())));
        app.delete("/api/v1/patrons/{id}", ctx -> {
            Answer a = patrons.delete(caller(ctx, Permission.UNSUBSCRIBE), id(ctx), ctx.header("Idempotency-Key"));
            ctx.status(a.status());
        });
        app.post("/api/v1/patrons/{id}/pin-email", ctx -> answer(ctx,
                parts.pinMails().emailPin(caller(ctx, Permission.ISSUE), id(ctx), ctx.header("Idempotency-Key"), ctx.body())));
        // A POST, so that national IDs stay out of URLs and access logs.
        app.post("/api/v1/national/search", ctx -> {
            caller(ctx, Permission.REGISTER_NATIONAL_ID);
            Api.NationalSearch q = envelope.parse(ctx.body(), Api.NationalSearch.class);
            limits.nationalSearch(caller(ctx).library().code() + "/" + caller(ctx).workstation());
            if (blank(q.cardNumber()) == blank(q.identity())) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "cardNumber", "Search by a card number or a national ID.");
            }
            FieldLimit.CARD_NUMBER.problem(q.cardNumber()).ifPresent(problem -> {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "cardNumber", problem);
            });
            if (q.identity() != null && (q.identity().length() > 40 || FieldLimit.hasControlCharacter(q.identity()))) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "identity", "A national ID is one short line of digits.");
            }
            ctx.json(memberships.findNationally(caller(ctx), blank(q.cardNumber()) ? null : q.cardNumber(),
                    q.identity()));
        });
        app.get("/api/v1/loan-rules", ctx -> ctx.json(memberships.loanRules(caller(ctx), ctx.queryParam("lang"))));
        app.post("/api/v1/patrons/{id}/activation", ctx -> ctx.json(memberships.activate(caller(ctx), id(ctx),
                envelope.parse(ctx.body(), Api.Activation.class))));
        app.get("/api/v1/patrons/{id}/history", ctx -> ctx.json(memberships.history(caller(ctx), id(ctx))));
        app.get("/api/v1/patrons/{id}/memberships", ctx -> ctx.json(memberships.memberships(caller(ctx), id(ctx))));
        app.put("/api/v1/patrons/{id}/standing", ctx -> ctx.json(memberships.reportStanding(caller(ctx), id(ctx),
                envelope.parse(ctx.body(), Api.Standing.class))));
        app.post("/api/v1/patrons/{id}/unsubscribe", ctx -> ctx.json(memberships.unsubscribe(caller(ctx, Permission.UNSUBSCRIBE), id(ctx))));
        app.post("/api/v1/patrons/{id}/merge", ctx -> answer(ctx, patrons.merge(caller(ctx, Permission.MERGE), id(ctx),
                ctx.header("Idempotency-Key"), ctx.body())));
        app.get("/api/v1/retention/held", ctx -> ctx.json(retention.held(caller(ctx, Permission.HELD_LIST).library().code())));
        app.get("/api/v1/changes", ctx -> ctx.json(parts.feed().changes(caller(ctx),
                number(ctx.queryParam("after"), 0), (int) number(ctx.queryParam("limit"), Api.FEED_PAGE_DEFAULT))));
        app.get("/api/v1/card-series", ctx -> ctx.json(operator(ctx) ? series.allSeries()
                : series.series(caller(ctx))));
        app.post("/api/v1/card-series", ctx -> {
            requireOperator(ctx);
            ctx.status(201).json(series.reserveSeries(ctx.body()));
        });
        app.delete("/api/v1/card-series/{seriesId}", ctx -> {
            requireOperator(ctx);
            series.withdrawSeries(seriesId(ctx));
            ctx.status(204);
        });
        app.get("/api/v1/library/configuration", ctx -> {
            // A desk asks at every sync whether its library's configuration changed: 304 when not.
            String code = caller(ctx).library().code();
            int version = parts.configurations().version(code).orElseThrow(() -> LibraryConfigurations.unknown(code));
            String etag = "\"" + version + "\"";
            ctx.header("ETag", etag);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.json(parts.configurations().get(code).orElseThrow(() -> LibraryConfigurations.unknown(code)));
        });
        app.get("/api/v1/libraries/{code}/configuration", ctx -> {
            String code = ctx.pathParam("code");
            configurationAuthor(ctx, code);
            ctx.json(parts.configurations().get(code).orElseThrow(() -> LibraryConfigurations.unknown(code)));
        });
        app.put("/api/v1/libraries/{code}/configuration", ctx -> {
            String code = ctx.pathParam("code");
            LibraryConfigurations.Author author = configurationAuthor(ctx, code);
            ConfigurationFile.Read read = ConfigurationFile.read(ctx.bodyAsBytes());
            if (!read.ok()) {
                LibraryConfiguration.Problem first = read.problems().get(0);
                throw "(file)".equals(first.field()) ? new ApiException(400, ErrorCode.MALFORMED_JSON, null,
                        first.reason()) : LibraryConfigurations.refused(read.problems());
            }
            LibraryConfigurations.Stored stored = parts.configurations().put(code, read.configuration(), author);
            ctx.status(stored.created() ? 201 : 200).json(stored.configuration());
        });
        app.get("/api/v1/libraries/{code}/card-series/stock", ctx -> {
            String code = ctx.pathParam("code");
            configurationAuthor(ctx, code);
            ctx.json(parts.configurations().stock(code));
        });
        app.post("/api/v1/population/lookup", ctx -> {
            limits.populationLookup(caller(ctx, Permission.REGISTER_NATIONAL_ID).library().code() + "/" + caller(ctx).workstation());
            ctx.json(parts.population().lookup(caller(ctx), ctx.body()));
        });

        app.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            ctx.status(e.status()).json(e.toError());
        });
        app.exception(Exception.class, (e, ctx) -> {
            // Exception messages can quote data (database errors quote values), so only where it failed is logged.
            StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            LOG.error("Request failed: {} {} ({} at {})", ctx.method(), ctx.matchedPath(), e.getClass().getName(), at);
            ctx.status(500).json(new Api.Error(ErrorCode.INTERNAL_ERROR.code(), null,
                    "The central service failed; nothing was changed by this request. Try again later.", null));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(new Api.Error(ErrorCode.NOT_FOUND.code(), null, "No such resource in API v1.", null));
            }
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void answer(Context ctx, Answer answer) {
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    private static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new ApiException(401, ErrorCode.WORKSTATION_ONLY, null, "This route is for a library's workstations; "
                    + "the operator credential reserves and withdraws card series only.");
        }
        return caller;
    }

    /** The caller, refused (403, the permission named) when the signed-in person may not do this. */
    private static Caller caller(Context ctx, Permission permission) {
        Caller caller = caller(ctx);
        caller.require(permission);
        return caller;
    }

    private static UUID accountId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("accountId"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "accountId", "A staff account id is a UUID.");
        }
    }

    /**
     * Who may see and change a library's configuration: the operator, an organisation administrator,
     * or the library's own administrator (library_config), who changes everything but its series.
     */
    private static LibraryConfigurations.Author configurationAuthor(Context ctx, String code) {
        if (operator(ctx)) {
            return LibraryConfigurations.Author.operator("operator");
        }
        Caller caller = caller(ctx);
        StaffSessions.Staff staff = caller.requireStaffSession();
        if (staff.permissions().contains(Permission.ORGANISATION_ADMIN)) {
            return LibraryConfigurations.Author.of(caller, true);
        }
        if (!caller.library().code().equals(code)) {
            throw StaffSessions.denied(Permission.ORGANISATION_ADMIN, caller.library().code());
        }
        caller.require(Permission.LIBRARY_CONFIG);
        return LibraryConfigurations.Author.of(caller, false);
    }

    private static boolean operator(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(OPERATOR));
    }

    /** Card series are reserved by the organisation's operator, never by a workstation. */
    private static void requireOperator(Context ctx) {
        if (!operator(ctx)) {
            throw new ApiException(403, ErrorCode.OPERATOR_ONLY, null, "Only the organisation's operator credential "
                    + "(CARDDESK_CENTRAL_ADMIN_TOKEN) reserves or withdraws card series.");
        }
    }

    private static long seriesId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("seriesId"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "seriesId", "A card series id is a whole number.");
        }
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "id", "A patron id is a UUID.");
        }
    }

    private static long number(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, null, "'" + text + "' is not a whole number.");
        }
    }

    public int port() {
        return app.port();
    }

    public CentralDatabase database() {
        return database;
    }

    public RetentionJob retention() {
        return retention;
    }

    /** The audit trail's hash chain. */
    public AuditChain audit() {
        return audit;
    }

    /** Verification rounds of the organisation's personal accounts. */
    VerificationRounds rounds() {
        return rounds;
    }

    /** Starts a verification round whose time has come now, rather than at the next check. */
    public int startDueVerificationRounds() {
        return rounds.startDue();
    }

    /** The operator command {@code reactivate-admin}: see {@link VerificationRounds#reactivateByOperator}. */
    public String reactivateAdministrator(String userName, String verificationCode) {
        return rounds.reactivateByOperator(userName, verificationCode);
    }

    /** The PIN mails waiting for the mail server. */
    public MailOutbox mailOutbox() {
        return mails;
    }

    /**
     * Stops taking requests, lets a retention run or audit seal under way finish its batch (an
     * interrupted H2 write closes the file under it), sends no more mail, then closes the database.
     */
    @Override
    public void close() {
        app.stop();
        if (daily != null) {
            CentralThreads.finish(daily, "Retention");
        }
        CentralThreads.finish(background, "Audit sealing");
        mails.close();
        database.close();
    }

}
