package app.carddesk.domain;

/**
 * How a patron's identity may change over time: from none to any national ID; from a Danish
 * replacement number to a real CPR number; from a Norwegian D-number to a fødselsnummer; from a
 * DUF number to a D-number or a fødselsnummer. Any other change is a different person.
 */
public final class IdentityTransitions {

    private IdentityTransitions() {
    }

    /** Whether a patron with {@code current} (null: none) may be re-registered on a number of kind {@code next}. */
    public static boolean allowed(IdentityNumber current, IdentityKind next) {
        if (current == null) {
            return next != IdentityKind.NONE;
        }
        return switch (current.kind()) {
            case CPR -> current.needsReRegistration() && next == IdentityKind.CPR;
            case D_NUMBER -> next == IdentityKind.FNR;
            case DUF -> next == IdentityKind.D_NUMBER || next == IdentityKind.FNR;
            default -> false;
        };
    }

    /** Whether the patron's identity can still move on to a national ID at all. */
    public static boolean canMoveOn(IdentityNumber current) {
        return current == null || current.needsReRegistration() || current.kind() == IdentityKind.D_NUMBER
                || current.kind() == IdentityKind.DUF;
    }
}
