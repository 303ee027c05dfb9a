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
}
