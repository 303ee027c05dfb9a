package app.carddesk.central;

import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** The mail queue's attempts, for the tests that take the mail server away and bring it back. */
public final class MailAttempts {

    private MailAttempts() {
    }

    /** The most attempts any queued mail has had. */
    public static int most(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(attempts), 0) FROM mail_outbox")
                .mapTo(Integer.class).one());
    }

    /**
     * Waits until a first attempt has been made and is over. An attempt is counted as it starts: a
     * mail server brought back before it ended could be reached by it while a later pass sends the
     * mail too.
     */
    public static void awaitFirst(Jdbi jdbi, MailOutbox outbox) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (most(jdbi) == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        outbox.awaitPass();
    }
}
