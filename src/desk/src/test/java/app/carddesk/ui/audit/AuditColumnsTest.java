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

    private static AuditEntry entry(String workstation, String library) {
        return new AuditEntry(Instant.parse("2026-12-04T09:15:02Z"), "kari.lund", "DESK_STAFF", workstation,
                "NATIONAL_SEARCH", UUID.randomUUID(), "N010000010", "by=card", library);
    }

    @Test
    void anotherLibrarysEntryNamesThatLibraryBesideItsWorkstation() {
        assertThat(NB.workstation(entry("oslo desk", "DEMO-NO"))).isEqualTo("oslo desk, ved bibliotek DEMO-NO");
        assertThat(NB.workstation(entry("bergen desk", null))).as("this library's own").isEqualTo("bergen desk");
        assertThat(NB.row(entry("oslo desk", "DEMO-NO"))).contains("oslo desk, ved bibliotek DEMO-NO",
                "av: kortnummer");
    }
}
