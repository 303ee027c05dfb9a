package app.carddesk.ui.issuecard;

import app.carddesk.domain.Address;
import app.carddesk.domain.Checked;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.DateInput;
import app.carddesk.domain.Problem;
import app.carddesk.identity.PersonRecord;
import app.carddesk.issuing.PatronDetails;
import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The patron's details as typed, each field with the problem shown beside it. */
public final class DetailsForm {

    public final StringProperty surname = new SimpleStringProperty("");
    public final StringProperty givenName = new SimpleStringProperty("");
    public final StringProperty birthDate = new SimpleStringProperty("");
    public final StringProperty addressLine = new SimpleStringProperty("");
    public final StringProperty postalCode = new SimpleStringProperty("");
    public final StringProperty city = new SimpleStringProperty("");
    public final StringProperty country = new SimpleStringProperty("");
    public final StringProperty email = new SimpleStringProperty("");
    public final StringProperty phone = new SimpleStringProperty("");

    public final ObjectProperty<Problem> surnameProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> givenNameProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> birthDateProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> addressProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> emailProblem = new SimpleObjectProperty<>();
    public final ObjectProperty<Problem> phoneProblem = new SimpleObjectProperty<>();

    /** Where an address without a country is: the library's own country. */
    private app.carddesk.domain.Country libraryCountry = app.carddesk.domain.Country.DK;

    public void libraryCountry(app.carddesk.domain.Country country) {
        this.libraryCountry = country;
    }

    /** Name, birth date and address came from the population register and are not typed over. */
    public final BooleanProperty fromRegister = new SimpleBooleanProperty(false);

    /** Checks every field and shows each one's problem; true when all are fine. */
    public boolean validate(LocalDate today) {
        boolean ok = true;
        for (ObjectProperty<Problem> field : problems()) {
            ok &= check(field, today);
        }
        return ok;
    }

    /** Checks one field, as when staff leave it; true when it is fine. */
    public boolean check(ObjectProperty<Problem> field, LocalDate today) {
        Optional<Problem> p;
        if (field == surnameProblem) {
            p = ContactRules.checkName(surname.get(), "surname");
        } else if (field == givenNameProblem) {
            p = ContactRules.checkName(givenName.get(), "givenName");
        } else if (field == birthDateProblem) {
            p = checkBirthDate(today);
        } else if (field == addressProblem) {
            p = ContactRules.checkAddress(addressLine.get(), postalCode.get(), city.get(), country.get(),
                    libraryCountry);
        } else if (field == emailProblem) {
            p = ContactRules.checkEmail(email.get());
        } else {
            p = ContactRules.checkPhone(phone.get());
        }
        field.set(p.orElse(null));
        return p.isEmpty();
    }

    /** Whether no field has a problem on screen. */
    public boolean allFieldsRight() {
        return problems().stream().allMatch(p -> p.get() == null);
    }

    private java.util.List<ObjectProperty<Problem>> problems() {
        return java.util.List.of(surnameProblem, givenNameProblem, birthDateProblem, addressProblem, emailProblem,
                phoneProblem);
    }

    private Optional<Problem> checkBirthDate(LocalDate today) {
        Checked<LocalDate> date = DateInput.parse(birthDate.get());
        if (!date.isOk()) {
            return date.firstError();
        }
        if (date.value().isAfter(today) || date.value().isBefore(today.minusYears(130))) {
            return Optional.of(Problem.of("details.birthDateRange"));
        }
        return Optional.empty();
    }

    /** The birth date when it can be read, for the PIN's birthday rule. */
    public LocalDate birthDateValue() {
        Checked<LocalDate> date = DateInput.parse(birthDate.get());
        return date.isOk() ? date.value() : null;
    }

    public boolean hasEmail() {
        return !isBlank(email) && ContactRules.checkEmail(email.get()).isEmpty();
    }

    public PatronDetails toDetails() {
        return new PatronDetails(surname.get().trim(), givenName.get().trim(), birthDateValue(), email.get().trim(),
                phone.get().trim(), new Address(addressLine.get().trim(), postalCode.get().trim(), city.get().trim(),
                country.get().trim()));
    }

    /** The desk's language, which a date filled in is written in. */
    private java.util.function.Supplier<java.util.Locale> language = () -> java.util.Locale.ROOT;

    /** Dates filled in from the population register are written as {@code language} writes them. */
    public void datesIn(java.util.function.Supplier<java.util.Locale> language) {
        this.language = language;
    }

    /** Takes name, birth date and address from the population register. */
    /** A birth date known from elsewhere (a national ID's digits), unless one is typed already. */
    void birthDateIfEmpty(java.time.LocalDate date) {
        if (date != null && birthDate.get().isBlank()) {
            birthDate.set(DateInput.format(date, language.get()));
        }
    }

    public void fill(PersonRecord person) {
        surname.set(person.surname());
        givenName.set(person.givenName());
        birthDate.set(DateInput.format(person.birthDate(), language.get()));
        addressLine.set(person.address().line());
        postalCode.set(person.address().postalCode());
        city.set(person.address().city());
        country.set(person.address().country());
        fromRegister.set(true);
    }

    public void clear() {
        for (StringProperty p : new StringProperty[] {surname, givenName, birthDate, addressLine, postalCode, city,
                country, email, phone}) {
            p.set("");
        }
        problems().forEach(p -> p.set(null));
        fromRegister.set(false);
    }

    public boolean isEmpty() {
        return isBlank(surname) && isBlank(givenName) && isBlank(email) && isBlank(phone) && isBlank(addressLine);
    }

    private static boolean isBlank(StringProperty p) {
        return p.get() == null || p.get().isBlank();
    }
}
