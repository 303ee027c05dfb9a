package app.carddesk.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import app.carddesk.work.DeskThreads;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * The one thread that writes a desk's register. Screens, the sync round and the feed all hand
 * their writes to it, whichever thread they run on, so that no two transactions interleave: a
 * change staff save and a page of the feed applied meanwhile are one after the other, never a lost
 * update. Reads stay on the caller's thread. A write made on the writer thread itself (a write
 * inside a write) runs at once.
 */
public final class RegisterWriter implements AutoCloseable {

    /** The writer thread's name, as it shows in a thread dump. */
    public static final String THREAD = "carddesk-register-writer";

    /** How long H2 may hold back the commit of a repeatable write. */
    private static final int DEFERRED_MILLIS = 1000;

    private final Jdbi jdbi;
    private final ExecutorService thread = DeskThreads.single(THREAD);
    private final Thread writer;
    /** Whether H2 may hold commits back for a moment (only while the writes are ones made again after a crash). */
    private boolean deferred;

    RegisterWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.writer = call(() -> thread.submit(Thread::currentThread).get());
    }

    public <X extends Exception> void useTransaction(HandleConsumer<X> write) throws X {
        transaction(write, false);
    }

    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> write) throws X {
        return run(() -> jdbi.inTransaction(write), false);
    }

    public <X extends Exception> void useHandle(HandleConsumer<X> write) throws X {
        run(() -> {
            jdbi.useHandle(write);
            return null;
        }, false);
    }

    public <E, X extends Exception> void useExtension(Class<E> type, org.jdbi.v3.core.extension.ExtensionConsumer<E, X>
            write) throws X {
        run(() -> {
            jdbi.useExtension(type, write);
            return null;
        }, false);
    }

    /**
     * A transaction that a crash may lose because it is made again after one: a page of the change
     * feed, whose place in the feed is stored with it. H2 writes it to the file within a second
     * instead of at its commit, so that a feed of many pages is not written to the file page by page;
     * the next other write makes commits wait for the file again, and is in the file with all before
     * it when it returns.
     */
    public <X extends Exception> void useRepeatableTransaction(HandleConsumer<X> write) throws X {
        transaction(write, true);
    }

    private <X extends Exception> void transaction(HandleConsumer<X> write, boolean repeatable) throws X {
        run(() -> {
            jdbi.useTransaction(write);
            return null;
        }, repeatable);
    }

    /**
     * Before a write on the writer thread: commits wait for the file, or, for a repeatable write, may
     * be held back; going back to waiting, the next commit writes everything before it too.
     */
    private void settle(boolean repeatable) {
        if (repeatable != deferred) {
            jdbi.useHandle(h -> h.execute("SET WRITE_DELAY " + (repeatable ? DEFERRED_MILLIS : 0)));
            deferred = repeatable;
        }
    }

    /**
     * Runs {@code write} on the writer thread and waits for it; its exception is thrown here as it was.
     * A write inside a write keeps the outer write's way of committing.
     */
    private <R, X extends Exception> R run(Callable<R> write, boolean repeatable) throws X {
        if (Thread.currentThread() == writer) {
            return call(write);
        }
        Future<R> done = thread.submit(() -> {
            settle(repeatable);
            return write.call();
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    // The write is under way and cannot be taken back: wait for it, then keep the interrupt.
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw RegisterWriter.<X>sneaky(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <R> R call(Callable<R> write) {
        try {
            return write.call();
        } catch (Exception e) {
            throw RegisterWriter.<RuntimeException>sneaky(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> X sneaky(Throwable t) throws X {
        throw (X) t;
    }

    /** Lets the writes under way finish, then stops the thread. */
    @Override
    public void close() {
        DeskThreads.stop(thread);
    }
}
