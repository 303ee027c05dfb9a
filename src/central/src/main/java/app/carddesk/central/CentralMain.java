package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import java.time.Clock;

/**
 * Starts the central service with the settings from the environment (see the README), or runs
 * the retention job once: {@code retention --dry-run} lists what it would do, {@code retention}
 * does it. {@link SetUp}'s commands put a library into service: its configuration, its first
 * administrator and its first workstation's enrolment code. {@code audit-verify} seals the newest audit entries and walks the audit chain: exit 0
 * when every link holds, 1 with the first broken link.
 */
public final class CentralMain {

    private CentralMain() {
    }

    public static void main(String[] args) throws Exception {
        prepareLog(System.getenv());
        CentralConfig config;
        try {
            config = CentralConfig.fromEnvironment();
        } catch (IllegalArgumentException wrong) {
            System.err.println("CardDesk central service not started: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        Mailer mailer = new SmtpMailer(config.smtpHost(), config.smtpPort(), config.mailFrom());
        if (args.length > 0 && "retention".equals(args[0])) {
            boolean dryRun = args.length > 1 && "--dry-run".equals(args[1]);
            try (CentralDatabase db = CentralDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword())) {
                java.util.Optional<Api.RetentionReport> report = new RetentionJob(db.jdbi(), mailer,
                        Clock.systemUTC(), config.auditKept()).runAlone(dryRun, Integer.MAX_VALUE);
                if (report.isEmpty()) {
                    System.err.println("Another central instance is running the retention job now; nothing was done.");
                    System.exit(3);
                }
                System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.get()));
            }
            return;
        }
        if (args.length > 0 && "reactivate-admin".equals(args[0])) {
            if (args.length != 3) {
                System.err.println("Usage: reactivate-admin <user name> <verification code read out by them>");
                System.exit(2);
            }
            try (CentralDatabase db = CentralDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
                 MailOutbox mails = new MailOutbox(db.jdbi(), mailer, Clock.systemUTC())) {
                String password = new VerificationRounds(db.jdbi(), new app.carddesk.security.Argon2PinHasher(), mails,
                        Clock.systemUTC()).reactivateByOperator(args[1], args[2]);
                System.out.println(args[1] + " is active again. One-time password (read it out; it is changed at the "
                        + "first sign-in): " + password);
            } catch (IllegalArgumentException refused) {
                System.err.println("Not re-activated: " + refused.getMessage());
                System.exit(1);
            }
            return;
        }
        if (args.length > 0 && SetUp.COMMANDS.contains(args[0])) {
            CentralDatabase db;
            try {
                db = CentralDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
            } catch (RuntimeException notOpened) {
                System.err.println(SetUp.cannotOpen(config.jdbcUrl(), notOpened));
                System.exit(1);
                return;
            }
            try (db) {
                System.exit(new SetUp(db, Clock.systemUTC(), System.out, System.err).run(args));
            }
            return;
        }
        if (args.length > 0 && "audit-verify".equals(args[0])) {
            try (CentralDatabase db = CentralDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword())) {
                AuditChain chain = new AuditChain(db.jdbi());
                chain.seal();
                AuditChain.Verdict verdict = chain.verify();
                (verdict.intact() ? System.out : System.err).println(verdict.text());
                System.exit(verdict.intact() ? 0 : 1);
            }
            return;
        }
        CentralServer server;
        try {
            server = CentralServer.start(config, mailer, Clock.systemUTC());
        } catch (IllegalStateException refused) {
            System.err.println("CardDesk central service not started: " + refused.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "carddesk-central-shutdown"));
    }

    /**
     * The log goes to {@code CARDDESK_CENTRAL_LOG_DIR} (default: the service's folder under the
     * user's home), created for its owner only, never to the shared temporary folder. Runs before
     * the first line is logged, which fixes where the log goes.
     */
    static void prepareLog(java.util.Map<String, String> env) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of(env.getOrDefault("CARDDESK_CENTRAL_LOG_DIR",
                java.nio.file.Path.of(System.getProperty("user.home"), ".local", "share", "carddesk-central")
                        .toString()));
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Path log = folder.resolve("carddesk-central.log");
        if (!java.nio.file.Files.exists(log)) {
            java.nio.file.Files.createFile(log);
        }
        try {
            java.nio.file.Files.setPosixFilePermissions(log,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already.
        }
        System.setProperty("carddesk.logDir", folder.toString());
    }
}
