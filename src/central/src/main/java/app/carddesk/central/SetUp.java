package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.CentralActor;
import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * What the operator runs on the central's machine to put a library into service, before the
 * library has anyone to sign in: its configuration from a file (and back to a file), its first
 * administrator, and its first workstation's enrolment code. Each says what it did, or exactly
 * what is wrong, and exits 0 or 1 (2 for a wrong command line).
 */
public final class SetUp {

    static final List<String> COMMANDS = List.of("config", "add-admin", "enrolment-code");

    static final String USAGE = """
            Usage:
              config import <file.json>          create or update the library the file configures
              config export <LIBRARY> [file.json] write a library's configuration (to the screen without a file)
              config check <file.json> [card number ...]
                                                 say what is wrong with a file, and whether each number
                                                 printed on a blank card is one of the library's; changing
                                                 nothing
              config example <DK|NO>             a configuration to start from (a Danish or Norwegian library)
              add-admin <LIBRARY> <user name> "<Full name>" [work e-mail]
                                                 the library's first administrator, with a one-time password
              add-admin --organisation <LIBRARY> <user name> "<Full name>" [work e-mail]
                                                 an organisation administrator (libraries, card series,
                                                 verification rounds), signing in at LIBRARY's desks
              add-admin --data-protection <LIBRARY> <user name> "<Full name>" [work e-mail]
                                                 the library's data protection officer (reads its audit;
                                                 the library's administrators cannot lock them)
              enrolment-code <LIBRARY> "<Workstation name>"
                                                 a one-time code (24 hours) for the library's first desk""";

    private final CentralDatabase db;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public SetUp(CentralDatabase db, Clock clock, PrintStream out, PrintStream err) {
        this.db = db;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        try {
            return switch (args[0]) {
                case "config" -> config(args);
                case "add-admin" -> addAdmin(args);
                case "enrolment-code" -> enrolmentCode(args);
                default -> usage();
            };
        } catch (ApiException refused) {
            err.println("Refused: " + (refused.field() == null ? "" : refused.field() + ": ") + refused.getMessage());
            return 1;
        } catch (IllegalArgumentException refused) {
            err.println("Refused: " + refused.getMessage());
            return 1;
        }
    }

    private int config(String[] args) {
        if (args.length == 3 && "import".equals(args[1]) || args.length >= 3 && "check".equals(args[1])) {
            ConfigurationFile.Read read = read(Path.of(args[2]));
            if (read == null) {
                return 1;
            }
            if (!read.ok()) {
                err.println(args[2] + " is not a usable library configuration (nothing was changed):");
                read.problems().forEach(p -> err.println("  " + p.field() + ": " + p.reason()));
                return 1;
            }
            LibraryConfiguration c = read.configuration();
            if ("check".equals(args[1])) {
                out.println(args[2] + " configures " + c.code() + " (" + c.name() + "); nothing wrong with it.");
                untranslatedRules(c).forEach(out::println);
                return cards(c, List.of(args).subList(3, args.length));
            }
            LibraryConfigurations.Stored stored = new LibraryConfigurations(db.jdbi(), clock).put(c.code(),
                    c.withVersion(null), LibraryConfigurations.Author.operator(CentralActor.COMMAND_LINE.stored()));
            out.println(c.code() + " (" + c.name() + ") " + (stored.created() ? "created" : "updated") + ": version "
                    + stored.configuration().version() + ".");
            return 0;
        }
        if (args.length == 3 && "example".equals(args[1]) && ("DK".equals(args[2]) || "NO".equals(args[2]))) {
            out.println(ConfigurationFile.text(example("DK".equals(args[2]))));
            return 0;
        }
        if (args.length >= 3 && args.length <= 4 && "export".equals(args[1])) {
            LibraryConfiguration c = new LibraryConfigurations(db.jdbi(), clock).get(args[2])
                    .orElseThrow(() -> LibraryConfigurations.unknown(args[2]));
            byte[] json = ConfigurationFile.write(c);
            if (args.length == 3) {
                out.println(new String(json, java.nio.charset.StandardCharsets.UTF_8));
                return 0;
            }
            try {
                Files.write(Path.of(args[3]), json);
            } catch (IOException e) {
                err.println("Could not write " + args[3] + ": " + e.getMessage());
                return 1;
            }
            out.println(c.code() + " version " + c.version() + " written to " + args[3] + ".");
            return 0;
        }
        return usage();
    }

