package app.carddesk.store;

import app.carddesk.domain.AddressAlert;
import app.carddesk.domain.CardSeries;
import app.carddesk.domain.CheckDigit;
import app.carddesk.domain.Country;
import app.carddesk.domain.DigitalServiceRule;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.Letterhead;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.PatronCategory;
import app.carddesk.domain.PickupLibrary;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The desk's one mapper between its register's profile rows and the library's configuration
 * (decision 0013): the {@link LibraryProfile} the checklist works with, the whole
 * {@link LibraryConfiguration} for an export, and a configuration written in as it came from the
 * central register or a file, replacing the profile's rows in one transaction.
 */
public final class ProfileRepository implements app.carddesk.sync.ConfigurationStore {

    private final Database database;

    public ProfileRepository(Database database) {
        this.database = database;
    }

    private Jdbi jdbi() {
        return database.jdbi();
    }

    public Optional<LibraryProfile> load(String code) {
        return jdbi().withExtension(ProfileDao.class, dao -> dao.profile(code).map(p -> new LibraryProfile(
                p.code(), p.name(), Country.valueOf(p.country()), p.testProfile(), p.maxShortStayDays(),
                p.homeLibraryCode(),
                dao.series(code).stream()
                        .map(s -> new CardSeries(s.prefix(), s.digits(), CheckDigit.valueOf(s.checkDigit()),
                                s.rangeFrom(), s.rangeTo() == null ? maxFor(s.digits()) : s.rangeTo())).toList(),
                dao.pickupLibraries(code).stream().map(l -> new PickupLibrary(l.code(), l.name())).toList(),
                dao.categories(code).stream().map(c -> new PatronCategory(c.code(), c.nameDa(), c.nameNb(),
                        c.nameEn(), c.minAge(), c.maxAge())).toList(),
                dao.digitalServices(code).stream().map(ProfileRepository::rule).toList(), p.guardianAge(),
                new Letterhead(p.name(), p.addressLine(), p.postalCode(), p.city(), p.phone(), p.email(),
                        p.website(), p.logoFile()), p.reportNamesStaff(),
                dao.alerts(code).stream().map(a -> new AddressAlert(a.containsText(), a.messageDa(), a.messageNb(),
                        a.messageEn())).toList(),
                p.languages() == null ? null
                        : Arrays.stream(p.languages().split(",")).filter(l -> !l.isBlank()).toList())));
    }

    /** The version of the configuration the profile was last written from; empty for a profile from before. */
    @Override
    public Optional<Integer> version(String code) {
        return jdbi().withExtension(ProfileDao.class, dao -> dao.profile(code).map(ProfileDao.ProfileRow::configVersion));
    }

    /** Whether the register has the profile at all. */
    public boolean has(String code) {
        return jdbi().withExtension(ProfileDao.class, dao -> dao.profile(code).isPresent());
    }

    /** The profile as a whole configuration document, for an export. */
    public Optional<LibraryConfiguration> configuration(String code) {
        return jdbi().withExtension(ProfileDao.class, dao -> dao.profile(code).map(p -> new LibraryConfiguration(
                LibraryConfiguration.FORMAT, p.configVersion(), p.code(), p.name(), Country.valueOf(p.country()),
                p.testProfile(), p.organisation(),
                new LibraryConfiguration.Contact(p.addressLine(), p.postalCode(), p.city(), p.phone(), p.email(),
                        p.website()),
                Arrays.stream(p.languages().split(",")).filter(s -> !s.isBlank()).toList(), p.homeLibraryCode(),
                dao.pickupLibraries(code).stream().map(b -> new LibraryConfiguration.Branch(b.code(), b.name())).toList(),
                dao.series(code).stream().map(s -> new LibraryConfiguration.Series(s.prefix(), s.digits(),
                        s.rangeFrom(), s.rangeTo() == null ? maxFor(s.digits()) : s.rangeTo(),
                        CheckDigit.valueOf(s.checkDigit()))).toList(),
                dao.categories(code).stream().map(c -> new LibraryConfiguration.Category(c.code(),
                        new LibraryConfiguration.Texts(c.nameDa(), c.nameNb(), c.nameEn()), c.minAge(), c.maxAge()))
                        .toList(),
                p.guardianAge(), p.maxShortStayDays(), p.inactiveYears(), p.noticeDays(),
                dao.digitalServices(code).stream().map(s -> new LibraryConfiguration.DigitalService(s.service(),
                        Arrays.stream(s.requiredIdentity().split(",")).map(String::trim).filter(k -> !k.isEmpty())
                                .map(IdentityKind::valueOf).toList(), s.minAge())).toList(),
                dao.alerts(code).stream().map(a -> new LibraryConfiguration.AddressAlert(a.containsText(),
                        new LibraryConfiguration.Texts(a.messageDa(), a.messageNb(), a.messageEn()))).toList(),
                dao.loanRules(code).stream().map(r -> new LibraryConfiguration.LoanRules(r.version(),
                        new LibraryConfiguration.Texts(r.textDa(), r.textNb(), r.textEn()), r.publishedAt())).toList(),
                p.reportNamesStaff())));
    }

