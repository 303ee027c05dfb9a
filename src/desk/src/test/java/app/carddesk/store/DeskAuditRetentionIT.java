package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's own audit trail is kept as long as the organisation keeps its audit (the period its
 * data-protection officer sets) and no longer: older entries go when the register opens.
 */
class DeskAuditRetentionIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static void audited(DeskBackend desk, String at, String action) {
        desk.database().jdbi().useHandle(h -> h.execute("INSERT INTO audit_event (at, staff, workstation, action, "
                + "detail) VALUES (?, 'demo.dk', 'desk 1', ?, '')", Instant.parse(at), action));
    }

    private static java.util.List<String> actions(DeskBackend desk) {
        return desk.database().jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_event WHERE action "
                + "LIKE 'TEST_%' ORDER BY at").mapTo(String.class).list());
    }

    private DeskBackend open() {
        return app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), CLOCK);
    }

    @Test
    void entriesOlderThanTheOrganisationsPeriodGoWhenTheRegisterOpens() throws Exception {
        try (DeskBackend desk = open()) {
            audited(desk, "2020-01-10T10:00:00Z", "TEST_OLDEST");
            audited(desk, "2021-12-02T10:00:00Z", "TEST_JUST_OVER_FIVE_YEARS");
            audited(desk, "2021-12-04T10:00:00Z", "TEST_JUST_UNDER_FIVE_YEARS");
            audited(desk, "2026-11-30T10:00:00Z", "TEST_RECENT");
        }
        try (DeskBackend desk = open()) {
            assertThat(actions(desk)).as("the default, 60 months").containsExactly("TEST_JUST_UNDER_FIVE_YEARS",
                    "TEST_RECENT");
        }

        // A setting that cannot be read removes nothing: kept whole until it is put right.
        Files.writeString(dir.resolve("carddesk.properties"), "carddesk.audit.kept.months=forever\n");
        try (DeskBackend desk = open()) {
            assertThat(actions(desk)).hasSize(2);
        }
        Files.writeString(dir.resolve("carddesk.properties"), "carddesk.audit.kept.months=off\n");
        try (DeskBackend desk = open()) {
            assertThat(actions(desk)).as("off keeps it for good").hasSize(2);
        }
        Files.writeString(dir.resolve("carddesk.properties"), "carddesk.audit.kept.months=1\n");
        try (DeskBackend desk = open()) {
            assertThat(actions(desk)).as("a month").containsExactly("TEST_RECENT");
        }
    }
}
