package app.carddesk.domain;

import java.util.Objects;

/**
 * What merging two records of one person does, decided once for the desk's screen, use case and
 * register and for the central register. The survivor keeps its id; the other record goes.
 * <ul>
 *   <li>The card staff chose stays (the survivor's when they chose none); the other number is
 *       retired and its card destroyed.</li>
 *   <li>The PIN goes with the card: a patron keeps the PIN of the card they keep.</li>
 *   <li>The national ID is the survivor's, or the other record's when the survivor has none; with one
 *       the patron is registered by national ID and the card no longer expires.</li>
 *   <li>Balances (fees owed, print credit) and each library's loans, reminders and claims are
 *       summed; guardianships, memberships and history move to the survivor.</li>
 * </ul>
 *
 * @param keptCard         the card number that stays, or null when neither record has one
 * @param retiredCard      the card number retired by the merge, or null
 * @param takesOthersCard  whether the survivor takes the other record's card (and its PIN)
 * @param identityFromOther whether the survivor takes the other record's national ID
 * @param nationalId       whether the survivor has a national ID after the merge
 */
public record MergePlan(String keptCard, String retiredCard, boolean takesOthersCard, boolean identityFromOther,
                        boolean nationalId) {

    /** What the plan needs to know of each record. */
    public record Side(String cardNumber, String identityNumber) {

        public static Side of(Patron patron) {
            return new Side(patron.cardNumber(), patron.identity() == null ? null : patron.identity().number());
        }
    }

    /**
     * The plan for merging {@code other} into {@code survivor}, keeping {@code keepCard} (null: the
     * survivor's), or why not: {@code merge.identitiesDiffer} when the two carry different national
     * IDs, {@code merge.chooseCard} when the card is neither record's.
     */
    public static Checked<MergePlan> of(Side survivor, Side other, String keepCard) {
        if (survivor.identityNumber() != null && other.identityNumber() != null
                && !survivor.identityNumber().equals(other.identityNumber())) {
            return Checked.fail(Problem.of("merge.identitiesDiffer"));
        }
        if (keepCard != null && !keepCard.equals(survivor.cardNumber()) && !keepCard.equals(other.cardNumber())) {
            return Checked.fail(Problem.of("merge.chooseCard"));
        }
        boolean takesOthersCard = keepCard != null && keepCard.equals(other.cardNumber())
                && !Objects.equals(keepCard, survivor.cardNumber());
        String kept = takesOthersCard ? other.cardNumber() : survivor.cardNumber();
        String retired = takesOthersCard ? survivor.cardNumber() : other.cardNumber();
        boolean identityFromOther = survivor.identityNumber() == null && other.identityNumber() != null;
        return Checked.ok(new MergePlan(kept, retired, takesOthersCard, identityFromOther,
                survivor.identityNumber() != null || other.identityNumber() != null));
    }

    /** Of two values the survivor and the other record hold, the one that follows the national ID. */
    public <T> T identityOf(T survivor, T other) {
        return identityFromOther ? other : survivor;
    }

    /** Of two values that go with a card (its PIN, how the PIN was given), the one of the card kept. */
    public <T> T cardOf(T survivor, T other) {
        return takesOthersCard ? other : survivor;
    }
}
