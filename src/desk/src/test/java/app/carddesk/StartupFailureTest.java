package app.carddesk;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.text.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    @Test
    void anUnknownLibraryIsToldInTheStaffsLanguageWithTheLibrariesThereAre() {
        Messages danish = Messages.forLocale(Locale.forLanguageTag("da"));
        assertThat(StartupFailure.text(danish, new DeskBackend.UnknownProfileException("DK-ODENSE", "DEMO-DK")))
                .startsWith("Skranken har endnu ikke indstillingerne for biblioteket “DK-ODENSE”")
                .contains("CARDDESK_PROFILE").endsWith("Biblioteker på denne skranke: DEMO-DK.");
        // None at all: no empty list.
        assertThat(StartupFailure.text(Messages.forLocale(Locale.ENGLISH),
                new DeskBackend.UnknownProfileException("DK-ODENSE", "")))
                .contains("nor of any library").doesNotContain(": .");
    }

    @Test
    void aRegisterOpenInAnotherCardDeskIsSaidWithWhatToDo() {
        assertThat(StartupFailure.text(Messages.forLocale(Locale.ENGLISH), new app.carddesk.store.Database
                .RegisterInUseException(java.nio.file.Path.of("carddesk.mv.db"), null))).isEqualTo("CardDesk is open "
                + "already on this computer, with this register. Use that window; to start CardDesk again, close that "
                + "window first.");
    }
}
