package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.config.ConfigurationFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A desk on its own keeps its library's settings itself: its administrator changes a category on
 * the Administration screen's form and the checklist offers the new name at once; the settings go
 * to a file readable by the desk's user only; another library's file is refused and changes nothing.
 */
class LocalLibrarySettingsUiIT extends DeskUiIT {

    @Test
    void theAdministratorOfADeskOnItsOwnChangesItsSettingsOnScreenAndInAFile(FxRobot robot) throws Exception {
        waitUntil(() -> visible(robot, "#navAdmin"));
        type(KeyCode.F7);
        waitForText(robot, "#libraryVersion", "The demo settings CardDesk comes with, unchanged: "
                + "Demo Research Library Copenhagen (DEMO-DK)");
        // Ctrl+Tab goes from part to part.
        showTab(robot, "#libraryTabs", "#libraryTabLibrary");
        type(KeyCode.CONTROL, KeyCode.TAB);
        waitUntil(() -> robot.lookup("#libraryTabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedIndex() == 1);
        assertThat(visible(robot, "#adminNotConnected")).isTrue();
        assertThat(visible(robot, "#libraryOpenCode")).as("other libraries are the organisation's").isFalse();

        showTab(robot, "#libraryTabs", "#libraryTabCategories");
        interact(() -> robot.lookup("#libraryCategories").queryAs(ListView.class).getSelectionModel().select(0));
        waitUntil(() -> text(robot, "#libraryCategoryCode").equals("STUDENT"));
        fill(robot, "#libraryCategoryEn", "Degree student");
        fill(robot, "#libraryCategoryMaxAge", "text");
        click(robot, "#libraryCategoryChange");
        // Named as the forms name it, not by its place in the file.
        waitUntil(() -> robot.lookup("#libraryProblems .list-cell").queryAll().stream().anyMatch(cell ->
                "Categories 1 › Highest age: A whole number, such as 18.".equals(
                        ((javafx.scene.control.Labeled) cell).getText())));
        fill(robot, "#libraryCategoryMaxAge", "");
        click(robot, "#libraryCategoryChange");
        // Another screen and back: what was typed and not saved is still there.
        type(KeyCode.F5);
        waitUntil(() -> visible(robot, "#findQuery"));
        type(KeyCode.F7);
        waitForText(robot, "#libraryMessage", "Your changes are not saved yet");
        assertThat(robot.lookup("#libraryCategories").queryAs(ListView.class).getItems().get(0).toString())
                .contains("Degree student");
        click(robot, "#librarySave");
        waitForText(robot, "#libraryMessage", "Version 1 is stored; this desk works with it now.");
        waitUntil(() -> context.issue().choices.get().categories().get(0).nameEn().equals("Degree student"));

        Path file = dataDir.resolve("demo-dk.json");
        showTab(robot, "#libraryTabs", "#libraryTabFile");
        setText(robot, "#libraryFile", file.toString());
        click(robot, "#libraryExport");
        waitForText(robot, "#libraryMessage", "Written to " + file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ConfigurationFile.read(Files.readAllBytes(file)).configuration().categories().get(0).names().en())
                .isEqualTo("Degree student");

        Path oslo = dataDir.resolve("demo-no.json");
        Files.write(oslo, ConfigurationFile.write(ConfigurationFile.bundled("/app/carddesk/config/demo/DEMO-NO.json")));
        setText(robot, "#libraryFile", oslo.toString());
        click(robot, "#libraryImport");
        waitForText(robot, "#libraryMessage", "The file configures DEMO-NO, not this library (DEMO-DK). Nothing changed.");
        assertThat(backend.profile().code()).isEqualTo("DEMO-DK");
        assertThat(backend.profile().categories().get(0).nameEn()).isEqualTo("Degree student");
    }

}
