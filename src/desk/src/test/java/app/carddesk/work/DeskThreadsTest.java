package app.carddesk.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Closing the desk: work under way finishes, work due later (the next sync round) is not waited for. */
class DeskThreadsTest {

    @Test
    void stoppingDropsWhatIsDueLaterAndFinishesWhatIsUnderWay() throws Exception {
        ScheduledExecutorService timer = DeskThreads.scheduled("test-timer");
        AtomicBoolean laterRan = new AtomicBoolean();
        AtomicBoolean saved = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        timer.schedule(() -> laterRan.set(true), 1, TimeUnit.HOURS);
        timer.execute(() -> {
            started.countDown();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            saved.set(true);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        DeskThreads.stop(timer);

        assertThat(timer.isTerminated()).as("nothing left waiting for its time").isTrue();
        assertThat(saved).as("the work under way finished").isTrue();
        assertThat(laterRan).as("the round due later did not run").isFalse();
    }
}
