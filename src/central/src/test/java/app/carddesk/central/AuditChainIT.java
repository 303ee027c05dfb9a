package app.carddesk.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carddesk.api.Api;
import app.carddesk.api.Json;
import app.carddesk.api.RetentionApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail as a hash chain on the real central service: entries made by requests are
 * sealed in order, the walk along the chain holds, and a changed, removed or newest-removed entry
 * is found at its place.
 */
class AuditChainIT {

    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;
    private CentralFixture central;
    private AuditChain chain;
    private String token;

    boolean postgres() {
        return false;
    }

    @BeforeEach
    void start() throws Exception {
        central = new CentralFixture(dir, 1, postgres(), new StepClock());
        chain = central.server.audit();
        HttpResponse<String> signIn = central.send("POST", "/api/v1/sessions", CentralFixture.TOKEN,
                JSON.writeValueAsString(new Api.SignIn("demo.dk", app.carddesk.api.DemoStaff.PASSWORD)));
        assertEquals(201, signIn.statusCode(), signIn.body());
        token = JSON.readTree(signIn.body()).get("token").asText();
        for (String name : new String[] {"Hansen", "Berg", "Olsen", "Nielsen"}) {
            assertEquals(200, central.send("POST", "/api/v1/patrons/search", CentralFixture.TOKEN,
                    "{\"name\":\"" + name + "\"}", Api.SESSION_HEADER, token).statusCode());
        }
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private long entries() {
        return central.sql("SELECT COUNT(*) FROM audit_event", Long.class);
    }

    private void change(String statement) {
        central.server.database().jdbi().useHandle(h -> h.execute(statement));
    }

    @Test
    void everyEntryIsSealedInOrderAndTheChainHolds() {
        chain.seal();
        AuditChain.Verdict verdict = chain.verify();
        assertTrue(verdict.intact(), verdict.text());
        assertEquals(entries(), verdict.sealed());
        assertEquals(0, verdict.waiting());
        assertEquals(AuditChain.GENESIS, central.sql("SELECT prev_hash FROM audit_event WHERE chain_seq = 1",
                String.class), "the chain starts from nothing");
        assertEquals(central.sql("SELECT entry_hash FROM audit_event WHERE chain_seq = 2", String.class),
                central.sql("SELECT prev_hash FROM audit_event WHERE chain_seq = 3", String.class),
                "each entry carries the hash of the one before");
        assertEquals("DESK_STAFF,LIBRARY_ADMIN,SUPERVISOR", central.sql("SELECT staff_roles FROM audit_event "
                + "WHERE action = 'PATRON_SEARCH' ORDER BY id FETCH FIRST 1 ROWS ONLY",
                String.class), "the entry names the roles the person acted in");

        // An entry written after a round joins the same chain at the next place.
        change("INSERT INTO audit_event (at, library_code, workstation, action, detail) "
                + "VALUES (CURRENT_TIMESTAMP, 'DEMO-DK', 'front desk', 'PATRON_SEARCH', 'by=late')");
        chain.seal();
        AuditChain.Verdict after = chain.verify();
        assertTrue(after.intact(), after.text());
        assertEquals(entries(), after.sealed());
        assertEquals(verdict.sealed() + 1, central.sql("SELECT chain_seq FROM audit_event WHERE detail = 'by=late'",
                Long.class));
    }

    @Test
    void anEntryChangedAfterSealingIsFoundAtItsPlace() {
        chain.seal();
        change("UPDATE audit_event SET detail = 'by=card' WHERE chain_seq = 3");
        AuditChain.Verdict verdict = chain.verify();
        assertFalse(verdict.intact());
        assertEquals(3L, verdict.brokenAt(), verdict.text());
        assertTrue(verdict.text().contains("changed after it was sealed"), verdict.text());
    }

    @Test
    void aRemovedEntryLeavesAGap() {
        chain.seal();
        change("DELETE FROM audit_event WHERE chain_seq = 2");
        AuditChain.Verdict verdict = chain.verify();
        assertFalse(verdict.intact());
        assertEquals(2L, verdict.brokenAt(), verdict.text());
        assertTrue(verdict.text().contains("missing"), verdict.text());
    }

    @Test
    void removingTheNewestEntriesIsFoundByTheRecordedHead() {
        chain.seal();
        long last = entries();
        change("DELETE FROM audit_event WHERE chain_seq = " + last);
        AuditChain.Verdict verdict = chain.verify();
        assertFalse(verdict.intact());
        assertTrue(verdict.text().contains("newest entries were removed"), verdict.text());
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkToTheNext() {
        chain.seal();
        // Someone who recomputes the changed entry's own hash still breaks the next entry's link.
        AuditChain.Entry second = central.server.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT " + AuditChain.Dao.COLUMNS + " FROM audit_event WHERE chain_seq = 2")
                .registerRowMapper(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.factory(AuditChain.Entry.class))
                .mapTo(AuditChain.Entry.class).one());
        AuditChain.Entry forged = new AuditChain.Entry(second.id(), second.at(), second.libraryCode(),
                second.workstation(), second.staffUser(), second.staffRoles(), second.action(), second.patronId(),
                "by=card", second.chainSeq(), second.prevHash(), null);
        change("UPDATE audit_event SET detail = 'by=card', entry_hash = '" + forged.hashAfter(second.prevHash())
                + "' WHERE chain_seq = 2");
        AuditChain.Verdict verdict = chain.verify();
        assertFalse(verdict.intact());
        assertEquals(3L, verdict.brokenAt(), verdict.text());
    }

    /** The retention run at {@code day}, keeping the audit trail five years. */
    private RetentionApi.RetentionReport retention(String day, boolean dryRun) {
        Clock at = Clock.fixed(Instant.parse(day + "T03:00:00Z"), ZoneOffset.UTC);
        return new RetentionJob(central.server.database().jdbi(), (to, subject, body) -> { }, at, Period.ofMonths(60))
                .run(dryRun, 100);
    }

    private void entryAt(String timestamp, String detail) {
        change("INSERT INTO audit_event (at, library_code, workstation, action, detail) VALUES (TIMESTAMP WITH TIME "
                + "ZONE '" + timestamp + "', 'DEMO-DK', 'front desk', 'PATRON_SEARCH', '" + detail + "')");
    }

    @Test
    void theRetentionRunRemovesEntriesPastTheKeptPeriodFromTheStartAndTheChainStillHolds() {
        chain.seal();
        long made = entries(); // made on 2026-12-01, the test clock's day
        entryAt("2027-06-01 10:00:00+00", "by=newer");
        entryAt("2026-12-01 10:00:00+00", "by=older-after-newer");
        chain.seal();

        // On 2032-03-01, five years back is 2027-03-01: the entries of 2026 at the chain's start go,
        // up to the first newer one; an older one after it waits until that one goes too.
        RetentionApi.RetentionReport dry = retention("2032-03-01", true);
        assertEquals(made, dry.auditEntriesRemoved());
        assertEquals(made + 2, entries(), "a dry run removes nothing");

        RetentionApi.RetentionReport report = retention("2032-03-01", false);
        assertEquals(made, report.auditEntriesRemoved());
        assertEquals(3, entries(), "the newer entry, the older one after it and the removal's own entry");
        assertEquals(1L, central.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE 'through " + made
                + " %' AND action = 'AUDIT_REMOVED'", Long.class), "the removal is an entry that names its end");
        chain.seal();
        AuditChain.Verdict verdict = chain.verify();
        assertTrue(verdict.intact(), verdict.text());
        assertEquals(made, verdict.removed());
        assertEquals(3, verdict.sealed());
        assertTrue(verdict.text().contains("the " + made + " before them removed"), verdict.text());

        assertEquals(0, retention("2032-03-01", false).auditEntriesRemoved(), "a second run removes nothing more");
        assertEquals(0, new RetentionJob(central.server.database().jdbi(), (to, subject, body) -> { },
                Clock.fixed(Instant.parse("2040-01-01T03:00:00Z"), ZoneOffset.UTC), null).run(false, 100)
                .auditEntriesRemoved(), "an audit trail kept for good");
        AuditChain.Verdict later = chain.verify();
        assertTrue(later.intact(), later.text());
    }

