package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's parts each remember their own things (the sign-in screen the language, the window its
 * place, the letters their folder) through instances of their own: none wipes out what another wrote.
 */
class DeskPreferencesTest {

    @TempDir
    Path dir;

    @Test
    void whatOneInstanceRememberedSurvivesAnotherOnesLaterWrite() {
        DeskPreferences window = DeskPreferences.in(dir);
        DeskPreferences signIn = DeskPreferences.in(dir);
        DeskPreferences letters = DeskPreferences.in(dir);
        signIn.put("language", "nb");
        letters.put("letters.folder", "/home/desk/Letters");
        window.put("window.width", "1024");

        DeskPreferences next = DeskPreferences.in(dir);
        assertThat(next.get("language")).contains("nb");
        assertThat(next.get("letters.folder")).contains("/home/desk/Letters");
        assertThat(next.get("window.width")).contains("1024");

        signIn.put("language", null);
        assertThat(DeskPreferences.in(dir).get("language")).as("forgotten when asked").isEmpty();
        assertThat(DeskPreferences.in(dir).get("window.width")).contains("1024");
    }
}
