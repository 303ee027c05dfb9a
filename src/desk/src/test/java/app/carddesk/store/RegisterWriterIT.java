package app.carddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.carddesk.api.Api;
import app.carddesk.api.ChangeKind;
import app.carddesk.domain.Address;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.AuditEntry;
import app.carddesk.issuing.OutboxEntry;
import app.carddesk.issuing.OutboxKind;
import app.carddesk.issuing.PatronStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One thread writes a desk's register, whichever thread a screen or the sync round runs on. */
class RegisterWriterIT {

    /** The register key these tests open their registers with, as a sign-in gives it. */
    private static final app.carddesk.staff.RegisterKey KEY = app.carddesk.staff.RegisterKey.random();

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path dir;

    private static Patron patron(String card) {
        return new Patron(UUID.randomUUID(), card, null, "Berg", "Anna", LocalDate.of(1990, 5, 17), null, null,
                new Address("Vej 1", "1000", "By", "Danmark"), "STUDENT", "KB-SK",
                RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.OWN_PIN, true, 0, 0, NOW, "staff1", 1);
    }

    private static void insert(JdbiPatronStore store, Patron p) {
        store.insert(p, "$argon2id$hash", new AuditEntry(NOW, "staff1", "desk-1", "DESK_STAFF", "PATRON_ISSUED", p.id(), ""),
                List.of(new OutboxEntry(p.id(), OutboxKind.PATRON_CREATED, "{}")));
    }

    private static Api.Change fromFeed(long seq, String card) {
        UUID id = UUID.randomUUID();
        return new Api.Change(seq, ChangeKind.CREATED, id, new Api.Patron(id, card, new Api.Identity("NONE", null),
                "Feed", "Ole", LocalDate.of(1980, 1, 1), null, null, new Api.Address("Vej 2", "1000", "By", "Danmark"),
                "KB-SK", "STUDENT", null, true, 0L, 0L, 1, List.of()));
    }

    @Test
    void screensAndTheFeedWriteOnTheOneWriterThreadAndNothingIsLost() throws Exception {
        try (Database db = Database.open(dir, KEY)) {
            Set<String> writers = ConcurrentHashMap.newKeySet();
            db.jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    String sql = context.getRenderedSql().stripLeading().toUpperCase(Locale.ROOT);
                    if (sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE")
                            || sql.startsWith("MERGE")) {
                        writers.add(Thread.currentThread().getName());
                    }
                }
            });
            JdbiPatronStore store = new JdbiPatronStore(db, Clock.systemUTC());
            JdbiSyncLedger ledger = new JdbiSyncLedger(db, Clock.systemUTC(), "desk-1");
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String card = String.format("4099%05d", i);
                String fed = String.format("4098%05d", i);
                long seq = i + 1;
                work.add(threads.submit(() -> insert(store, patron(card))));
                work.add(threads.submit(() -> ledger.applyChanges(List.of(fromFeed(seq, fed)), seq)));
            }
            for (Future<?> f : work) {
                f.get();
            }
            threads.shutdown();
            assertThat(writers).as("threads that wrote to the register").containsExactly(RegisterWriter.THREAD);
            int patrons = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM patron").mapTo(Integer.class)
                    .one());
            assertThat(patrons).isEqualTo(60);
            assertThat(ledger.pendingCount()).as("every registration made here waits to be sent").isEqualTo(30);
        }
    }

    @Test
    void aRefusedWriteArrivesAsThrownAndAWriteInsideAWriteRunsAtOnce() {
        try (Database db = Database.open(dir, KEY)) {
            JdbiPatronStore store = new JdbiPatronStore(db, Clock.systemUTC());
            insert(store, patron("409900001"));
            assertThatThrownBy(() -> insert(store, patron("409900001")))
                    .isInstanceOfSatisfying(PatronStore.ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo("card_number_taken"));
            Integer written = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> db.writer().<Integer, RuntimeException>inTransaction(h -> {
                db.writer().useHandle(inner -> inner.execute(
                        "INSERT INTO sync_state (state_name, state_value) VALUES ('probe', '1')"));
                return h.createQuery("SELECT COUNT(*) FROM sync_state WHERE state_name = 'probe'").mapTo(Integer.class)
                        .one();
            }));
            assertThat(written).isEqualTo(1);
        }
    }
}