    private ConfigurationFile.Read read(Path file) {
        try {
            return ConfigurationFile.read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            err.println("There is no file " + file + ".");
        } catch (IOException e) {
            err.println("Could not read " + file + ": " + e.getMessage());
        }
        return null;
    }

    /**
     * Notes, not faults: a language of the library's that its newest loan rules have no text in
     * (patrons choosing it read them in English). Published rules never change, so this is said
     * before they are imported.
     */
    static List<String> untranslatedRules(LibraryConfiguration c) {
        if (c.loanRules() == null || c.loanRules().isEmpty() || c.languages() == null) {
            return List.of();
        }
        LibraryConfiguration.LoanRules newest = c.loanRules().get(c.loanRules().size() - 1);
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        texts.put("da", newest.text().da());
        texts.put("nb", newest.text().nb());
        java.util.Map<String, String> names = java.util.Map.of("da", "Danish", "nb", "Norwegian");
        return c.languages().stream().filter(names::containsKey)
                .filter(l -> texts.get(l) == null || texts.get(l).isBlank())
                .map(l -> "Note: the newest loan rules (version " + newest.version() + ") have no " + names.get(l)
                        + " text, so patrons who choose " + names.get(l) + " read them in English. Published rules "
                        + "never change: add the text before importing.")
                .toList();
    }

    /**
     * A public library to start a real one from: the country's rules (guardian age, short stays,
     * digital services, address alerts) from its demo library, children's and adults' categories divided
     * at the guardian age, a card series in the country's form, and placeholders for the library's
     * own parts (name, letterhead, branches, card series, categories, loan rules) in the country's
     * language and English.
     */
    private static LibraryConfiguration example(boolean danish) {
        LibraryConfiguration demo = ConfigurationFile.bundled("/app/carddesk/config/demo/DEMO-" + (danish ? "DK" : "NO")
                + ".json");
        LibraryConfiguration.Texts rules = danish
                ? new LibraryConfiguration.Texts("Låneregler for My library (version 1). Erstat teksten med jeres egen.",
                        null, "Loan rules of My library (version 1). Replace this text with your own.")
                : new LibraryConfiguration.Texts(null, "Låneregler for My library (versjon 1). Erstatt teksten med "
                        + "deres egen.", "Loan rules of My library (version 1). Replace this text with your own.");
        // Names in the library's own language and English only, as its letters and desks use them.
        java.util.function.BiFunction<String, String, LibraryConfiguration.Texts> named = (own, english) -> danish
                ? new LibraryConfiguration.Texts(own, null, english) : new LibraryConfiguration.Texts(null, own, english);
        List<LibraryConfiguration.Category> categories = List.of(
                new LibraryConfiguration.Category("ADULT", named.apply("Voksen", "Adult"), demo.guardianAge(), null),
                new LibraryConfiguration.Category("CHILD", named.apply("Barn", "Child"), null, demo.guardianAge() - 1),
                new LibraryConfiguration.Category("STUDENT", named.apply(danish ? "Studerende" : "Student", "Student"),
                        null, null),
                new LibraryConfiguration.Category("INSTITUTION", named.apply(danish ? "Institution" : "Institusjon",
                        "Institution"), null, null));
        return new LibraryConfiguration(demo.format(), null, "MY-LIBRARY", "My library", demo.country(), false,
                "My organisation", new LibraryConfiguration.Contact("Street 1", danish ? "8000" : "0150", "Town",
                "+00 00 00 00 00", "desk@my-library.invalid", "my-library.invalid"), demo.languages(), "MAIN",
                List.of(new LibraryConfiguration.Branch("MAIN", "Main library"),
                        new LibraryConfiguration.Branch("BRANCH", "Branch library")),
                // A placeholder for the series printed on the library's cards (in Norway: N and nine digits,
                // reserved in the national register).
                List.of(danish ? new LibraryConfiguration.Series("9990", 5, 0L, 99_999L, app.carddesk.domain.CheckDigit.NONE)
                        : new LibraryConfiguration.Series("N", 9, 0L, 99_999L, app.carddesk.domain.CheckDigit.NONE)),
                categories, demo.guardianAge(), demo.maxShortStayDays(), demo.inactiveYears(), demo.noticeDays(),
                demo.digitalServices(), demo.addressAlerts(),
                List.of(new LibraryConfiguration.LoanRules(1, rules, null)), demo.reportNamesStaff());
    }

