package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.carddesk.staff.SignedInStaff;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailuresTest {

    private final Logger log = (Logger) LoggerFactory.getLogger("FailuresTest");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        log.addAppender(logged);
        log.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(logged);
        log.setLevel(null);
    }

    @Test
    void workThatFoundNobodySignedInAsksForItAgainWithoutAStackTrace() {
        Throwable signedOut = catchThrowable(() -> new SignedInStaff("desk").staffUser());

        assertThat(Failures.problem(log, "Patron search failed", signedOut).key()).isEqualTo("error.signedOutMeanwhile");
        assertThat(Failures.problem(log, "Patron search failed", new CompletionException(signedOut)).key())
                .isEqualTo("error.signedOutMeanwhile");
        assertThat(logged.list).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getThrowableProxy()).isNull();
        });
    }

    @Test
    void anythingElseIsUnexpectedAndItsStackTraceIsLogged() {
        assertThat(Failures.problem(log, "Patron search failed", new IllegalStateException("disk full")).key())
                .isEqualTo("error.unexpected");
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("disk full");
        });
    }
}
