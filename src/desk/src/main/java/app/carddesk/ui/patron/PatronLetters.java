package app.carddesk.ui.patron;

import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.IssuingService;
import app.carddesk.issuing.MembershipService;
import app.carddesk.letter.LetterSettings;
import app.carddesk.letter.StoredDataReport;
import app.carddesk.letter.WelcomeLetter;
import app.carddesk.text.Messages;
import app.carddesk.ui.LetterPrinter;
import app.carddesk.ui.background.BackgroundWork;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;

/** The patron screen's documents: the welcome letter again, and "what is stored about me". */
final class PatronLetters {

    private final IssuingService service;
    private final MembershipService memberships;
    private final BackgroundWork background;
    private final ObjectProperty<Problem> success;
    private final Consumer<Throwable> failed;
    private LetterPrinter letters;

    PatronLetters(IssuingService service, MembershipService memberships, BackgroundWork background,
                  ObjectProperty<Problem> success, Consumer<Throwable> failed) {
        this.service = service;
        this.memberships = memberships;
        this.background = background;
        this.success = success;
        this.failed = failed;
        this.letters = new LetterPrinter(LetterPrinter.PLAIN, background);
    }

    void settings(LetterSettings settings) {
        this.letters = new LetterPrinter(settings, background);
    }

    /** The welcome letter naming the card the patron holds now (a new card included), in the given language. */
    void saveLetter(Patron p, Path target, Locale language) {
        String pickupName = service.profile().pickupLibraries().stream()
                .filter(l -> l.code().equals(p.pickupLibraryCode())).findFirst()
                .map(app.carddesk.domain.PickupLibrary::name).orElse(p.pickupLibraryCode());
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(language, service.profile().country()),
                new WelcomeLetter.Facts(p.fullName(), p.givenName(), p.address(), service.profile().letterhead(),
                        p.cardNumber() == null ? "" : p.cardNumber(), pickupName, p.registrationKind(), p.expiresOn(),
                        p.pinDelivery(), p.pinChangeAdvised(), letters.settings().centralRegister(), service.today()));
        letters.save(letter, target, saved -> success.set(Problem.of("letter.saved", saved.getFileName().toString())),
                failed);
    }

    /** "What is stored about me", with the libraries the patron belongs to, in the given language. */
    void saveStoredDataReport(Patron p, List<String> libraryNames, Path target, Locale language) {
        background.submit(() -> {
            List<app.carddesk.issuing.AuditEntry> here = service.upkeep().reportMade(p.id());
            StoredDataReport.write(Messages.bundle(language, service.profile().country()), p, service.profile(),
                    new StoredDataReport.History(here, memberships.history(p.id())),
                    new StoredDataReport.Keeping(memberships.connected(), memberships.retention()),
                    service.upkeep().relatives(p.id()), libraryNames, letters.settings().paper(), target);
            return target;
        }, saved -> success.set(Problem.of("report.saved", saved.getFileName().toString())), failed);
    }
}
