package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.domain.CardSeriesRange;
import app.carddesk.domain.CheckDigit;
import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.Country;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.LibraryConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Each library's configuration in the central register (decision 0013): the one mapper between
 * its rows and {@link LibraryConfiguration}, and the rules for changing it. A change is checked as
 * a whole (the document's own rules, then the register's: series that overlap another library's,
 * series withdrawn with cards issued, published loan rules changed) and refused without a trace, or
 * stored as a new version with its document, audited.
 */
final class LibraryConfigurations {

    /**
     * Who changes a configuration, and whether for the organisation (which creates libraries and
     * reserves series) or for one library.
     *
     * @param workstation where the change came from: a workstation's name, "operator" or "command line"
     * @param staffUser   the signed-in person, if any
     * @param roles       their roles there, as the audit records them
     */
    record Author(String workstation, String staffUser, String roles, boolean organisation) {

        String name() {
            return staffUser == null ? workstation : staffUser + " at " + workstation;
        }

        static Author of(CentralDaos.Caller caller, boolean organisation) {
            StaffSessions.Staff staff = caller.staff();
            return new Author(caller.workstation(), staff == null ? null : staff.userName(),
                    staff == null ? null : String.join(",", staff.roles()), organisation);
        }

        static Author operator(String where) {
            return new Author(where, null, null, true);
        }
    }

    /** One series with its stock: card numbers used and left. */
    record Stock(String prefix, int digits, long from, long to, long used, long left, boolean warning) {
    }


    private final Jdbi jdbi;
    private final Clock clock;