    @Test
    void aRemovalInSeveralTransactionsLeavesAChainThatHoldsAfterEachOne() {
        chain.seal();
        long made = entries();
        assertTrue(made >= 5, "entries enough for several transactions: " + made);
        entryAt("2027-06-01 10:00:00+00", "by=newer");
        chain.seal();
        Instant cutoff = Instant.parse("2027-03-01T00:00:00Z");
        Instant now = Instant.parse("2032-03-01T03:00:00Z");

        assertEquals(made, chain.removeBefore(cutoff, now, true, 2, 3), "a dry run counts across transactions");
        assertEquals(made + 1, entries());
        // Two entries to a transaction, read three at a time: each transaction moves the start and says so.
        assertEquals(made, chain.removeBefore(cutoff, now, false, 2, 3));
        long removals = (made + 1) / 2;
        assertEquals(removals, central.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'AUDIT_REMOVED'",
                Long.class));
        assertEquals(1 + removals, entries(), "the newer entry and one removal entry per transaction");
        chain.seal();
        AuditChain.Verdict verdict = chain.verify();
        assertTrue(verdict.intact(), verdict.text());
        assertEquals(made, verdict.removed());
        assertTrue(verdict.text().contains("the chain starts after " + made + " "), verdict.text());
        assertEquals(0, chain.removeBefore(cutoff, now, false, 2, 3));
    }

    @Test
    void entriesRemovedFromTheStartWithoutARemovalByTheRetentionRunBreakTheChain() {
        chain.seal();
        long first = 3;
        String hash = central.sql("SELECT entry_hash FROM audit_event WHERE chain_seq = " + first, String.class);
        change("DELETE FROM audit_event WHERE chain_seq <= " + first);
        change("UPDATE audit_seal SET pruned_seq = " + first + ", pruned_hash = '" + hash + "' WHERE id = 1");
        AuditChain.Verdict verdict = chain.verify();
        assertFalse(verdict.intact());
        assertEquals(first + 1, verdict.brokenAt(), verdict.text());
        assertTrue(verdict.text().contains("no removal by the retention run"), verdict.text());
    }

    @Test
    void aPatronsHistoryListsViewsAndChangesByLibraryAndRoleWithoutStaffNames() throws Exception {
        java.util.UUID id = java.util.UUID.randomUUID();
        assertEquals(201, central.send("POST", "/api/v1/patrons", CentralFixture.TOKEN,
                CentralApiIT.patron(id, "409900077", "NONE", null, null), "Idempotency-Key", "history-1").statusCode());
        assertEquals(200, central.send("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN, null).statusCode(),
                "a desk's own read, which is no one's view");
        assertEquals(200, central.send("GET", "/api/v1/patrons/" + id, CentralFixture.TOKEN, null,
                Api.SESSION_HEADER, token).statusCode());

        HttpResponse<String> first = central.send("GET", "/api/v1/patrons/" + id + "/history", CentralFixture.TOKEN,
                null, Api.SESSION_HEADER, token);
        assertEquals(200, first.statusCode(), first.body());
        com.fasterxml.jackson.databind.JsonNode entries = JSON.readTree(first.body());
        assertEquals(2, entries.size(), first.body());
        assertEquals("PATRON_REGISTERED", entries.get(0).get("action").asText());
        assertEquals(0, entries.get(0).get("roles").size(), "the desk's sync acts for no one");
        assertEquals("PATRON_VIEWED", entries.get(1).get("action").asText());
        assertEquals("[\"DESK_STAFF\",\"LIBRARY_ADMIN\",\"SUPERVISOR\"]", entries.get(1).get("roles").toString());
        assertEquals("Demo Research Library Copenhagen", entries.get(1).get("libraryName").asText());
        assertFalse(first.body().contains("demo.dk"), "no staff names leave the register");

        com.fasterxml.jackson.databind.JsonNode second = JSON.readTree(central.send("GET", "/api/v1/patrons/" + id
                + "/history", CentralFixture.TOKEN, null).body());
        assertEquals("PATRON_HISTORY_READ", second.get(2).get("action").asText(), "reading the history is a view too");
        assertEquals(404, central.send("GET", "/api/v1/patrons/" + id + "/history", CentralFixture.TOKEN_NO, null)
                .statusCode(), "another library's patron is not there to read");
    }
}
