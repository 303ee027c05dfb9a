package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A checklist the desk stopped in the middle of is told of at its next start, once; one given up is not. */
class UnfinishedChecklistIT extends DeskUiIT {

    @Test
    void aChecklistTheDeskStoppedInTheMiddleOfIsToldOfAtTheNextStart(FxRobot robot) throws Exception {
        Path dir = backend.config().dataDir();
        // Given up on purpose (or finished), nothing is left to tell.
        scanToDetails(robot, "409900470");
        setText(robot, "#surnameField", "Okafor");
        waitUntil(() -> DeskPreferences.in(dir).get("checklist.unfinished").isPresent());
        clickOn(robot, "#cancelButton");
        waitUntil(() -> openDialog().isPresent());
        clickOn(robot, "#confirmGoAhead");
        waitUntil(() -> visible(robot, "#cardField"));
        assertThat(DeskPreferences.in(dir).get("checklist.unfinished")).isEmpty();
        assertThat(nextStart().noticeProperty().get()).isNull();

        // Told at the start, the notice goes once the next card is scanned.
        interact(() -> context.main().navigation().noticeProperty().set(new Navigation.Notice(
                app.carddesk.domain.Problem.of("checklist.unfinished", "409900470", TODAY, "10:00"),
                java.util.List.of())));
        waitForText(robot, "#frameNotice", "The desk stopped while card 409900470 was being issued (begun "
                + "22-11-2026 10:00)");
        scanToDetails(robot, "409900471");
        assertThat(visible(robot, "#noticeBar")).isFalse();
        setText(robot, "#surnameField", "Okafor");
        waitUntil(() -> context.issue().dirty.get());
        assertThat(DeskPreferences.in(dir).get("checklist.unfinished")).hasValueSatisfying(v ->
                assertThat(v).startsWith("409900471 "));
        assertThat(Files.readString(dir.resolve(DeskPreferences.FILE))).as("nothing typed is kept there")
                .doesNotContain("Okafor");
        // Killed here, the desk starts again on the same register: the checklist tells of the card, once.
        var notice = nextStart().noticeProperty().get();
        assertThat(notice).isNotNull();
        assertThat(notice.headline().key()).isEqualTo("checklist.unfinished");
        assertThat(notice.headline().args()).first().isEqualTo("409900471");
        assertThat(nextStart().noticeProperty().get()).isNull();
    }

    /** The desk's screens made again on the same register and folder, as at the next start. */
    private Navigation nextStart() {
        return new DeskContext(backend, background).main().navigation();
    }
}
