package app.carddesk.letter;

import app.carddesk.domain.DateInput;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The one-page letter handed to a new patron, in the language the patron reads: their card,
 * their pickup library, what to do next. It holds no identity number and no PIN.
 */
public record WelcomeLetter(String title, String greeting, List<String> paragraphs, String closing) {

    /** What the letter speaks of. */
    public record Facts(String givenName, String libraryName, String cardNumber, String pickupLibrary,
                        RegistrationKind kind, LocalDate expiresOn, PinDelivery pinDelivery) {
    }

    public static WelcomeLetter compose(ResourceBundle texts, Facts f) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(format(texts, "letter.card", f.cardNumber(), f.libraryName()));
        paragraphs.add(format(texts, "letter.pickup", f.pickupLibrary()));
        paragraphs.add(texts.getString(f.pinDelivery() == PinDelivery.EMAIL ? "letter.pin.email" : "letter.pin.own"));
        paragraphs.add(texts.getString("letter.loanRules"));
        if (f.kind() == RegistrationKind.EXPECTS_NATIONAL_ID) {
            paragraphs.add(texts.getString("letter.comeBack"));
        }
        if (f.kind() == RegistrationKind.SHORT_STAY && f.expiresOn() != null) {
            paragraphs.add(format(texts, "letter.expires", DateInput.format(f.expiresOn())));
        }
        return new WelcomeLetter(format(texts, "letter.title", f.libraryName()),
                format(texts, "letter.greeting", f.givenName()), paragraphs,
                format(texts, "letter.closing", f.libraryName()));
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }
}