    /**
     * Writes a configuration that passed its checks into the register, replacing what the profile
     * had (its letterhead's logo, which lives at the desk, stays); on the register's writer thread.
     *
     * @throws IllegalArgumentException when the configuration has problems: nothing is written
     */
    @Override
    public void apply(LibraryConfiguration c) {
        List<LibraryConfiguration.Problem> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("configuration of " + c.code() + ": " + problems);
        }
        database.writer().useTransaction(h -> write(h, c));
    }

    /** Writes a configuration changed at this desk, with the audit of who changed it, in one transaction. */
    public void apply(LibraryConfiguration c, app.carddesk.issuing.AuditEntry changed) {
        List<LibraryConfiguration.Problem> problems = c.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("configuration of " + c.code() + ": " + problems);
        }
        database.writer().useTransaction(h -> {
            write(h, c);
            h.attach(AuditDao.class).append(changed);
        });
    }

    private static void write(Handle h, LibraryConfiguration c) {
        ProfileDao dao = h.attach(ProfileDao.class);
        String code = c.code();
        LibraryConfiguration.Contact k = c.contact() == null
                ? new LibraryConfiguration.Contact(null, null, null, null, null, null) : c.contact();
        dao.putProfile(new ProfileDao.ProfileRow(code, c.name(), c.country().name(), c.testProfile(),
                c.maxShortStayDays(), c.homeLibrary(), c.guardianAge(), k.addressLine(), k.postalCode(), k.city(),
                k.phone(), k.email(), k.website(), null, c.reportNamesStaff(), c.organisation(),
                String.join(",", c.languages()), c.inactiveYears(), c.noticeDays(),
                c.version() == null ? 0 : c.version()));
        dao.clearSeries(code);
        c.cardSeries().forEach(s -> dao.addSeries(code, new ProfileDao.SeriesRow(s.prefix(), s.digits(),
                s.checkDigit().name(), s.from(), s.to())));
        dao.clearPickupLibraries(code);
        int i = 0;
        for (LibraryConfiguration.Branch b : c.pickupLibraries()) {
            dao.addPickupLibrary(code, new ProfileDao.PickupRow(b.code(), b.name()), i++);
        }
        dao.clearCategories(code);
        i = 0;
        for (LibraryConfiguration.Category cat : c.categories()) {
            dao.addCategory(code, new ProfileDao.CategoryRow(cat.code(), cat.names().da(), cat.names().nb(),
                    cat.names().en(), cat.minAge(), cat.maxAge()), i++);
        }
        dao.clearServices(code);
        i = 0;
        for (LibraryConfiguration.DigitalService d : c.digitalServices()) {
            dao.addService(code, new ProfileDao.ServiceRow(d.service(), d.requiredIdentity().stream().map(Enum::name)
                    .collect(Collectors.joining(",")), d.minAge()), i++);
        }
        dao.clearAlerts(code);
        i = 0;
        for (LibraryConfiguration.AddressAlert a : c.addressAlerts()) {
            dao.addAlert(code, new ProfileDao.AlertRow(a.contains(), a.message().da(), a.message().nb(),
                    a.message().en()), i++);
        }
        dao.clearLoanRules(code);
        for (LibraryConfiguration.LoanRules r : c.loanRules()) {
            dao.addLoanRules(code, new ProfileDao.RulesRow(r.version(), r.text().da(), r.text().nb(), r.text().en(),
                    r.publishedAt() == null ? Instant.EPOCH : r.publishedAt()));
        }
    }

    private static long maxFor(int digits) {
        return digits >= 18 ? 999_999_999_999_999_999L : (long) Math.pow(10, digits) - 1;
    }

    private static Set<IdentityKind> kinds(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(k -> !k.isEmpty()).map(IdentityKind::valueOf)
                .collect(Collectors.toSet());
    }

    private static DigitalServiceRule rule(ProfileDao.ServiceRow row) {
        return new DigitalServiceRule(row.service(), kinds(row.requiredIdentity()), row.minAge());
    }

    public List<String> codes() {
        return jdbi().withExtension(ProfileDao.class, ProfileDao::codes);
    }
}
