package app.carddesk.central;

import app.carddesk.api.DemoStaff;
import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.security.PinHasher;
import app.carddesk.security.Argon2PinHasher;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central API over HTTP (Javalin). Every error is JSON with a stable code; no request body,
 * query string or personal data is ever logged.
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

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
                 VerificationRounds rounds, RegisterKeys registerKeys, LibraryConfigurations configurations,
                 AuditTrail audit, StaffSigns signs) {

        static Parts of(CentralDatabase db, PopulationRegisters population, PinHasher pinHasher, MailOutbox mails,
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
                    new PinMails(jdbi, pinHasher, mails, envelope, clock), staff, new StaffAccounts(jdbi, pinHasher, clock),
                    new Enrolment(jdbi, clock), new VerificationRounds(jdbi, pinHasher, mails, clock),
                    new RegisterKeys(jdbi, clock), new LibraryConfigurations(jdbi, clock),
                    new AuditTrail(jdbi, envelope, clock), new StaffSigns(jdbi, clock));
        }
    }

    /**
     * Opens the database and starts listening; a port of 0 picks a free one. Population registers
     * are those of the service's environment ({@code CARDDESK_POPULATION_ADAPTERS}).
     */
    public static CentralServer start(CentralConfig config, Mailer mailer, Clock clock) {
        return start(config, mailer, clock, PopulationRegisters.fromEnvironment());
    }

    /** The same, asking the given population registers. */
    static CentralServer start(CentralConfig config, Mailer mailer, Clock clock, PopulationRegisters registers) {
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
        Parts parts = Parts.of(db, registers, new Argon2PinHasher(), mails, json,
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
        CentralRoutes.install(app, parts, db, retention, new RateLimits(config.limits(), clock), config, operator);
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
