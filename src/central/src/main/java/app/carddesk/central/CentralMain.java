package app.carddesk.central;

import app.carddesk.api.Json;
import app.carddesk.api.RetentionApi;
import java.time.Clock;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Starts the central service with the settings from the environment (see the README), or runs one
 * operator command against its register and exits ({@link #USAGE}).
 */
public final class CentralMain {

    /** What each command does, and what its exit code says. */
    static final String USAGE = """
            Usage: java -jar carddesk-central.jar [command]      (carddesk-central [command] where installed)
              (no command)                       start the service with the settings in the environment
              retention [--dry-run]              run the retention job once, or list what it would do
              audit-verify                       seal the newest audit entries and walk the audit chain
              reactivate-admin <user name> <verification code read out by them>
                                                 make active again an administrator a verification round
                                                 left inactive, with a one-time password
            """ + SetUp.USAGE.substring(SetUp.USAGE.indexOf('\n') + 1) + "\n" + """

            Exit codes: 0 done; 1 refused (audit-verify: the chain is broken); 2 wrong use or settings;
            3 another instance is running the retention job; 4 the register could not be opened
            (an H2 register is open in the running service: stop it first); 5 the command failed on
            the way (the log says where).""";

    /** Exit code: the register could not be opened. */
    static final int CANNOT_OPEN = 4;

    private CentralMain() {
    }

    public static void main(String[] args) throws Exception {
        prepareLog(System.getenv());
        if (args.length == 0) {
            serve();
            return;
        }
        System.exit(command(args, System.getenv(), System.out, System.err));
    }

    private static void serve() {
        CentralConfig config;
        try {
            config = CentralConfig.fromEnvironment();
        } catch (IllegalArgumentException wrong) {
            notStarted(wrong.getMessage());
            return;
        }
        Mailer mailer;
        try {
            MailServer mail = MailServer.from(System.getenv());
            mailer = new SmtpMailer(mail);
            LoggerFactory.getLogger(CentralMain.class).info("Mail server: {}", mail);
        } catch (IllegalArgumentException wrong) {
            notStarted(wrong.getMessage());
            return;
        }
        CentralServer server;
        try {
            server = CentralServer.start(config, mailer, Clock.systemUTC());
        } catch (IllegalStateException refused) {
            notStarted(refused.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "carddesk-central-shutdown"));
    }

    /**
     * Says why the service did not start where an operator looks for it: its log file and standard
     * error (the journal under systemd), and exits with the code for wrong settings.
     */
    private static void notStarted(String reason) {
        LoggerFactory.getLogger(CentralMain.class).error("CardDesk central service not started: {}", reason);
        System.exit(2);
    }

    /** Runs one operator command with the settings in {@code env}; returns its exit code. */
    static int command(String[] args, java.util.Map<String, String> env, java.io.PrintStream out,
                       java.io.PrintStream err) throws Exception {
        String name = args[0];
        if (List.of("help", "--help", "-h").contains(name)) {
            out.println(USAGE);
            return 0;
        }
        if (!List.of("retention", "audit-verify", "reactivate-admin").contains(name)
                && !SetUp.COMMANDS.contains(name)) {
            err.println("There is no command '" + name + "'. Nothing was started or changed.");
            err.println(USAGE);
            return 2;
        }
        if (name.equals("reactivate-admin") && args.length != 3
                || name.equals("retention") && (args.length > 2 || args.length == 2 && !"--dry-run".equals(args[1]))) {
            err.println(USAGE);
            return 2;
        }
        CentralConfig config;
        MailServer mail;
        try {
            config = CentralConfig.from(env);
            mail = MailServer.from(env);
        } catch (IllegalArgumentException wrong) {
            err.println("Nothing was done: " + wrong.getMessage());
            return 2;
        }
        if (name.equals("config") && args.length >= 2 && List.of("check", "example").contains(args[1])) {
            // A file checked or an example written touches no register: it works beside a running service.
            return new SetUp(null, Clock.systemUTC(), out, err).run(args);
        }
        CentralDatabase db;
        try {
            db = CentralDatabase.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        } catch (RuntimeException notOpened) {
            err.println(SetUp.cannotOpen(config.jdbcUrl(), notOpened));
            return CANNOT_OPEN;
        }
        try (db) {
            Mailer mailer = new SmtpMailer(mail);
            return switch (name) {
                case "retention" -> retention(db, config, mailer, args.length == 2, out, err);
                case "audit-verify" -> auditVerify(db, out, err);
                case "reactivate-admin" -> reactivate(db, mailer, args[1], args[2], out, err);
                default -> new SetUp(db, Clock.systemUTC(), out, err).run(args);
            };
        } catch (RuntimeException failed) {
            // Never "refused" or "broken". Exception messages can quote data (database errors quote
            // values), so only where it failed is logged, as the service does for a failed request.
            StackTraceElement at = failed.getStackTrace().length == 0 ? null : failed.getStackTrace()[0];
            LoggerFactory.getLogger(CentralMain.class).error("The command '{}' failed ({} at {})", name,
                    failed.getClass().getName(), at);
            err.println("The command '" + name + "' failed (" + failed.getClass().getSimpleName() + "); nothing "
                    + "more was done. Try it again; if it fails again, the log says where.");
            return FAILED;
        }
    }

    /** Exit code: the command failed on the way (the register or the network); the log says where. */
    static final int FAILED = 5;

    private static int retention(CentralDatabase db, CentralConfig config, Mailer mailer, boolean dryRun,
                                 java.io.PrintStream out, java.io.PrintStream err) throws Exception {
        java.util.Optional<RetentionApi.RetentionReport> report = new RetentionJob(db.jdbi(), mailer, Clock.systemUTC(),
                config.auditKept()).runAlone(dryRun, Integer.MAX_VALUE);
        if (report.isEmpty()) {
            err.println("Another central instance is running the retention job now; nothing was done.");
            return 3;
        }
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.get()));
        return 0;
    }

    private static int auditVerify(CentralDatabase db, java.io.PrintStream out, java.io.PrintStream err) {
        AuditChain chain = new AuditChain(db.jdbi());
        chain.seal();
        AuditChain.Verdict verdict = chain.verify();
        (verdict.intact() ? out : err).println(verdict.text());
        return verdict.intact() ? 0 : 1;
    }

    private static int reactivate(CentralDatabase db, Mailer mailer, String user, String code,
                                  java.io.PrintStream out, java.io.PrintStream err) {
        try (MailOutbox mails = new MailOutbox(db.jdbi(), mailer, Clock.systemUTC())) {
            String password = new VerificationRounds(db.jdbi(), new app.carddesk.security.Argon2PinHasher(), mails,
                    Clock.systemUTC()).reactivateByOperator(user, code);
            out.println(user + " is active again. One-time password (read it out; it is changed at the first "
                    + "sign-in): " + password);
            return 0;
        } catch (IllegalArgumentException refused) {
            err.println("Not re-activated: " + refused.getMessage());
            return 1;
        }
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
        if (!java.nio.file.Files.isDirectory(folder)) {
            java.nio.file.Files.createDirectories(folder);
            // A folder it made is its owner's only: the log files rolled over later are made in it.
            // One IT made (the package's /var/log/carddesk-central) keeps the rights IT gave it.
            ownerOnly(folder, "rwx------");
        }
        java.nio.file.Path log = folder.resolve("carddesk-central.log");
        if (!java.nio.file.Files.exists(log)) {
            java.nio.file.Files.createFile(log);
        }
        ownerOnly(log, "rw-------");
        System.setProperty("carddesk.logDir", folder.toString());
    }

    private static void ownerOnly(java.nio.file.Path path, String rights) throws java.io.IOException {
        try {
            java.nio.file.Files.setPosixFilePermissions(path,
                    java.nio.file.attribute.PosixFilePermissions.fromString(rights));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already.
        }
    }
}
