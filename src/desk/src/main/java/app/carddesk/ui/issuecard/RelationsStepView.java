package app.carddesk.ui.issuecard;

import app.carddesk.ui.Controls;
import app.carddesk.domain.PatronCategory;
import app.carddesk.text.Messages;
import app.carddesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ListView;

/** The category step, with the guardian form for a child under the profile's guardian age. */
public final class RelationsStepView implements StepView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private ListView<PatronCategory> categoryList;

    public RelationsStepView(IssueCardViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        categoryList.setCellFactory(v -> Controls.cell(c -> c.name(messages.locale())));
        // The list's own selection follows the choice, never the other way round while it is refilled.
        lifetime.onChange(vm.category, (obs, old, c) -> categoryList.getSelectionModel().select(c));
        CategoryOffer.follow(vm, vm.details.birthDate, vm.details::birthDateValue, categoryList.getItems(),
                vm.category, lifetime);
        categoryList.getSelectionModel().select(vm.category.get());
        // With none chosen yet, the list takes the keyboard with its first row chosen, in sight: Enter goes
        // on with it, the arrows choose another. A ring alone looked chosen, and Enter was refused.
        categoryList.focusedProperty().addListener((obs, was, focused) -> {
            if (focused && categoryList.getSelectionModel().isEmpty() && !categoryList.getItems().isEmpty()) {
                categoryList.getSelectionModel().select(0);
            }
        });
        categoryList.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c != null) {
                vm.category.set(c);
            }
        });
    }

    @Override
    public Node firstField() {
        return categoryList;
    }

    /** On the category list Enter means Next: the list has no use for it. */
    boolean entersNext(Object target) {
        return target == categoryList;
    }
}
