package app.carddesk.store;

import app.carddesk.domain.CardSeriesRange;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.staff.LibrarySettingsKeeper;
import app.carddesk.staff.StaffAdministration.RefusedException;
import app.carddesk.staff.StaffAdministration.Stock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A desk on its own keeps its library's configuration in its own register (decision 0013): the
 * Administration screen's forms and file import change it there, with the same checks as the
 * central register makes (the document's rules, its version, published loan rules never edited).
 * It keeps its own library only; there is no organisation to create others in.
 */
public final class LocalLibrarySettings implements LibrarySettingsKeeper {

    private final Database database;
    private final ProfileRepository profiles;
    private final String library;
    private final Clock clock;
    private final Consumer<LibraryConfiguration> applied;
    private final java.util.function.Function<String, app.carddesk.issuing.AuditEntry> audit;

    /**
     * @param applied told of each configuration written, so the desk works with it at once
     * @param audit   the audit entry of a change by the person signed in, from its detail
     */
    public LocalLibrarySettings(Database database, String library, Clock clock,
                                Consumer<LibraryConfiguration> applied,
                                java.util.function.Function<String, app.carddesk.issuing.AuditEntry> audit) {
        this.database = database;
        this.profiles = new ProfileRepository(database);
        this.library = library;
        this.clock = clock;
        this.applied = applied;
        this.audit = audit;
    }

    @Override
    public LibraryConfiguration configuration(String code) {
        ownLibrary(code);
        return profiles.configuration(code).orElseThrow(() -> new RefusedException("not_found",
                "This desk has no configuration of " + code + "."));
    }

    @Override
    public synchronized LibraryConfiguration publish(LibraryConfiguration wanted) {
        ownLibrary(wanted.code());
        List<LibraryConfiguration.Problem> problems = wanted.problems();
        if (!problems.isEmpty()) {
            throw new RefusedException("invalid_field", problems.get(0).reason(), problems.get(0).field());
        }
        LibraryConfiguration now = configuration(wanted.code());
        if (wanted.version() != null && !wanted.version().equals(now.version())) {
            throw new RefusedException("stale_version", "The configuration changed meanwhile.");
        }
        // A published version of the loan rules is what patrons accepted: it stays as it was.
        List<LibraryConfiguration.LoanRules> rules = new ArrayList<>();
        for (LibraryConfiguration.LoanRules r : wanted.loanRules()) {
            LibraryConfiguration.LoanRules before = now.loanRules().stream()
                    .filter(b -> b.version().equals(r.version())).findFirst().orElse(null);
            if (before != null && !Objects.equals(before.text(), r.text())) {
                throw new RefusedException("loan_rules_published", "Loan rules version " + r.version()
                        + " are published and never change; publish a new version.", "loanRules");
            }
            rules.add(before != null ? before : new LibraryConfiguration.LoanRules(r.version(), r.text(),
                    clock.instant()));
        }
        LibraryConfiguration stored = wanted.withLoanRules(rules)
                .withVersion((now.version() == null ? 0 : now.version()) + 1);
        profiles.apply(stored, audit.apply("library=" + stored.code() + ";version=" + stored.version()));
        LibraryConfiguration read = configuration(wanted.code());
        applied.accept(read);
        return read;
    }

    @Override
    public List<Stock> stock(String code) {
        List<Stock> out = new ArrayList<>();
        for (LibraryConfiguration.Series s : configuration(code).cardSeries()) {
            CardSeriesRange range = new CardSeriesRange(s.prefix(), s.digits(), s.from(), s.to());
            long size = s.cardSeries().numbers();
            // Numbers of one length sort as text in number order.
            long used = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM card WHERE number "
                    + "BETWEEN :first AND :last AND LENGTH(number) = :length").bind("first", range.first())
                    .bind("last", range.last()).bind("length", s.prefix().length() + s.digits())
                    .mapTo(Long.class).one());
            out.add(new Stock(s.prefix(), s.digits(), s.from(), s.to(), used, size - used, used * 10 >= size * 9));
        }
        return out;
    }

    @Override
    public boolean organisation() {
        return false;
    }

    private void ownLibrary(String code) {
        if (!library.equals(code)) {
            throw new RefusedException("other_library", "This desk keeps the settings of " + library + " only.");
        }
    }
}
