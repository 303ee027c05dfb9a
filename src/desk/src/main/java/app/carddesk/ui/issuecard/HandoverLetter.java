package app.carddesk.ui.issuecard;

import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.PatronDetails;
import app.carddesk.letter.LetterSettings;
import app.carddesk.letter.WelcomeLetter;
import app.carddesk.ui.LetterPrinter;
import app.carddesk.ui.background.BackgroundWork;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;

/**
 * The welcome letter handed over with the card: in the language chosen for it, composed from what
 * the checklist holds, shown, printed and saved as this desk makes letters.
 */
public final class HandoverLetter {

    /** The patron's language: the letter's, and the PIN mail's when the PIN is mailed. */
    public final app.carddesk.ui.LetterLanguage patronLanguage = new app.carddesk.ui.LetterLanguage();
    /** The chosen language ({@link #patronLanguage}'s). */
    public final ObjectProperty<Locale> language = patronLanguage.language;
    /** The languages the library writes in, its own first. */
    public final javafx.collections.ObservableList<Locale> offered = patronLanguage.offered;

    /** Offers the library's languages ({@link app.carddesk.ui.LetterLanguage#offer}). */
    public void offer(java.util.List<String> languages) {
        patronLanguage.offer(languages);
    }

    private final IssueCardViewModel vm;
    private final BackgroundWork background;
    private LetterPrinter printer;

    HandoverLetter(IssueCardViewModel vm, BackgroundWork background) {
        this.vm = vm;
        this.background = background;
        this.printer = new LetterPrinter(LetterPrinter.PLAIN, background);
    }

    /** The settings below, to follow: whether a PIN mail goes out soon changes with the central register's answers. */
    public final javafx.beans.property.ObjectProperty<LetterSettings> settings =
            new javafx.beans.property.SimpleObjectProperty<>(LetterPrinter.PLAIN);

    /** How this desk's letters come out: paper, the library's logo, whether a PIN mail goes out soon. */
    public void settings(LetterSettings settings) {
        this.printer = new LetterPrinter(settings, background);
        this.settings.set(settings);
    }

    public LetterSettings settings() {
        return printer.settings();
    }

    /** The letter for the patron being registered, in the chosen language. */
    public WelcomeLetter compose() {
        RegistrationKind kind = vm.identity.kind();
        PatronDetails d = vm.details.toDetails();
        return WelcomeLetter.compose(app.carddesk.text.Messages.bundle(language.get(), vm.profile().country()),
                new WelcomeLetter.Facts(
                app.carddesk.domain.PersonName.full(d.givenName(), d.surname()), d.givenName(), d.address(), vm.profile().letterhead(),
                vm.card.get() == null ? "" : vm.card.get().value(),
                vm.pickup.get() == null ? "" : vm.pickup.get().name(), kind, vm.identity.expiry(),
                vm.pin.delivery.get(), vm.pin.changeAdvised.get(), settings().centralRegister(), vm.today()));
    }

    /** The letter as it prints, as a PNG at 200 dpi, handed to {@code print} on the JavaFX thread. */
    public void render(Consumer<byte[]> print) {
        printer.render(compose(), 200, print, vm::failed);
    }

    /** Saves the letter as a PDF; said on the checklist unless it started afresh meanwhile. */
    public void save(Path target) {
        long asked = vm.resets();
        printer.save(compose(), target, saved -> {
            if (asked == vm.resets()) {
                vm.success.set(Problem.of("letter.saved", saved.getFileName().toString()));
            }
        }, vm::failed);
    }
}