    private int addAdmin(String[] args) {
        String flag = args.length > 1 && args[1].startsWith("--") ? args[1] : null;
        if (flag != null && !List.of("--organisation", "--data-protection").contains(flag)) {
            return usage();
        }
        // LIBRARY, user name, full name and an optional e-mail, after the flag when there is one.
        List<String> a = List.of(args).subList(flag == null ? 1 : 2, args.length);
        if (a.size() < 3 || a.size() > 4) {
            return usage();
        }
        StaffAccounts accounts = new StaffAccounts(db.jdbi(), new app.carddesk.security.Argon2PinHasher(), clock);
        String email = a.size() == 4 ? a.get(3) : null;
        String library = a.get(0);
        String password;
        String what;
        if ("--organisation".equals(flag)) {
            password = accounts.addOrganisationAdministrator(library, a.get(1), a.get(2), email);
            what = " is an organisation administrator (libraries, card series, verification rounds), signing in at "
                    + library + "'s desks. ";
        } else if ("--data-protection".equals(flag)) {
            password = accounts.addDataProtectionOfficer(library, a.get(1), a.get(2), email);
            what = " is " + library + "'s data protection officer (reads who did and saw what there, at "
                    + "Administration, F7). ";
        } else {
            password = accounts.addFirstAdministrator(library, a.get(1), a.get(2), email);
            what = " is " + library + "'s administrator (library administrator and desk staff). ";
        }
        out.println(a.get(1) + what + "One-time password (hand it over in person; it is changed at the first "
                + "sign-in): " + password);
        return 0;
    }

    private int enrolmentCode(String[] args) {
        if (args.length != 3) {
            return usage();
        }
        Api.EnrolmentCode code = new Enrolment(db.jdbi(), clock).codeByOperator(args[1], args[2]);
        out.println("Enrolment code for " + code.workstationName() + " at " + code.library() + ": " + code.code()
                + " (valid until " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(code.expiresAt()) + ", once). At the desk: "
                + "Join the organisation ….");
        return 0;
    }

    /**
     * Whether each number, as printed on a blank card, is one the configuration's series accept and
     * reserve for the library, and if not, why: the check digit's digits and the series' range are
     * easy to get wrong, and a desk refuses every card then. Exit 1 when any is refused.
     */
    private int cards(LibraryConfiguration c, List<String> numbers) {
        app.carddesk.domain.CardNumberPolicy policy = new app.carddesk.domain.CardNumberPolicy(c.cardSeries().stream()
                .map(LibraryConfiguration.Series::cardSeries).toList());
        int refused = 0;
        for (String number : numbers) {
            var checked = policy.check(number);
            app.carddesk.domain.Problem problem = !checked.isOk() ? checked.firstError().orElseThrow()
                    : policy.reserved(checked.value()) ? null : policy.notReserved(checked.value());
            if (problem == null) {
                out.println("  " + number + ": a blank card of " + c.code() + ".");
            } else {
                refused++;
                out.println("  " + number + ": refused. " + CentralTexts.ENGLISH.text(problem));
            }
        }
        if (refused > 0) {
            out.println("A series' check digit is reckoned over the digits after its prefix, and its from and to "
                    + "count those digits, check digit included.");
        }
        return refused == 0 ? 0 : 1;
    }

    /** Why a command could not open the register, in a sentence that says what to do. */
    static String cannotOpen(String jdbcUrl, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return "The register (" + jdbcUrl.split(";")[0] + ") is open in the running central service: an H2 "
                        + "register is opened by one process at a time. Stop the service (sudo systemctl stop "
                        + "carddesk-central), run the command, and start it again.";
            }
        }
        return "The register could not be opened (" + e.getClass().getSimpleName() + "): check CARDDESK_CENTRAL_DB "
                + "and its user and password.";
    }

    private int usage() {
        err.println(USAGE);
        return 2;
    }
}