    LibraryConfigurations(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<LibraryConfiguration> get(String code) {
        return jdbi.withHandle(h -> read(h, code));
    }

    /** The library's configuration version, for a desk asking whether it has the newest. */
    public Optional<Integer> version(String code) {
        return jdbi.withHandle(h -> Daos.on(h, LibraryConfigurationDao.class).library(code).map(LibraryConfigurationDao.LibraryRow::configVersion));
    }

    /** Each series of the library with the card numbers used and left; a warning from 90 % used. */
    public List<Stock> stock(String code) {
        return jdbi.withHandle(h -> {
            LibraryConfigurationDao dao = Daos.on(h, LibraryConfigurationDao.class);
            if (dao.library(code).isEmpty()) {
                throw unknown(code);
            }
            CentralDaos.CardSeries cards = Daos.on(h, CentralDaos.CardSeries.class);
            List<Stock> out = new ArrayList<>();
            for (LibraryConfigurationDao.SeriesRow s : dao.series(code)) {
                CardSeriesRange range = new CardSeriesRange(s.prefix(), s.digits(), s.rangeFrom(), s.rangeTo());
                long size = new app.carddesk.domain.CardSeries(s.prefix(), s.digits(),
                        app.carddesk.domain.CheckDigit.valueOf(s.checkDigit()), s.rangeFrom(), s.rangeTo()).numbers();
                long used = cards.cardsBetween(range.first(), range.last(), s.prefix().length() + s.digits());
                out.add(new Stock(s.prefix(), s.digits(), s.rangeFrom(), s.rangeTo(), used, size - used,
                        used * 10 >= size * 9));
            }
            return out;
        });
    }

    /**
     * Creates or replaces a library's configuration. A {@code version} in the document must be the
     * stored one (someone else changed it meanwhile otherwise); without one the document replaces
     * whatever is stored, as a file import does.
     *
     * @return the configuration as stored, with its new version, and whether the library is new
     */
    public Stored put(String code, LibraryConfiguration wanted, Author author) {
        List<LibraryConfiguration.Problem> problems = wanted.problems();
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        if (!wanted.code().equals(code)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "code", "The document is for " + wanted.code()
                    + ", the address for " + code + ".");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            LibraryConfigurationDao dao = Daos.on(h, LibraryConfigurationDao.class);
            Optional<Integer> current = dao.lockVersion(code);
            boolean created = current.isEmpty();
            if (created && !author.organisation()) {
                throw StaffSessions.denied(app.carddesk.api.Permission.ORGANISATION_ADMIN, code);
            }
            if (!created && !author.organisation()) {
                organisationsOwn(dao.library(code).orElseThrow(), wanted);
            }
            if (!created && wanted.version() != null && !wanted.version().equals(current.get())) {
                throw new ApiException(409, ErrorCode.STALE_VERSION, "version", "Someone changed this configuration "
                        + "meanwhile (now version " + current.get() + "). Load it again and make your change there.");
            }
            int version = created ? 1 : current.get() + 1;
            LibraryConfigurationDao.LibraryRow row = row(wanted, version);
            if (created) {
                dao.create(row);
            }
            dao.update(row);
            series(h, dao, code, wanted.cardSeries(), author);
            dao.clearBranches(code);
            int i = 0;
            for (LibraryConfiguration.Branch b : wanted.pickupLibraries()) {
                dao.addBranch(code, b.code(), b.name(), i++);
            }
            dao.clearCategories(code);
            i = 0;
            for (LibraryConfiguration.Category c : wanted.categories()) {
                dao.addCategory(code, new LibraryConfigurationDao.CategoryRow(c.code(), c.names().da(), c.names().nb(), c.names().en(),
                        c.minAge(), c.maxAge()), i++);
            }
            dao.clearServices(code);
            i = 0;
            for (LibraryConfiguration.DigitalService d : wanted.digitalServices()) {
                dao.addService(code, new LibraryConfigurationDao.ServiceRow(d.service(), String.join(",",
                        d.requiredIdentity().stream().map(Enum::name).toList()), d.minAge()), i++);
            }
            dao.clearAlerts(code);
            i = 0;
            for (LibraryConfiguration.AddressAlert a : wanted.addressAlerts()) {
                dao.addAlert(code, new LibraryConfigurationDao.AlertRow(a.contains(), a.message().da(), a.message().nb(), a.message().en()),
                        i++);
            }
            loanRules(dao, code, wanted.loanRules(), now);
            LibraryConfiguration stored = read(h, code).orElseThrow();
            dao.remember(code, version, new String(ConfigurationFile.write(stored), StandardCharsets.UTF_8),
                    author.name(), now);
            Daos.on(h, CentralDaos.Audit.class).appendWithStaff(now, code, author.workstation(), author.staffUser(),
                    author.roles(), created ? "LIBRARY_CREATED" : "CONFIGURATION_CHANGED", null, "version " + version);
            return new Stored(stored, created);
        });
    }

    record Stored(LibraryConfiguration configuration, boolean created) {
    }

    /**
     * The series as wanted: new ones reserved (refused where another library's overlap), missing
     * ones withdrawn (refused when a card was issued from them). Only the organisation changes
     * series; a library's administrator sends them back as they are.
     */
    private static void series(Handle h, LibraryConfigurationDao dao, String code, List<LibraryConfiguration.Series> wanted, Author author) {
        List<LibraryConfigurationDao.SeriesRow> have = dao.series(code);
        List<LibraryConfiguration.Series> kept = new ArrayList<>();
        for (LibraryConfigurationDao.SeriesRow s : have) {
            Optional<LibraryConfiguration.Series> same = wanted.stream().filter(w -> same(w, s)).findFirst();
            if (same.isPresent()) {
                kept.add(same.get());
                continue;
            }
            if (!author.organisation()) {
                throw seriesChange(code);
            }
            CardSeriesRange range = new CardSeriesRange(s.prefix(), s.digits(), s.rangeFrom(), s.rangeTo());
            if (Daos.on(h, CentralDaos.CardSeries.class).cardsBetween(range.first(), range.last(),
                    s.prefix().length() + s.digits()) > 0) {
                throw new ApiException(409, ErrorCode.CARD_SERIES_IN_USE, "cardSeries", "The series " + s.prefix()
                        + " " + s.rangeFrom() + "-" + s.rangeTo() + " has cards issued from it; it stays.");
            }
            dao.withdrawSeries(s.id());
        }
        List<LibraryConfigurationDao.OtherSeries> others = dao.otherLibrariesSeries(code);
        for (int i = 0; i < wanted.size(); i++) {
            LibraryConfiguration.Series w = wanted.get(i);
            if (kept.contains(w)) {
                continue;
            }
            if (!author.organisation()) {
                throw seriesChange(code);
            }
            CardSeriesRange range = new CardSeriesRange(w.prefix(), w.digits(), w.from(), w.to());
            Optional<LibraryConfigurationDao.OtherSeries> taken = others.stream().filter(o -> range.overlaps(
                    new CardSeriesRange(o.prefix(), o.digits(), o.rangeFrom(), o.rangeTo()))).findFirst();
            if (taken.isPresent()) {
                throw new ApiException(409, ErrorCode.CARD_SERIES_OVERLAP, "cardSeries[" + i + "]", "Part of this range "
                        + "is reserved by " + taken.get().libraryCode() + ". Choose another range.");
            }
            dao.addSeries(code, new LibraryConfigurationDao.SeriesRow(0, w.prefix(), w.digits(), w.from(), w.to(), w.checkDigit().name()));
        }
    }

    private static boolean same(LibraryConfiguration.Series w, LibraryConfigurationDao.SeriesRow s) {
        return w.prefix().equals(s.prefix()) && w.digits() == s.digits() && w.from() == s.rangeFrom()
                && w.to() == s.rangeTo() && w.checkDigit().name().equals(s.checkDigit());
    }

    /**
     * What only the organisation changes in a library's configuration (besides its card series): its
     * country, which decides the national identity rules, and whether it is a test library that accepts
     * the stand-in register's synthetic people. A library's own administrator sends them as they are.
     */
    private static void organisationsOwn(LibraryConfigurationDao.LibraryRow stored, LibraryConfiguration wanted) {
        if (!stored.country().equals(wanted.country().name())) {
            throw new ApiException(403, ErrorCode.PERMISSION_DENIED, "country", "A library's country is set by the "
                    + "organisation (organisation_admin or the operator), not by its own administrator. Send it as it is.");
        }
        if (stored.testProfile() != wanted.testProfile()) {
            throw new ApiException(403, ErrorCode.PERMISSION_DENIED, "testProfile", "Whether a library is a test "
                    + "library (accepting synthetic identity numbers) is set by the organisation (organisation_admin "
                    + "or the operator), not by its own administrator. Send it as it is.");
        }
    }

    private static ApiException seriesChange(String code) {
        return new ApiException(403, ErrorCode.PERMISSION_DENIED, "cardSeries", "Card series are reserved by the "
                + "organisation (organisation_admin or the operator), not by " + code + "'s own administrator. "
                + "Send the series as they are.");
    }

    /**
     * Published versions stay as they were, whether the document repeats them or leaves them out (a
     * document need not carry every version); versions after the newest are published now.
     */
    private static void loanRules(LibraryConfigurationDao dao, String code, List<LibraryConfiguration.LoanRules> wanted, Instant now) {
        List<LibraryConfigurationDao.RulesRow> published = dao.loanRules(code);
        int newest = published.stream().mapToInt(LibraryConfigurationDao.RulesRow::version).max().orElse(0);
        for (int i = 0; i < wanted.size(); i++) {
            LibraryConfiguration.LoanRules w = wanted.get(i);
            Optional<LibraryConfigurationDao.RulesRow> was = published.stream().filter(p -> p.version() == w.version()).findFirst();
            if (was.isPresent()) {
                if (!texts(was.get()).equals(w.text())) {
                    throw new ApiException(409, ErrorCode.LOAN_RULES_PUBLISHED, "loanRules[" + i + "].text",
                            "Version " + w.version() + " is published and patrons accepted it as it is. Publish a "
                                    + "new version instead.");
                }
                continue;
            }
            if (w.version() <= newest) {
                throw new ApiException(409, ErrorCode.LOAN_RULES_PUBLISHED, "loanRules[" + i + "].version",
                        "Versions after " + newest + " can be published now; earlier ones never.");
            }
            dao.publish(code, new LibraryConfigurationDao.RulesRow(w.version(), w.text().da(), w.text().nb(), w.text().en(),
                    w.publishedAt() == null ? now : w.publishedAt()));
        }
    }

    private static LibraryConfiguration.Texts texts(LibraryConfigurationDao.RulesRow r) {
        return new LibraryConfiguration.Texts(r.textDa(), r.textNb(), r.textEn());
    }

    private static LibraryConfigurationDao.LibraryRow row(LibraryConfiguration c, int version) {
        LibraryConfiguration.Contact k = c.contact() == null
                ? new LibraryConfiguration.Contact(null, null, null, null, null, null) : c.contact();
        return new LibraryConfigurationDao.LibraryRow(c.code(), c.name(), c.country().name(), c.testProfile(), c.organisation(),
                String.join(",", c.languages()), c.homeLibrary(), k.addressLine(), k.postalCode(), k.city(), k.phone(),
                k.email(), k.website(), c.guardianAge(), c.maxShortStayDays(), c.inactiveYears(), c.noticeDays(),
                c.reportNamesStaff(), version);
    }

    private static Optional<LibraryConfiguration> read(Handle h, String code) {
        LibraryConfigurationDao dao = Daos.on(h, LibraryConfigurationDao.class);
        return dao.library(code).map(l -> new LibraryConfiguration(LibraryConfiguration.FORMAT, l.configVersion(),
                l.code(), l.name(), Country.valueOf(l.country()), l.testProfile(), l.organisation(),
                new LibraryConfiguration.Contact(l.addressLine(), l.postalCode(), l.city(), l.phone(), l.email(),
                        l.website()),
                Arrays.stream(l.languages().split(",")).filter(s -> !s.isBlank()).toList(), l.homeLibrary(),
                dao.branches(code).stream().map(b -> new LibraryConfiguration.Branch(b.code(), b.name())).toList(),
                dao.series(code).stream().map(s -> new LibraryConfiguration.Series(s.prefix(), s.digits(),
                        s.rangeFrom(), s.rangeTo(), CheckDigit.valueOf(s.checkDigit()))).toList(),
                dao.categories(code).stream().map(c -> new LibraryConfiguration.Category(c.code(),
                        new LibraryConfiguration.Texts(c.nameDa(), c.nameNb(), c.nameEn()), c.minAge(), c.maxAge()))
                        .toList(),
                l.guardianAge(), l.maxShortStayDays(), l.inactiveYears(), l.noticeDays(),
                dao.services(code).stream().map(s -> new LibraryConfiguration.DigitalService(s.service(),
                        Arrays.stream(s.requiredIdentity().split(",")).filter(k -> !k.isBlank())
                                .map(IdentityKind::valueOf).toList(), s.minAge())).toList(),
                dao.alerts(code).stream().map(a -> new LibraryConfiguration.AddressAlert(a.containsText(),
                        new LibraryConfiguration.Texts(a.messageDa(), a.messageNb(), a.messageEn()))).toList(),
                dao.loanRules(code).stream().map(r -> new LibraryConfiguration.LoanRules(r.version(), texts(r),
                        r.publishedAt())).toList(),
                l.reportNamesStaff()));
    }

    /** A library that is not in the register. */
    static ApiException unknown(String code) {
        return new ApiException(404, ErrorCode.NOT_FOUND, "code", "No library " + code + " in this register.");
    }

    /** A configuration refused for its problems: the first one's field and reason, and how many more there are. */
    static ApiException refused(List<LibraryConfiguration.Problem> problems) {
        LibraryConfiguration.Problem first = problems.get(0);
        return new ApiException(422, ErrorCode.INVALID_FIELD, first.field(), first.reason()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
    }
}
