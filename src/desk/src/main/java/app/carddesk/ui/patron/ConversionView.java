package app.carddesk.ui.patron;

import app.carddesk.ui.Controls;
import app.carddesk.domain.MinorUnits;
import app.carddesk.domain.Patron;
import app.carddesk.domain.SamePerson;
import app.carddesk.identity.PersonRecord;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.Scrolling;
import app.carddesk.ui.ViewLifetime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * "Register national ID": the number typed, the person fetched from the register beside the record,
 * what differs, and then either the temporary card destroyed or, when the number belongs to another
 * record of the same person, the two records merged.
 */
public final class ConversionView {

    private final PatronViewModel vm;
    private final ConversionViewModel c;
    private final ViewLifetime lifetime;
    private final Messages messages;
    private final PatronTexts texts;

    @FXML private TextField identityField;
    @FXML private Label identityProblem, destroyText, differencesText, mergeDifferencesText, mergeDestroyText;
    @FXML private Label currentName, currentBirth, currentAddress, registerName, registerBirth, registerAddress;
    @FXML private Label emailRowLabel, currentEmail, phoneRowLabel, currentPhone;
    @FXML private GridPane compareGrid, mergeGrid;
    @FXML private CheckBox keepEmailBox, keepPhoneBox, samePersonBox, mergeSamePersonBox, cardCut, mergedCardCut;
    @FXML private VBox mergeBox, destroyBox;
    @FXML private RadioButton keepThisRadio, keepOtherRadio;
    @FXML private Button saveButton, mergeButton;
    @FXML private Label mergeNeedsSupervisor;
    private final app.carddesk.ui.StaffPermissions permissions;

    public ConversionView(PatronViewModel vm, Messages messages, ViewLifetime lifetime,
                          app.carddesk.ui.StaffPermissions permissions) {
        this.permissions = permissions;
        this.vm = vm;
        this.c = vm.conversion;
        this.messages = messages;
        this.lifetime = lifetime;
        this.texts = new PatronTexts(messages);
    }

