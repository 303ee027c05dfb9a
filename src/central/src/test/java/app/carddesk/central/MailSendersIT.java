package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the central service share one register, each with its own mail sender. A mail
 * one of them is sending, slowly, is not sent by the other once the first pause after an attempt is
 * over: the mail stays taken for as long as an attempt can last. A failed attempt is tried again
 * after the first pause. The test takes a few seconds; the senders' own passes come every 30 s.
 */
class MailSendersIT {

    @TempDir
    Path dir;

    private final StepClock clock = new StepClock();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Test
    void aMailOnItsWayIsNotSentByTheOtherInstanceAndAFailedOneIsTriedAfterThePause() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch slowServer = new CountDownLatch(1);
        Mailer slow = (to, subject, body) -> {
            answering.countDown();
            await(slowServer);
            sent.add("first instance: " + subject);
        };
        Mailer quick = (to, subject, body) -> sent.add("second instance: " + subject);
        try (CentralDatabase db = CentralDatabase.open(MigratedH2.url(dir.resolve("central"), true), "carddesk", "");
             MailOutbox first = new MailOutbox(db.jdbi(), slow, clock);
             MailOutbox second = new MailOutbox(db.jdbi(), quick, clock)) {
            // Each sender makes a pass as it starts, and then every 30 s: the first ones over, the
            // second instance sends only when the test says so.
            first.awaitPass();
            second.awaitPass();
            db.jdbi().useTransaction(h -> first.queue(h, "DEMO-DK", null, "PIN",
                    new Mailer.Mail("maja@example.org", "PIN 1", "1234")));
            assertThat(answering.await(20, TimeUnit.SECONDS)).as("the first instance's attempt began").isTrue();
            clock.advance(MailOutbox.FIRST_PAUSE.plusSeconds(1));
            assertThat(second.sendDue()).as("taken by the first instance, still on its way").isZero();
            slowServer.countDown();
            first.awaitPass();
            assertThat(sent).containsExactly("first instance: PIN 1");
            assertThat(first.pending()).isZero();

            Mailer down = (to, subject, body) -> {
                throw new Mailer.MailUnavailableException("refused", null);
            };
            try (MailOutbox third = new MailOutbox(db.jdbi(), down, clock)) {
                third.awaitPass();
                db.jdbi().useTransaction(h -> third.queue(h, "DEMO-DK", null, "PIN",
                        new Mailer.Mail("maja@example.org", "PIN 2", "5678")));
                MailAttempts.awaitFirst(db.jdbi(), third);
            }
            assertThat(second.sendDue()).as("not yet: the pause after the failed attempt").isZero();
            clock.advance(MailOutbox.FIRST_PAUSE.plusSeconds(1));
            assertThat(second.sendDue()).as("after the pause, not after the time an attempt may take").isOne();
            assertThat(sent).containsExactly("first instance: PIN 1", "second instance: PIN 2");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aMailServerThatCannotBeReachedIsNamedWithTheNetworksWordsAndNoAddress() throws Exception {
        // A port held by a socket that is bound but does not listen: refused, and no one else's meanwhile.
        try (java.net.Socket held = new java.net.Socket()) {
            held.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int closed = held.getLocalPort();
            SmtpMailer mailer = new SmtpMailer("127.0.0.1", closed, "library@carddesk.invalid");
            Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(Mailer.MailUnavailableException.class,
                    () -> mailer.send("amara.okafor@example.org", "Your PIN", "1234"));
            assertThat(thrown.getMessage()).contains("the mail server 127.0.0.1:" + closed + " cannot be reached",
                    "Connection refused", "CARDDESK_SMTP_HOST").doesNotContain("amara", "example.org", "1234");
            // Many at once (retention notices): how many went, and why the rest did not, in the same words.
            Mailer.Sent sent = mailer.sendAll(java.util.List.of(new Mailer.Mail("amara.okafor@example.org",
                    "Your card", "text"), new Mailer.Mail("chidi@example.org", "Your card", "text")));
            assertThat(sent.count()).isZero();
            assertThat(sent.stoppedBecause()).contains("cannot be reached", "Connection refused")
                    .doesNotContain("amara", "chidi", "example.org");
        }
    }
}
