package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.sync.OutboxItem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desk sent and the central register acknowledged is gone from the register file, even
 * for someone who holds its key; without the key nothing of it is readable at any time.
 */
class NothingLeftInTheFileIT {

    /** The register key these tests open their registers with, as a sign-in gives it. */
    private static final app.carddesk.staff.RegisterKey KEY = app.carddesk.staff.RegisterKey.random();

    @TempDir
    Path dir;

    @Test
    void acknowledgedOutboxPayloadsLeaveNoTraceInTheFile() throws Exception {
        String marker = "kari.dahl.payload@example.org";
        try (Database db = Database.open(dir, KEY)) {
            db.jdbi().useHandle(h -> {
                for (int i = 0; i < 300; i++) {
                    h.execute("INSERT INTO outbox (patron_id, kind, payload, created_at, idem_key) "
                            + "VALUES (?, 'PIN_EMAIL_REQUESTED', ?, CURRENT_TIMESTAMP, ?)", UUID.randomUUID(),
                            "{\"email\":\"" + marker + "\",\"n\":" + i + "}", UUID.randomUUID().toString());
                }
                h.execute("CHECKPOINT");
            });
            JdbiSyncLedger ledger = new JdbiSyncLedger(db, Clock.systemUTC(), "desk-1");
            List<OutboxItem> sent = new ArrayList<>(ledger.pending(1_000));
            assertThat(sent).hasSize(300);
            assertThat(RegisterFiles.occurrences(Path.of(db.file() + ".mv.db"), marker))
                    .as("encrypted: not readable while queued").isZero();
        }
        assertThat(RegisterFiles.occurrencesDecrypted(dir, "carddesk", KEY, marker))
                .as("the payloads are in the register while queued").isPositive();
        try (Database db = Database.open(dir, KEY)) {
            JdbiSyncLedger ledger = new JdbiSyncLedger(db, Clock.systemUTC(), "desk-1");
            List<OutboxItem> sent = new ArrayList<>(ledger.pending(1_000));
            ledger.acknowledgedAll(sent, Map.of());
            assertThat(ledger.pendingCount()).isZero();
        }
        assertThat(RegisterFiles.occurrencesDecrypted(dir, "carddesk", KEY, marker))
                .as("gone, free space included, once acknowledged").isZero();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(RegisterFiles.occurrences(f, marker)).as(f.getFileName().toString()).isZero();
            }
        }
    }
}
