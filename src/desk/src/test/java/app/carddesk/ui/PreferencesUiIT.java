package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.DeskContext;
import app.carddesk.ui.main.DeskWindow;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The language chosen at the desk is the language of its next start; the save folder is remembered. */
class PreferencesUiIT extends DeskUiIT {

    @Test
    void theLanguageIsRememberedAfterARestart(FxRobot robot) throws Exception {
        interact(() -> robot.lookup("#languageBox").<ComboBox<Locale>>query()
                .setValue(Locale.forLanguageTag("nb")));
        waitUntil(() -> robot.lookup("#navIssue").tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("").contains("Utsted kort"));

        String before = System.getProperty(DeskConfig.HOME);
        System.setProperty(DeskConfig.HOME, dataDir.toString());
        DeskConfig restarted;
        try {
            restarted = DeskConfig.load();
        } finally {
            if (before == null) {
                System.clearProperty(DeskConfig.HOME);
            } else {
                System.setProperty(DeskConfig.HOME, before);
            }
        }
        assertThat(restarted.language().getLanguage()).isEqualTo("nb");

        background.close();
        backend.close();
        backend = app.carddesk.SignedInDesk.open(new DeskConfig(dataDir, profile(), restarted.language()), CLOCK);
        background = new app.carddesk.ui.background.FxBackgroundWork();
        context = new DeskContext(backend, background);
        FxToolkit.setupStage(s -> {
            Scene scene = new Scene(new Pane(), 1180, 800);
            s.setScene(scene);
            DeskWindow.show(s, scene, context.main(), () -> context.views().loadWindow("main/Main.fxml"),
                    () -> context.views().messages());
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> robot.lookup("#navIssue").tryQuery().map(n -> ((javafx.scene.control.Labeled) n).getText()).orElse("").contains("Utsted kort"));
    }

    @Test
    void saveDialogsStartInTheDocumentsFolderThenWhereStaffSavedLast() throws Exception {
        DeskPreferences prefs = DeskPreferences.in(dataDir);
        java.io.File start = prefs.startFolder();
        assertThat(start.toPath()).isIn(java.nio.file.Path.of(System.getProperty("user.home")),
                java.nio.file.Path.of(System.getProperty("user.home"), "Documents"));
        java.nio.file.Path letters = java.nio.file.Files.createDirectories(dataDir.resolve("letters"));
        prefs.rememberFolder(letters.resolve("welcome.pdf").toFile());
        assertThat(DeskPreferences.in(dataDir).startFolder().toPath()).isEqualTo(letters);
        // A folder where the save failed (no file can be made there) is not where the next dialog starts.
        prefs.rememberFolder(new java.io.File("/proc/audit.csv"));
        assertThat(DeskPreferences.in(dataDir).startFolder().toPath()).isEqualTo(letters);
        assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve(DeskPreferences.FILE)))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
