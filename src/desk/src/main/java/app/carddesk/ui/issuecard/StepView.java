package app.carddesk.ui.issuecard;

import javafx.scene.Node;

/** One step of the checklist as its own view: the checklist shows it and focuses its first field. */
interface StepView {

    /** Where the focus goes when the step shows. */
    Node firstField();

    /** The first field whose problem keeps the checklist at this step; null when none is shown. */
    default Node fieldInError() {
        return null;
    }
}
