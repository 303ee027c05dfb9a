package app.carddesk.ui.issuecard;

import app.carddesk.ui.Controls;
import app.carddesk.domain.Problem;
import app.carddesk.issuing.PatronSummary;
import app.carddesk.text.Messages;
import app.carddesk.ui.ProblemDisplay;
import app.carddesk.ui.ViewLifetime;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The details step: name, birth date, address and contact, each checked as staff leave it. */
public final class DetailsStepView implements StepView {

    private final IssueCardViewModel vm;
    private final ViewLifetime lifetime;
    private final Messages messages;

    @FXML private TextField surnameField, givenNameField, birthDateField, addressField, postalCodeField, cityField;
    @FXML private TextField countryField, emailField, phoneField;
    @FXML private Label surnameProblem, givenNameProblem, birthDateProblem, addressProblem, emailProblem, phoneProblem;
    @FXML private VBox similarBox;
    @FXML private Label addressAlert;
    @FXML private ListView<PatronSummary> similarList;

    /** Each field's problem and the field, in the form's order. */
    private final java.util.Map<ObjectProperty<Problem>, TextField> problems = new java.util.LinkedHashMap<>();

    public DetailsStepView(IssueCardViewModel vm, Messages messages, ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        DetailsForm d = vm.details;
        bindField(surnameField, d.surname, d.surnameProblem, surnameProblem, true);
        bindField(givenNameField, d.givenName, d.givenNameProblem, givenNameProblem, true);
        bindField(birthDateField, d.birthDate, d.birthDateProblem, birthDateProblem, true);
        bindField(addressField, d.addressLine, d.addressProblem, addressProblem, true);
        bindField(emailField, d.email, d.emailProblem, emailProblem, false);
        bindField(phoneField, d.phone, d.phoneProblem, phoneProblem, false);
        for (TextField f : List.of(postalCodeField, cityField, countryField)) {
            f.editableProperty().bind(d.fromRegister.not());
        }
        postalCodeField.textProperty().bindBidirectional(d.postalCode);
        cityField.textProperty().bindBidirectional(d.city);
        countryField.textProperty().bindBidirectional(d.country);
        java.util.function.BooleanSupplier addressTyped = () -> List.of(addressField, postalCodeField, cityField,
                countryField).stream().anyMatch(f -> f.getText() != null && !f.getText().isBlank());
        checkOnLeave(cityField, d.addressProblem, addressTyped);
        checkOnLeave(countryField, d.addressProblem, addressTyped);
        for (ObservableValue<String> part : List.of(d.postalCode, d.city, d.country)) {
            recheckWhileShown(part, d.addressProblem);
        }
        similarList.setItems(vm.similar);
        similarList.setCellFactory(v -> Controls.cell(s -> messages.get("similar.row", s.givenName(), s.surname(),
                messages.date(s.birthDate()), app.carddesk.ui.patron.PatronTexts.cardInSentence(messages, s.cardNumber()),
                java.util.Arrays.stream(s.reason().split(",")).map(r -> messages.get("similar.reason." + r))
                        .collect(java.util.stream.Collectors.joining(", ")))));
        // The library's own words about an address it warns of; staff go on as they judge.
        addressAlert.textProperty().bind(lifetime.of(vm.addressAlert).map(a -> messages.get("details.addressAlert",
                a.message(messages.locale()))).orElse(""));
        addressAlert.visibleProperty().bind(vm.addressAlert.isNotNull());
        addressAlert.managedProperty().bind(addressAlert.visibleProperty());
        similarBox.visibleProperty().bind(Bindings.isNotEmpty(vm.similar));
        similarBox.managedProperty().bind(similarBox.visibleProperty());
    }

    @Override
    public Node firstField() {
        return surnameField.isEditable() ? surnameField : emailField;
    }

    @Override
    public Node fieldInError() {
        return problems.entrySet().stream().filter(e -> e.getKey().get() != null)
                .map(e -> marked(e.getValue(), e.getKey().get())).findFirst().orElse(null);
    }

    /** The field a problem is marked on: its own, or for the address the part the problem is about. */
    private TextField marked(TextField field, Problem p) {
        return field == addressField ? addressPart(p) : field;
    }

    /** The part of the address a problem is about: the postal code, the first part left empty, or the line. */
    private TextField addressPart(Problem p) {
        if (p.key().startsWith("details.postalCode")) {
            return postalCodeField;
        }
        if (p.key().equals("details.required.address")) {
            return java.util.stream.Stream.of(addressField, postalCodeField, cityField)
                    .filter(f -> f.getText() == null || f.getText().isBlank()).findFirst().orElse(addressField);
        }
        return addressField;
    }

    private void bindField(TextField field, StringProperty value, ObjectProperty<Problem> problem, Label label,
                           boolean master) {
        field.textProperty().bindBidirectional(value);
        if (master) {
            field.editableProperty().bind(vm.details.fromRegister.not());
        }
        problems.put(problem, field);
        ProblemDisplay.bindMarking(lifetime.of(problem), label, p -> marked(field, p), messages);
        // The address is one problem over four fields: it is checked once staff leave the town.
        if (field != addressField) {
            checkOnLeave(field, problem, () -> field.getText() != null && !field.getText().isBlank());
        }
        recheckWhileShown(value, problem);
    }

    /**
     * What staff typed is checked as they leave the field; a field passed over empty is not marked
     * (Tab through the form flags nothing): Next checks every field.
     */
    private void checkOnLeave(TextField field, ObjectProperty<Problem> problem, java.util.function.BooleanSupplier typed) {
        field.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now && vm.step.get() == Step.DETAILS && typed.getAsBoolean()) {
                vm.checkField(problem);
            }
        });
    }

    /** A problem on screen goes away as soon as the text is right, not only when the field is left. */
    private void recheckWhileShown(ObservableValue<String> value, ObjectProperty<Problem> problem) {
        lifetime.onChange(value, (obs, old, now) -> {
            if (problem.get() != null) {
                vm.checkField(problem);
            }
        });
    }

    @FXML
    private void openSimilar() {
        PatronSummary s = similarList.getSelectionModel().getSelectedItem();
        if (s != null) {
            vm.openExisting(s.id());
        }
    }

    @FXML
    private void differentPerson() {
        vm.confirmDifferentPerson();
    }
}
