package app.carddesk.ui.issuecard;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.ui.DeskConfig;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.DirectBackgroundWork;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checklist's state machine without a screen. */
class IssueCardViewModelIT {

    @TempDir
    Path dir;
    private DeskBackend backend;
    private IssueCardViewModel vm;
    private final Navigation navigation = new Navigation();

    @BeforeEach
    void open() {
        backend = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH),
                Clock.fixed(LocalDate.of(2026, 11, 22).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        vm = new IssueCardViewModel(backend.issuing(), new DirectBackgroundWork(), navigation);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private static String key(Problem p) {
        return p == null ? null : p.key();
    }

    @Test
    void aRefusedCardKeepsTheFlowAtTheFirstStep() {
        vm.startWithCard("4099123");
        assertThat(vm.step.get()).isEqualTo(Step.CARD);
        assertThat(key(vm.cardProblem.get())).isEqualTo("card.wrongLength");
        assertThat(vm.dirty.get()).isFalse();
    }

    @Test
    void registeredWithoutTheNumberTypedTheDetailsStartWithTheBirthDateItHolds() {
        // As when Fetch cannot reach a register: the number is not registered unchecked.
        vm.startWithCard("409900001");
        vm.identity.mode.set(IdentityMode.NATIONAL_ID);
        vm.identity.text.set("150390-1001");
        vm.registerWithoutNow();
        assertThat(vm.step.get()).isEqualTo(Step.DETAILS);
        assertThat(vm.identity.kind()).isEqualTo(RegistrationKind.EXPECTS_NATIONAL_ID);
        assertThat(vm.identity.identity()).isNull();
        assertThat(vm.details.birthDateValue()).isEqualTo(LocalDate.of(1990, 3, 15));

        // A birth date staff typed stays as typed.
        vm.back();
        vm.details.birthDate.set("16-03-1990");
        vm.identity.mode.set(IdentityMode.NATIONAL_ID);
        vm.registerWithoutNow();
        assertThat(vm.details.birthDateValue()).isEqualTo(LocalDate.of(1990, 3, 16));
    }

    @Test
    void thePatronsLanguageIsOneTheLibraryWritesIn() {
        // The Danish demo library writes in Danish and English.
        vm.letter.language.set(java.util.Locale.forLanguageTag("nb"));
        vm.letter.offer(backend.profile().languages());
        assertThat(vm.letter.offered).containsExactly(java.util.Locale.forLanguageTag("da"), java.util.Locale.ENGLISH);
        assertThat(vm.letter.language.get()).as("a Norwegian-speaking desk starts on the library's own")
                .isEqualTo(java.util.Locale.forLanguageTag("da"));
        vm.letter.language.set(java.util.Locale.ENGLISH);
        vm.letter.offer(backend.profile().languages());
        assertThat(vm.letter.language.get()).as("one it writes in stays").isEqualTo(java.util.Locale.ENGLISH);
    }

    @Test
    void eachPatronStartsInTheStaffsLanguageNotTheLastPatrons() {
        java.util.concurrent.atomic.AtomicReference<Locale> staff = new java.util.concurrent.atomic.AtomicReference<>(
                Locale.forLanguageTag("da"));
        vm.staffLanguage(staff::get);
        assertThat(vm.letter.language.get()).isEqualTo(Locale.forLanguageTag("da"));
        vm.startWithCard("409900001");
        vm.letter.language.set(Locale.ENGLISH);
        // The next patron (a scan starts afresh, as Finish does).
        vm.startWithCard("409900002");
        assertThat(vm.letter.language.get()).as("not the English chosen for the patron before")
                .isEqualTo(Locale.forLanguageTag("da"));
        // Staff who switched the desk to Norwegian, which this library does not write in: its first.
        staff.set(Locale.forLanguageTag("nb"));
        vm.startWithCard("409900003");
        assertThat(vm.letter.language.get()).isEqualTo(Locale.forLanguageTag("da"));
        staff.set(Locale.ENGLISH);
        vm.startWithCard("409900004");
        assertThat(vm.letter.language.get()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aFreeCardCompletesScanAndLookUp() {
        vm.startWithCard(" 4099 00001 ");
        assertThat(vm.step.get()).isEqualTo(Step.IDENTITY);
        assertThat(vm.completed).containsExactlyInAnyOrder(Step.CARD, Step.LOOKUP);
        assertThat(vm.dirty.get()).as("a scanned card alone is nothing to lose").isFalse();
        vm.identity.text.set("1207981504");
        assertThat(vm.dirty.get()).as("a typed national ID is").isTrue();
        assertThat(vm.pickup.get().code()).isEqualTo("KB-SK");
    }

    @Test
    void aNationalIdMustBeFetchedAndItsWarningConfirmed() {
        vm.startWithCard("409900001");
        vm.identity.mode.set(IdentityMode.NATIONAL_ID);
        vm.next();
        assertThat(key(vm.message.get())).isEqualTo("identity.fetchFirst");
        vm.identity.text.set("0101654002");
        vm.fetch();
        assertThat(vm.identity.warnings).extracting(Problem::key).containsExactly("identity.cpr.modulus11");
        assertThat(vm.identity.fetched.get()).as("not fetched before staff confirm the warning").isNull();
        vm.identity.warningsConfirmed.set(true);
        vm.fetch();
        assertThat(vm.identity.fetched.get().surname()).isEqualTo("Jensen");
        vm.next();
        assertThat(vm.step.get()).isEqualTo(Step.DETAILS);
        assertThat(vm.details.fromRegister.get()).isTrue();
        assertThat(vm.details.birthDate.get()).isEqualTo("01-01-1965");
    }

    @Test
    void aShortStayNeedsAnExpiryWithinTheMaximum() {
        vm.startWithCard("409900001");
        vm.identity.withoutKind.set(RegistrationKind.SHORT_STAY);
        vm.next();
        assertThat(key(vm.identity.expiryProblem.get())).isEqualTo("expiry.required");
        vm.identity.expiryText.set("01-01-2030");
        vm.next();
        assertThat(key(vm.identity.expiryProblem.get())).isEqualTo("expiry.tooLate");
        vm.identity.expiryText.set("01-03-2027");
        vm.next();
        assertThat(vm.step.get()).isEqualTo(Step.DETAILS);
    }

    /** Runs the work at once and holds its answer until released, as a slow register would. */
    private static final class HeldBackgroundWork implements app.carddesk.ui.background.BackgroundWork {
        private final java.util.List<Runnable> held = new java.util.ArrayList<>();

        @Override
        public <T> void submit(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                               java.util.function.Consumer<Throwable> onFailed) {
            try {
                T result = work.call();
                held.add(() -> onDone.accept(result));
            } catch (Exception e) {
                held.add(() -> onFailed.accept(e));
            }
        }

        void release() {
            held.forEach(Runnable::run);
            held.clear();
        }

        @Override
        public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
            return new javafx.beans.property.SimpleBooleanProperty(false);
        }
    }

    /** Goes through the checklist up to the hand-over, letting each answer through as it comes. */
    private void fillUpToHandover(IssueCardViewModel checklist, HeldBackgroundWork slow, String card,
                                  String givenName, String birthDate) {
        checklist.startWithCard(card);
        slow.release();
        checklist.next();
        slow.release();
        checklist.details.surname.set("Okafor");
        checklist.details.givenName.set(givenName);
        checklist.details.birthDate.set(birthDate);
        checklist.details.addressLine.set("Amagerfælledvej 56");
        checklist.details.postalCode.set("2300");
        checklist.details.city.set("København S");
        checklist.details.email.set(givenName.toLowerCase(Locale.ROOT) + "@example.org");
        for (int i = 0; i < 2; i++) {
            checklist.next();
            slow.release();
        }
        checklist.category.set(backend.profile().categories().get(0));
        for (int i = 0; i < 2; i++) {
            checklist.next();
            slow.release();
        }
        checklist.handover.toldComeBack.set(true);
        checklist.handover.toldLoanRules.set(true);
        checklist.handover.cardHandedOver.set(true);
    }

    @Test
    void aCardIssuedWhileTheNextPersonSignsInIsNotAnnouncedToThem() {
        HeldBackgroundWork slow = new HeldBackgroundWork();
        IssueCardViewModel checklist = new IssueCardViewModel(backend.issuing(), slow, navigation);
        fillUpToHandover(checklist, slow, "409900031", "Amara", "14-03-2001");
        assertThat(checklist.step.get()).isEqualTo(Step.HANDOVER);
        checklist.finish();
        checklist.reset(); // the next person signed in before the register answered
        slow.release();
        assertThat(checklist.success.get()).as("no notice naming the last person's patron").isNull();
        assertThat(checklist.step.get()).isEqualTo(Step.CARD);
        assertThat(backend.issuing().lookUp("409900031")).as("the card is issued all the same")
                .isInstanceOf(app.carddesk.issuing.CardLookup.Issued.class);

        fillUpToHandover(checklist, slow, "409900032", "Chidi", "02-07-1995");
        assertThat(checklist.step.get()).isEqualTo(Step.HANDOVER);
        checklist.finish();
        slow.release();
        assertThat(key(checklist.success.get())).as("to the person who issued it").isEqualTo("issue.done");
    }

    @Test
    void walksTheWholeChecklistAndStartsAfreshAfterFinishing() {
        vm.startWithCard("409900001");
        vm.next();
        vm.next();
        assertThat(key(vm.message.get())).isEqualTo("details.fix");
        assertThat(key(vm.details.surnameProblem.get())).isEqualTo("details.required.surname");
        vm.details.surname.set("Okafor");
        vm.details.givenName.set("Chidi");
        vm.details.birthDate.set("14-03-2001");
        vm.details.addressLine.set("Amagerfælledvej 56");
        vm.details.postalCode.set("2300");
        vm.details.city.set("København S");
        vm.details.email.set("chidi@example.org");
        vm.next();
        assertThat(vm.step.get()).isEqualTo(Step.PIN);
        assertThat(vm.pin.delivery.get()).isEqualTo(PinDelivery.EMAIL);
        vm.next();
        vm.next();
        assertThat(key(vm.message.get())).isEqualTo("category.required");
        vm.category.set(backend.profile().categories().get(0));
        assertThat(vm.message.get()).as("put right, the request goes").isNull();
        vm.next();
        vm.next();
        assertThat(vm.step.get()).isEqualTo(Step.HANDOVER);
        vm.finish();
        assertThat(key(vm.message.get())).isEqualTo("handover.incomplete");
        vm.handover.toldComeBack.set(true);
        vm.handover.toldLoanRules.set(true);
        vm.handover.cardHandedOver.set(true);
        vm.finish();
        assertThat(key(vm.success.get())).isEqualTo("issue.done");
        assertThat(vm.step.get()).isEqualTo(Step.CARD);
        assertThat(vm.dirty.get()).isFalse();
        assertThat(vm.details.surname.get()).isEmpty();
    }

    @Test
    void anIssuedCardOpensItsPatron() {
        walksTheWholeChecklistAndStartsAfreshAfterFinishing();
        vm.startWithCard("409900001");
        assertThat(navigation.screenProperty().get()).isEqualTo(Navigation.Screen.PATRON);
        assertThat(navigation.patronIdProperty().get()).isNotNull();
    }
}
