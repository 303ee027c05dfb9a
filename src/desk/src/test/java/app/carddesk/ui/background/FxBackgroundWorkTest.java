package app.carddesk.ui.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A screen that goes on loading while the window closes hands in work that is quietly not started. */
class FxBackgroundWorkTest {

    @Test
    void workHandedInAfterClosingIsNotStartedAndLeavesNothingBusy() {
        FxBackgroundWork work = new FxBackgroundWork();
        work.close();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatCode(() -> work.submit(() -> ran.getAndSet(true), done -> { }, failed -> { }))
                .doesNotThrowAnyException();

        assertThat(ran).isFalse();
        assertThat(work.busyProperty().get()).isFalse();
    }
}
