package app.carddesk.bench;

import app.carddesk.api.RetentionApi;
import app.carddesk.central.CentralDatabase;
import app.carddesk.central.RetentionJob;
import app.carddesk.central.SmtpMailer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The central retention job over a register of 1,000,000 patrons on the embedded H2 database,
 * with the notice e-mails going to a real SMTP server (GreenMail). The register mixes every case
 * the job handles, in proportions of a busy first day: expired short stays (some with a balance or
 * a loan), patrons inactive for three years, noticed patrons due for deletion, and noticed patrons
 * who came back.
 */
public final class RetentionBenchmark {

    static final int PATRONS = Integer.getInteger("carddesk.bench.patrons", 1_000_000);
    static final int EXPIRED = 20_000;
    static final int EXPIRED_WITH_BALANCE = 1_000;
    static final int EXPIRED_WITH_LOANS = 1_000;
    static final int TO_NOTICE = 1_000;
    static final int DUE = 5_000;
    static final int CAME_BACK = 1_000;

    private RetentionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run();
    }

    static void run() throws Exception {
        BenchFolder dir = BenchFolder.create("carddesk-retention-bench");
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (CentralDatabase db = CentralDatabase.open("jdbc:h2:file:" + dir.resolve("central").toAbsolutePath(),
                "carddesk", "")) {
            db.loadDemoData();
            long t0 = System.nanoTime();
            fill(db);
            System.out.printf("retention job, central register on H2 with %,d patrons (filled in %.1f s):%n",
                    PATRONS, (System.nanoTime() - t0) / 1e9);
            RetentionJob job = new RetentionJob(db.jdbi(), new SmtpMailer("127.0.0.1", smtp.getSmtp().getPort(), "library@carddesk.invalid"), Clock.systemUTC());
            for (String name : new String[] {"dry run", "real run", "second run, same day"}) {
                long t = System.nanoTime();
                RetentionApi.RetentionReport r = job.run(name.equals("dry run"), 0);
                System.out.printf("  %-22s %6.1f s   deleted %,d short stays + %,d inactive, held %,d, notices %,d, "
                        + "withdrawn %,d%n", name, (System.nanoTime() - t) / 1e9, r.shortStaysDeleted(),
                        r.inactiveDeleted(), r.held(), r.noticesSent(), r.noticesWithdrawn());
            }
            System.out.printf("  notice mails received by the SMTP server: %,d   (goal: each run under 60 s)%n",
                    smtp.getReceivedMessages().length);
        } finally {
            smtp.stop();
        }
    }

    /** Writes the register straight into the tables, in batches. */
    private static void fill(CentralDatabase db) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant old = now.minus(Duration.ofDays(4 * 366));
        db.jdbi().useHandle(h -> {
            int chunk = 10_000;
            for (int from = 0; from < PATRONS; from += chunk) {
                var patrons = h.prepareBatch("INSERT INTO patron (id, library_code, card_number, identity_kind, surname, "
                        + "given_name, birth_date, email, category_code, pickup_library_code, registration_kind, "
                        + "expires_on, fees_owed_minor, print_credit_minor, version, created_at, updated_at, "
                        + "last_active_at, notice_sent_at) VALUES (?, 'DEMO-NO', ?, 'NONE', 'Etternavn', 'Fornavn', "
                        + "DATE '1980-01-01', ?, 'ADULT', 'OSL-HOV', ?, ?, ?, 0, 1, ?, ?, ?, ?)");
                var members = h.prepareBatch("INSERT INTO membership (patron_id, library_code, activated_at, loans) "
                        + "VALUES (?, 'DEMO-NO', ?, ?)");
                var cards = h.prepareBatch("INSERT INTO card (number, status, patron_id, library_code, issued_at) "
                        + "VALUES (?, 'ISSUED', ?, 'DEMO-NO', ?)");
                for (int i = from; i < Math.min(PATRONS, from + chunk); i++) {
                    UUID id = new UUID(0x5EED, i);
                    String card = String.format("N%09d", i);
                    boolean expired = i < EXPIRED;
                    boolean shortStay = expired || i % 10 == 0;
                    int k = i - EXPIRED;
                    boolean toNotice = k >= 0 && k < TO_NOTICE;
                    boolean due = k >= TO_NOTICE && k < TO_NOTICE + DUE;
                    boolean cameBack = k >= TO_NOTICE + DUE && k < TO_NOTICE + DUE + CAME_BACK;
                    Instant active = toNotice || due ? old : cameBack ? now.minus(Duration.ofDays(5))
                            : now.minus(Duration.ofDays(i % 1000));
                    Instant notice = due || cameBack ? now.minus(Duration.ofDays(31)) : null;
                    patrons.add(id, card, toNotice ? "patron" + i + "@example.org" : null,
                            shortStay ? "SHORT_STAY" : "NATIONAL_ID",
                            shortStay ? (expired ? today.minusDays(1 + i % 30) : today.plusDays(1 + i % 300)) : null,
                            expired && i < EXPIRED_WITH_BALANCE ? 2500 : 0, now, now, active, notice);
                    members.add(id, now, expired && i >= EXPIRED_WITH_BALANCE
                            && i < EXPIRED_WITH_BALANCE + EXPIRED_WITH_LOANS ? 1 : 0);
                    cards.add(card, id, now);
                }
                patrons.execute();
                members.execute();
                cards.execute();
            }
        });
    }
}
