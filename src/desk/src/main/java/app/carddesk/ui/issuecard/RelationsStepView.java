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
        categoryList.getItems().setAll(vm.choices.get().categories());
        categoryList.setCellFactory(v -> Controls.cell(c -> c.name(messages.locale())));
        categoryList.getSelectionModel().select(vm.category.get());
        lifetime.onChange(vm.choices, (obs, old, p) -> {
            categoryList.getItems().setAll(p.categories());
            categoryList.getSelectionModel().select(vm.category.get());
        });
        categoryList.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> vm.category.set(c));
        lifetime.onChange(vm.category, (obs, old, c) -> categoryList.getSelectionModel().select(c));
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
