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

/** What the desk sent and the central register acknowledged is gone from the register file. */
class NothingLeftInTheFileIT {

    @TempDir
    Path dir;

    @Test
    void acknowledgedOutboxPayloadsLeaveNoTraceInTheFile() throws Exception {
        String marker = "kari.dahl.payload@example.org";
        try (Database db = Database.open(dir)) {
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
            assertThat(occurrences(Path.of(db.file() + ".mv.db"), marker)).as("the payloads are in the file while queued").isPositive();
            ledger.acknowledgedAll(sent, Map.of());
            assertThat(ledger.pendingCount()).isZero();
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList()) {
                assertThat(occurrences(f, marker)).as(f.getFileName().toString()).isZero();
            }
        }
    }

    private static int occurrences(Path file, String text) throws Exception {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = content.indexOf(text); i >= 0; i = content.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }
}
