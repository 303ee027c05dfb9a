package app.carddesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Country;
import app.carddesk.staff.StaffAdministration.AuditEntry;
import app.carddesk.text.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditColumnsTest {

    private static final AuditColumns NB = new AuditColumns(Messages.forLocale(Locale.forLanguageTag("nb"),
            Country.NO), ZoneId.of("Europe/Oslo"));

    private static AuditEntry entry(String workstation, String library, String libraryName) {
        return new AuditEntry(Instant.parse("2026-12-04T09:15:02Z"), "kari.lund", "DESK_STAFF", workstation,
                "NATIONAL_SEARCH", UUID.randomUUID(), "N010000010", "by=card", library, libraryName);
    }

    @Test
    void anotherLibrarysEntryNamesThatLibraryBesideItsWorkstation() {
        AuditEntry oslo = entry("oslo desk", "DEMO-NO", "Demo folkebibliotek Oslo");
        assertThat(NB.workstation(oslo)).isEqualTo("oslo desk, ved Demo folkebibliotek Oslo (DEMO-NO)");
        assertThat(NB.workstation(entry("bergen desk", null, null))).as("this library's own").isEqualTo("bergen desk");
        assertThat(NB.row(oslo)).contains("oslo desk, ved Demo folkebibliotek Oslo (DEMO-NO)", "av: kortnummer");
        assertThat(NB.workstation(entry("oslo desk", "DEMO-NO", null))).as("a library the register no longer knows")
                .isEqualTo("oslo desk, ved bibliotek DEMO-NO");
    }
}
