package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.DeskBackend;
import app.carddesk.SignedInDesk;
import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.staff.LibrarySettingsKeeper;
import app.carddesk.staff.StaffAdministration.RefusedException;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk on its own keeps its library's configuration in its own register: a change is checked,
 * versioned and at work in the checklist at once; a file exported from one desk and imported on a
 * fresh one gives the same profile; another library's file, a stale version and a changed published
 * loan-rules text are refused without a change.
 */
class LocalLibrarySettingsIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aChangeIsKeptVersionedAndAtWorkAtOnceAndTheFileRoundTripsToAFreshDesk() {
        LibraryConfiguration exported;
        try (DeskBackend first = SignedInDesk.open(new DeskConfig(dir.resolve("a"), "DEMO-DK", Locale.ENGLISH), CLOCK)) {
            LibrarySettingsKeeper settings = first.librarySettings().orElseThrow();
            assertThat(settings.organisation()).isFalse();
            LibraryConfiguration now = settings.configuration("DEMO-DK");
            List<LibraryConfiguration.Category> categories = new ArrayList<>(now.categories());
            LibraryConfiguration.Category student = categories.get(0);
            categories.set(0, new LibraryConfiguration.Category(student.code(), new LibraryConfiguration.Texts(
                    "Studerende ved universitetet", student.names().nb(), "Degree student"), 18, 40));
            List<LibraryConfiguration.LoanRules> rules = new ArrayList<>(now.loanRules());
            rules.add(new LibraryConfiguration.LoanRules(now.loanRules().size() + 1,
                    new LibraryConfiguration.Texts(null, null, "Loan rules, the next version."), null));

            LibraryConfiguration stored = settings.publish(with(now, categories, rules));

            assertThat(stored.version()).isEqualTo(now.version() + 1);
            assertThat(stored.loanRules().get(stored.loanRules().size() - 1).publishedAt()).isEqualTo(CLOCK.instant());
            assertThat(first.profile().categories().get(0).nameEn()).as("the checklist works with it at once")
                    .isEqualTo("Degree student");
            assertThat(first.profile().categories().get(0).maxAge()).isEqualTo(40);

            assertThatThrownBy(() -> settings.publish(with(now, categories, rules)))
                    .as("a change made on the version before").isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.code()).isEqualTo("stale_version"));
            List<LibraryConfiguration.LoanRules> edited = new ArrayList<>(stored.loanRules());
            edited.set(0, new LibraryConfiguration.LoanRules(1, new LibraryConfiguration.Texts(null, null,
                    "Other words."), null));
            assertThatThrownBy(() -> settings.publish(with(stored, stored.categories(), edited)))
                    .isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.code()).isEqualTo("loan_rules_published"));
            assertThatThrownBy(() -> settings.publish(ofLibrary(stored, "DEMO-NO")))
                    .isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.code()).isEqualTo("other_library"));
            assertThat(settings.configuration("DEMO-DK")).as("nothing refused changed anything").isEqualTo(stored);
            List<String> audited = first.database().jdbi().withHandle(h -> h.createQuery("SELECT staff || ' ' "
                    + "|| detail FROM audit_event WHERE action = 'CONFIGURATION_CHANGED'").mapTo(String.class).list());
            assertThat(audited).as("who changed it, and to which version").containsExactly("demo.dk library=DEMO-DK;version="
                    + stored.version());
            exported = ConfigurationFile.read(ConfigurationFile.write(stored)).configuration();

            try (DeskBackend fresh = SignedInDesk.open(new DeskConfig(dir.resolve("b"), "DEMO-DK", Locale.ENGLISH),
                    CLOCK)) {
                fresh.librarySettings().orElseThrow().publish(exported.withVersion(null));
                assertThat(fresh.profile()).as("the same profile on the fresh desk").isEqualTo(first.profile());
                assertThat(fresh.librarySettings().orElseThrow().configuration("DEMO-DK").withVersion(null))
                        .isEqualTo(exported.withVersion(null));
            }
        }
    }

    @Test
    void theStockCountsTheCardsIssuedInEachSeries() {
        try (DeskBackend desk = SignedInDesk.open(new DeskConfig(dir.resolve("c"), "DEMO-DK", Locale.ENGLISH), CLOCK)) {
            desk.database().jdbi().useHandle(h -> {
                h.execute("INSERT INTO card (number, status, issued_at) VALUES ('409900001', 'RETIRED', ?)",
                        CLOCK.instant());
                h.execute("INSERT INTO card (number, status, issued_at) VALUES ('409900002', 'RETIRED', ?)",
                        CLOCK.instant());
                h.execute("INSERT INTO card (number, status, issued_at) VALUES ('40990000', 'RETIRED', ?)",
                        CLOCK.instant());
            });
            var stock = desk.librarySettings().orElseThrow().stock("DEMO-DK");
            assertThat(stock).singleElement().satisfies(s -> {
                assertThat(s.used()).as("a number of another length is not in the series").isEqualTo(2);
                assertThat(s.left()).isEqualTo(99_998);
                assertThat(s.warning()).isFalse();
            });
        }
    }

    private static LibraryConfiguration ofLibrary(LibraryConfiguration c, String code) {
        return new LibraryConfiguration(c.format(), null, code, c.name(), c.country(), c.testProfile(),
                c.organisation(), c.contact(), c.languages(), c.homeLibrary(), c.pickupLibraries(), c.cardSeries(),
                c.categories(), c.guardianAge(), c.maxShortStayDays(), c.inactiveYears(), c.noticeDays(),
                c.digitalServices(), c.addressAlerts(), c.loanRules(), c.reportNamesStaff());
    }

    private static LibraryConfiguration with(LibraryConfiguration c, List<LibraryConfiguration.Category> categories,
                                             List<LibraryConfiguration.LoanRules> rules) {
        return new LibraryConfiguration(c.format(), c.version(), c.code(), c.name(), c.country(), c.testProfile(),
                c.organisation(), c.contact(), c.languages(), c.homeLibrary(), c.pickupLibraries(), c.cardSeries(),
                categories, c.guardianAge(), c.maxShortStayDays(), c.inactiveYears(), c.noticeDays(),
                c.digitalServices(), c.addressAlerts(), rules, c.reportNamesStaff());
    }
}
