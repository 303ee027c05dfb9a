package app.carddesk.ui.issuecard;

import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the checklist is about to register, for staff to read back to the patron at the hand-over,
 * before Finish: each line a label and its value, as texts of the UI's bundle. No national ID: the
 * kind of registration says whether one was given.
 */
public final class HandoverSummary {

    /** One line: the text key of its label, and its value as a text with arguments. */
    public record Line(String label, Problem value) {
    }

    private HandoverSummary() {
    }

    public static List<Line> of(IssueCardViewModel vm, Locale locale) {
        List<Line> lines = new ArrayList<>();
        DetailsForm d = vm.details;
        lines.add(new Line("summary.name", plain(name(d))));
        LocalDate born = d.birthDateValue();
        if (born != null) {
            lines.add(new Line("summary.birthDate", Problem.of("summary.value", born)));
        }
        if (vm.card.get() != null) {
            lines.add(new Line("summary.card", plain(vm.card.get().value())));
        }
        RegistrationKind kind = vm.identity.kind();
        LocalDate expires = vm.identity.expiry();
        lines.add(new Line("summary.registration", kind == RegistrationKind.SHORT_STAY && expires != null
                ? Problem.of("summary.shortStayUntil", expires) : Problem.of("registration." + kind.name())));
        if (vm.guardianNeeded.get()) {
            String guardian = guardianName(vm.guardian);
            if (vm.guardian.isNew.get() && vm.guardian.category.get() != null) {
                guardian += " (" + vm.guardian.category.get().name(locale) + ")";
            }
            if (!guardian.isEmpty()) {
                lines.add(new Line("summary.guardian", plain(guardian)));
            }
        }
        if (vm.category.get() != null) {
            lines.add(new Line("summary.category", plain(vm.category.get().name(locale))));
        }
        if (vm.pickup.get() != null) {
            lines.add(new Line("summary.pickup", plain(vm.pickup.get().name())));
        }
        // The mail goes out when the central register has the patron: at once, or once a desk on its own is connected.
        String byMail = vm.letter.settings().centralRegister() ? "summary.pin.EMAIL" : "summary.pin.EMAIL.later";
        lines.add(new Line("summary.pin", vm.pin.delivery.get() == PinDelivery.EMAIL
                ? Problem.of(byMail, d.email.get().trim()) : Problem.of("summary.pin.OWN_PIN")));
        return lines;
    }

    private static String guardianName(GuardianForm g) {
        if (g.isNew.get()) {
            return name(g.details);
        }
        return g.found.get() == null ? "" : g.found.get().fullName().trim();
    }

    private static String name(DetailsForm d) {
        return app.carddesk.domain.PersonName.full(d.givenName.get(), d.surname.get());
    }

    private static Problem plain(String value) {
        return Problem.of("summary.value", value);
    }
}
