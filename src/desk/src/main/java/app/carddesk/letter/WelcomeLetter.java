package app.carddesk.letter;

import app.carddesk.domain.Address;
import app.carddesk.domain.Letterhead;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * The one-page letter handed to a new patron, in the language the patron reads: the library's
 * letterhead, the patron's name and address, their card (also as a barcode), what happens next.
 * It holds no identity number and no PIN.
 */
public record WelcomeLetter(Letterhead letterhead, String date, List<String> addressBlock, String title,
                            String greeting, String cardLine, String cardNumber, List<String> paragraphs,
                            String closing, String signature) {

    /** What the letter speaks of. */
    public record Facts(String fullName, String givenName, Address address, Letterhead letterhead, String cardNumber,
                        String pickupLibrary, RegistrationKind kind, LocalDate expiresOn, PinDelivery pinDelivery,
                        boolean pinChangeAdvised, boolean centralRegister, LocalDate today) {
    }

    public static WelcomeLetter compose(ResourceBundle texts, Facts f) {
        String library = f.letterhead().name();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(format(texts, "letter.pickup", f.pickupLibrary()));
        paragraphs.add(pinText(texts, f));
        paragraphs.add(texts.getString("letter.loanRules"));
        if (f.kind() == RegistrationKind.EXPECTS_NATIONAL_ID) {
            paragraphs.add(texts.getString("letter.comeBack"));
        }
        if (f.kind() == RegistrationKind.SHORT_STAY && f.expiresOn() != null) {
            paragraphs.add(format(texts, "letter.expires", app.carddesk.domain.DateInput.format(f.expiresOn(), texts.getLocale())));
        }
        Address a = f.address();
        List<String> address = Stream.of(f.fullName(), a == null ? "" : a.line(),
                        a == null ? "" : (a.postalCode() + " " + a.city()).trim(), a == null ? "" : a.country())
                .filter(s -> s != null && !s.isBlank()).toList();
        // The English texts are the bundle's root: their dates are written the British way.
        java.util.Locale dates = texts.getLocale().getLanguage().isEmpty() ? java.util.Locale.UK : texts.getLocale();
        return new WelcomeLetter(f.letterhead(), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(dates).format(f.today()), address, format(texts, "letter.title", library),
                format(texts, "letter.greeting", f.givenName()), format(texts, "letter.card", f.cardNumber(), library),
                f.cardNumber(), paragraphs, texts.getString("letter.closing"),
                format(texts, "letter.signature", library));
    }

    /** Says how the PIN reaches the patron, and only what is true at this desk. */
    private static String pinText(ResourceBundle texts, Facts f) {
        if (f.pinDelivery() == PinDelivery.EMAIL) {
            return texts.getString(f.centralRegister() ? "letter.pin.email" : "letter.pin.emailLater");
        }
        return texts.getString(f.pinChangeAdvised() ? "letter.pin.ownChange" : "letter.pin.own");
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }
}
