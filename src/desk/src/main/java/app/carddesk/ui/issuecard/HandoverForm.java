package app.carddesk.ui.issuecard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** What staff tell the patron at the hand-over, each ticked off. */
public final class HandoverForm {

    /** Only for temporary patrons: come back with the national ID, never self-register again. */
    public final BooleanProperty comeBackNeeded = new SimpleBooleanProperty(false);
    public final BooleanProperty toldComeBack = new SimpleBooleanProperty(false);
    public final BooleanProperty toldLoanRules = new SimpleBooleanProperty(false);
    public final BooleanProperty cardHandedOver = new SimpleBooleanProperty(false);

    public final BooleanBinding complete = Bindings.createBooleanBinding(
            () -> (!comeBackNeeded.get() || toldComeBack.get()) && toldLoanRules.get() && cardHandedOver.get(),
            comeBackNeeded, toldComeBack, toldLoanRules, cardHandedOver);

    public void clear() {
        toldComeBack.set(false);
        toldLoanRules.set(false);
        cardHandedOver.set(false);
    }
}