    @FXML
    private void initialize() {
        identityField.textProperty().bindBidirectional(c.identityText);
        identityField.setOnAction(e -> {
            e.consume();
            if (c.entersSave()) {
                save();
            } else {
                c.fetch();
            }
        });
        ProblemDisplay.bind(lifetime.of(c.identityProblem), identityProblem, identityField, messages);
        // The panel sits low on the patron screen: a refused number's reason is scrolled into view.
        lifetime.onChange(c.identityProblem, (obs, was, now) -> {
            if (now != null) {
                Scrolling.showAndFocus(identityProblem, null);
            }
        });
        keepEmailBox.selectedProperty().bindBidirectional(c.keepEmail);
        keepPhoneBox.selectedProperty().bindBidirectional(c.keepPhone);
        samePersonBox.selectedProperty().bindBidirectional(c.samePersonConfirmed);
        mergeSamePersonBox.selectedProperty().bindBidirectional(c.samePersonConfirmed);
        var differ = Bindings.isNotEmpty(c.differences);
        Controls.visible(differencesText, differ.and(c.fetched.isNotNull()));
        Controls.visible(samePersonBox, differ.and(c.fetched.isNotNull()));
        Controls.visible(mergeDifferencesText, differ.and(c.mergeWith.isNotNull()));
        Controls.visible(mergeSamePersonBox, differ.and(c.mergeWith.isNotNull()));
        lifetime.onSetChange(c.differences, (SetChangeListener<SamePerson.Difference>) c -> showDifferences());
        lifetime.onChange(c.fetched, (obs, old, p) -> {
            showFetched(p);
            if (p != null) {
                // Save comes after the comparison: in view, the whole comparison is.
                Scrolling.showAndFocus(saveButton, c.differences.isEmpty() ? saveButton : samePersonBox);
            }
        });
        lifetime.onChange(c.awaitingDestruction, (obs, was, now) -> {
            if (now) {
                Scrolling.showAndFocus(destroyBox, cardCut);
            }
        });
        lifetime.onChange(c.mergeWith, (obs, old, other) -> {
            showMerge(other);
            if (other != null) {
                Scrolling.showAndFocus(mergeBox, c.differences.isEmpty() ? keepThisRadio : mergeSamePersonBox);
            }
        });
        // In the Register national ID panel Enter goes on (save, merge, finish) from a tick box or choice too.
        identityField.getParent().getParent().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && (e.getTarget() instanceof CheckBox
                    || e.getTarget() instanceof RadioButton)) {
                e.consume();
                if (c.awaitingDestruction.get()) {
                    c.finish();
                } else if (c.mergeWith.get() != null) {
                    c.merge();
                } else {
                    save();
                }
            }
        });
        cardCut.selectedProperty().bindBidirectional(c.cardCut);
        Controls.visible(compareGrid, c.fetched.isNotNull());
        Controls.visible(destroyBox, c.awaitingDestruction);
        saveButton.disableProperty().bind(c.fetched.isNull().or(c.awaitingDestruction));
        identityField.disableProperty().bind(c.awaitingDestruction);
        ToggleGroup keep = new ToggleGroup();
        keepThisRadio.setToggleGroup(keep);
        keepOtherRadio.setToggleGroup(keep);
        keepThisRadio.selectedProperty().bindBidirectional(c.keepThisCard);
        lifetime.onChange(c.keepThisCard, (obs, old, v) -> {
            keepOtherRadio.setSelected(!v);
            showMerge(c.mergeWith.get());
        });
        mergedCardCut.selectedProperty().bindBidirectional(c.mergedCardCut);
        Controls.visible(mergeBox, c.mergeWith.isNotNull());
        // Joining two records is a supervisor's: others see who to ask instead of a button that refuses.
        Controls.visible(mergeButton, permissions.may("merge"));
        Controls.visible(mergeNeedsSupervisor, permissions.may("merge").not());
        lifetime.onChange(vm.patron, (obs, old, p) -> showPatron(p));
        showPatron(vm.patron.get());
        showFetched(c.fetched.get());
        showMerge(c.mergeWith.get());
    }

    /** Puts the focus in the national ID field once the panel that just opened is laid out and in view. */
    void focusIdentity() {
        Scrolling.showAndFocus(identityField.getParent(), identityField);
    }

    /** The record's side of the comparison. */
    private void showPatron(Patron p) {
        if (p == null) {
            return;
        }
        currentName.setText(p.fullName());
        currentBirth.setText(messages.date(p.birthDate()));
        currentAddress.setText(PatronTexts.address(p.address()));
        currentEmail.setText(PatronTexts.orEmpty(p.email()));
        currentPhone.setText(PatronTexts.orEmpty(p.phone()));
        for (Node n : new Node[] {emailRowLabel, currentEmail, keepEmailBox}) {
            n.setVisible(p.email() != null);
            n.setManaged(p.email() != null);
        }
        for (Node n : new Node[] {phoneRowLabel, currentPhone, keepPhoneBox}) {
            n.setVisible(p.phone() != null);
            n.setManaged(p.phone() != null);
        }
        destroyText.setText(messages.get("convert.destroy", p.cardNumber() == null ? "" : p.cardNumber()));
    }

    private void showFetched(PersonRecord p) {
        registerName.setText(p == null ? "" : app.carddesk.domain.PersonName.full(p.givenName(), p.surname()));
        registerBirth.setText(p == null ? "" : messages.date(p.birthDate()));
        registerAddress.setText(p == null ? "" : PatronTexts.address(p.address()));
    }

    /** Marks what differs between this record and the other person, and says it in words. */
    private void showDifferences() {
        boolean name = c.differences.contains(SamePerson.Difference.NAME);
        boolean birth = c.differences.contains(SamePerson.Difference.BIRTH_DATE);
        mark(registerName, name);
        mark(registerBirth, birth);
        List<String> what = new ArrayList<>();
        if (name) {
            what.add(messages.get("samePerson.name"));
        }
        if (birth) {
            what.add(messages.get("samePerson.birthDate"));
        }
        String text = what.isEmpty() ? "" : messages.get("samePerson.differs", String.join(", ", what));
        differencesText.setText(text);
        mergeDifferencesText.setText(text);
    }

    private static void mark(Node n, boolean differs) {
        n.getStyleClass().remove("differs");
        if (differs) {
            n.getStyleClass().add("differs");
        }
    }

    /** Both records side by side, the card choice, and which card to cut in half. */
    private void showMerge(Patron other) {
        mergeGrid.getChildren().clear();
        Patron self = vm.patron.get();
        if (other == null || self == null) {
            return;
        }
        mergeGrid.addRow(0, new Label(), head("merge.thisRecord"), head("merge.otherRecord"));
        int row = 1;
        var differ = SamePerson.differences(self, other);
        row = compare(row, "details.name", self.fullName(), other.fullName(),
                differ.contains(SamePerson.Difference.NAME));
        row = compare(row, "details.birthDate", messages.date(self.birthDate()), messages.date(other.birthDate()),
                differ.contains(SamePerson.Difference.BIRTH_DATE));
        row = compare(row, "patron.card", texts.card(self), texts.card(other), false);
        row = compare(row, "patron.identity", texts.identity(self), texts.identity(other), false);
        row = compare(row, "details.email", PatronTexts.orEmpty(self.email()), PatronTexts.orEmpty(other.email()),
                false);
        row = compare(row, "details.phone", PatronTexts.orEmpty(self.phone()), PatronTexts.orEmpty(other.phone()),
                false);
        row = compare(row, "patron.fees", MinorUnits.format(self.feesOwedMinor()),
                MinorUnits.format(other.feesOwedMinor()), false);
        row = compare(row, "patron.printCredit", MinorUnits.format(self.printCreditMinor()),
                MinorUnits.format(other.printCreditMinor()), false);
        compare(row, "merge.registeredOn", messages.date(self.createdAt().atZone(ZoneId.systemDefault())
                .toLocalDate()), messages.date(other.createdAt().atZone(ZoneId.systemDefault()).toLocalDate()),
                false);
        keepThisRadio.setText(messages.get("merge.keepThis", texts.card(self)));
        keepOtherRadio.setText(messages.get("merge.keepOther", texts.card(other)));
        keepThisRadio.setDisable(self.cardNumber() == null);
        keepOtherRadio.setDisable(other.cardNumber() == null);
        keepOtherRadio.setSelected(!c.keepThisCard.get());
        String retired = c.cardToRetire();
        mergeDestroyText.setText(retired == null ? "" : messages.get("merge.destroy", retired));
        mergedCardCut.setVisible(retired != null);
        mergedCardCut.setManaged(retired != null);
    }

    private Label head(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("column-head");
        return l;
    }

    private int compare(int row, String key, String self, String other, boolean differs) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("muted");
        Label a = new Label(self);
        a.setId("mergeThis-" + key.substring(key.indexOf('.') + 1));
        Label b = new Label(other);
        b.setId("mergeOther-" + key.substring(key.indexOf('.') + 1));
        mark(a, differs);
        mark(b, differs);
        mergeGrid.addRow(row, name, a, b);
        return row + 1;
    }

    @FXML
    private void fetch() {
        c.fetch();
    }

    /** Save, asking first when it would remove the record's e-mail address or phone number. */
    @FXML
    private void save() {
        java.util.List<String> dropped = c.contactDropped();
        if (!dropped.isEmpty() && !app.carddesk.ui.Confirm.ask(saveButton, messages,
                app.carddesk.ui.Question.DROP_CONTACT, String.join(", ", dropped))) {
            c.keepContact();
        }
        c.save();
    }

    @FXML
    private void finish() {
        c.finish();
    }

    @FXML
    private void cancelConversion() {
        c.close();
    }

    @FXML
    private void merge() {
        c.merge();
    }
}
