package app.carddesk.ui.issuecard;

import app.carddesk.domain.Problem;
import app.carddesk.issuing.CardLookup;
import app.carddesk.issuing.IssuingService;
import app.carddesk.ui.Navigation;
import app.carddesk.ui.background.BackgroundWork;
import java.util.List;
import java.util.Optional;

/**
 * The checklist's first two steps: the card scanned (or typed) is looked up, and what it is decides
 * where the desk goes: a free card on to the identity step, an issued one to its patron, another
 * library's to activation, and a refused one stays with the reason.
 */
final class CardStep {

    private final IssueCardViewModel vm;
    private final IssuingService service;
    private final BackgroundWork background;
    private final Navigation navigation;

    CardStep(IssueCardViewModel vm, IssuingService service, BackgroundWork background, Navigation navigation) {
        this.vm = vm;
        this.service = service;
        this.background = background;
        this.navigation = navigation;
    }

    void lookUp() {
        vm.message.set(null);
        vm.success.set(null);
        String raw = vm.cardText.get();
        background.submit(() -> service.lookUp(raw), this::lookedUp, vm::failed);
    }

    private void lookedUp(CardLookup result) {
        vm.cardProblem.set(null);
        vm.retiredCardOwner.set(null);
        if (result instanceof CardLookup.Invalid invalid) {
            vm.cardProblem.set(invalid.problem());
        } else if (result instanceof CardLookup.Retired retired) {
            vm.cardProblem.set(Problem.of(retired.reportedLost() ? "card.retiredLost" : "card.retired",
                    retired.card().value()));
            vm.retiredCardOwner.set(retired.patronId());
        } else if (result instanceof CardLookup.Issued issued) {
            vm.reset();
            navigation.openPatron(issued.patronId());
        } else if (result instanceof CardLookup.OtherLibrary other) {
            // Making another library's patron one of this library's is desk work, as a new card is.
            if (!refused()) {
                vm.reset();
                navigation.openActivation(other.card().value());
            }
        } else if (result instanceof CardLookup.Free free) {
            // Someone whose roles do not include issuing hears so now, not after typing a whole patron.
            if (refused()) {
                return;
            }
            // A new patron: the notice of the last one (or of a checklist left unfinished) has had its turn.
            navigation.noticeProperty().set(null);
            vm.card.set(free.card());
            vm.cardText.set(free.card().value());
            vm.completed.addAll(List.of(Step.CARD, Step.LOOKUP));
            vm.step.set(Step.IDENTITY);
        }
    }

    /** Whether the signed-in person's roles do not include issuing cards: then the card step says so. */
    private boolean refused() {
        Optional<Problem> notAllowed = service.refusal("issue");
        notAllowed.ifPresent(vm.cardProblem::set);
        return notAllowed.isPresent();
    }
}
