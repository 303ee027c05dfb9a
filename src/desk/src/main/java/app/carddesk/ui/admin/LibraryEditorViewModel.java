package app.carddesk.ui.admin;

import app.carddesk.domain.CheckDigit;
import app.carddesk.domain.Country;
import app.carddesk.domain.LibraryConfiguration;
import app.carddesk.domain.LibraryConfiguration.AddressAlert;
import app.carddesk.domain.LibraryConfiguration.Branch;
import app.carddesk.domain.LibraryConfiguration.Category;
import app.carddesk.domain.LibraryConfiguration.Contact;
import app.carddesk.domain.LibraryConfiguration.Problem;
import app.carddesk.domain.LibraryConfiguration.Series;
import app.carddesk.domain.LibraryConfiguration.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import static app.carddesk.ui.admin.Typed.blankIsNone;
import static app.carddesk.ui.admin.Typed.none;
import static app.carddesk.ui.admin.Typed.number;
import static app.carddesk.ui.admin.Typed.strip;
import static app.carddesk.ui.admin.Typed.text;
import static app.carddesk.ui.admin.Typed.whole;
import static app.carddesk.ui.admin.Typed.wholeLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The forms of the Library settings, one per part of a library's configuration (decision 0013):
 * the library and its letterhead, pickup libraries, card series, patron categories with their ages,
 * rules and address alerts. It holds what is typed; {@link #edited()} makes the configuration of it
 * and checks it with the same rules as a file or the central register, each problem with its field.
 * Digital-service rules and loan rules are kept as they are (loan rules are published on their own).
 */
public final class LibraryEditorViewModel {

    /** True while a new library is typed: its code may be given; an existing library's never changes. */
    public final BooleanProperty creating = new SimpleBooleanProperty(false);

    public final StringProperty code = text();
    public final StringProperty name = text();
    public final ObjectProperty<Country> country = new SimpleObjectProperty<>(Country.DK);
    public final BooleanProperty testProfile = new SimpleBooleanProperty(false);
    public final StringProperty organisation = text();
    public final StringProperty addressLine = text();
    public final StringProperty postalCode = text();
    public final StringProperty city = text();
    public final StringProperty phone = text();
    public final StringProperty email = text();
    public final StringProperty website = text();
    public final BooleanProperty danish = new SimpleBooleanProperty(false);
    public final BooleanProperty norwegian = new SimpleBooleanProperty(false);
    public final BooleanProperty english = new SimpleBooleanProperty(true);
    public final BooleanProperty reportNamesStaff = new SimpleBooleanProperty(false);

    public final StringProperty homeLibrary = text();
    public final Part<Branch> branches;
    /** The pickup libraries' codes, for choosing the home library among them. */
    public final ObservableList<String> branchCodes = FXCollections.observableArrayList();
    public final StringProperty branchCode = text();
    public final StringProperty branchName = text();

    public final Part<Series> series;
    public final StringProperty seriesPrefix = text();
    public final StringProperty seriesDigits = text();
    public final StringProperty seriesFrom = text();
    public final StringProperty seriesTo = text();
    public final ObjectProperty<CheckDigit> seriesCheckDigit = new SimpleObjectProperty<>(CheckDigit.NONE);

    public final Part<Category> categories;
    public final StringProperty categoryCode = text();
    public final StringProperty categoryEn = text();
    public final StringProperty categoryDa = text();
    public final StringProperty categoryNb = text();
    public final StringProperty categoryMinAge = text();
    public final StringProperty categoryMaxAge = text();

    public final StringProperty guardianAge = text();
    public final StringProperty maxShortStayDays = text();
    public final StringProperty inactiveYears = text();
    public final StringProperty noticeDays = text();

    public final Part<AddressAlert> alerts;
    public final StringProperty alertContains = text();
    public final StringProperty alertEn = text();
    public final StringProperty alertDa = text();
    public final StringProperty alertNb = text();

    /** What is wrong with what was typed last (an entry added, or the whole on saving), with its field. */
    public final ObservableList<Problem> problems = FXCollections.observableArrayList();

    /** While an entry is tried: the part and the entries it would have, checked before they are taken. */
    private Part<?> trying;
    private List<?> tryingItems;

    /** What the forms made of the configuration just as it was filled in: the mark of "nothing changed". */
    private LibraryConfiguration pristine;

    /** The configuration the forms were filled from: its version, digital services and loan rules stay. */
    private LibraryConfiguration base;

    public LibraryEditorViewModel() {
        branches = new Part<>("pickupLibraries", this::typedBranch, b -> {
            branchCode.set(b.code());
            branchName.set(b.name());
        }, () -> {
            branchCode.set("");
            branchName.set("");
        });
        series = new Part<>("cardSeries", this::typedSeries, s -> {
            seriesPrefix.set(s.prefix());
            seriesDigits.set(number(s.digits()));
            seriesFrom.set(number(s.from()));
            seriesTo.set(number(s.to()));
            seriesCheckDigit.set(s.checkDigit());
        }, () -> {
            seriesPrefix.set("");
            seriesDigits.set("");
            seriesFrom.set("");
            seriesTo.set("");
            seriesCheckDigit.set(CheckDigit.NONE);
        });
        categories = new Part<>("categories", this::typedCategory, c -> {
            categoryCode.set(c.code());
            categoryEn.set(c.names() == null ? "" : none(c.names().en()));
            categoryDa.set(c.names() == null ? "" : none(c.names().da()));
            categoryNb.set(c.names() == null ? "" : none(c.names().nb()));
            categoryMinAge.set(number(c.minAge()));
            categoryMaxAge.set(number(c.maxAge()));
        }, () -> {
            for (StringProperty p : List.of(categoryCode, categoryEn, categoryDa, categoryNb, categoryMinAge,
                    categoryMaxAge)) {
                p.set("");
            }
        });
        alerts = new Part<>("addressAlerts", this::typedAlert, a -> {
            alertContains.set(a.contains());
            alertEn.set(a.message() == null ? "" : none(a.message().en()));
            alertDa.set(a.message() == null ? "" : none(a.message().da()));
            alertNb.set(a.message() == null ? "" : none(a.message().nb()));
        }, () -> {
            for (StringProperty p : List.of(alertContains, alertEn, alertDa, alertNb)) {
                p.set("");
            }
        });
        branches.items.addListener((javafx.collections.ListChangeListener<Branch>) c -> {
            String home = homeLibrary.get();
            branchCodes.setAll(branches.items.stream().map(Branch::code).toList());
            // The first pickup library is the home library until another is chosen.
            homeLibrary.set(home == null || home.isBlank() ? branchCodes.stream().findFirst().orElse("") : home);
        });
        startNew(Country.DK, null);
        creating.set(false);
    }

    /** Fills the forms from a library's configuration as the central register has it. */
    public void load(LibraryConfiguration c) {
        base = c;
        creating.set(false);
        code.set(c.code());
        name.set(none(c.name()));
        country.set(c.country() == null ? Country.DK : c.country());
        testProfile.set(Boolean.TRUE.equals(c.testProfile()));
        organisation.set(none(c.organisation()));
        Contact contact = c.contact() == null ? new Contact(null, null, null, null, null, null) : c.contact();
        addressLine.set(none(contact.addressLine()));
        postalCode.set(none(contact.postalCode()));
        city.set(none(contact.city()));
        phone.set(none(contact.phone()));
        email.set(none(contact.email()));
        website.set(none(contact.website()));
        List<String> languages = c.languages() == null ? List.of() : c.languages();
        danish.set(languages.contains("da"));
        norwegian.set(languages.contains("nb"));
        english.set(languages.contains("en"));
        reportNamesStaff.set(Boolean.TRUE.equals(c.reportNamesStaff()));
        homeLibrary.set(none(c.homeLibrary()));
        branches.fill(c.pickupLibraries());
        series.fill(c.cardSeries());
        categories.fill(c.categories());
        alerts.fill(c.addressAlerts());
        guardianAge.set(number(c.guardianAge()));
        maxShortStayDays.set(number(c.maxShortStayDays()));
        inactiveYears.set(number(c.inactiveYears()));
        noticeDays.set(number(c.noticeDays()));
        problems.clear();
        pristine = edited().configuration();
    }

    /**
     * Empty forms for a new library of the organisation, with the rules most libraries start from:
     * a guardian under 18, short stays of up to a year, notice 30 days before removal after 3 years.
     */
    public void startNew(Country in, String organisationName) {
        load(new LibraryConfiguration(LibraryConfiguration.FORMAT, null, "", "", in, false, organisationName, null,
                in == Country.NO ? List.of("nb", "en") : List.of("da", "en"), "", List.of(), List.of(), List.of(), 18,
                365, 3, 30, List.of(), List.of(), List.of(), false));
        creating.set(true);
        pristine = edited().configuration();
    }

    /** The configuration typed, and everything wrong with it (empty when it can be saved). */
    public record Edited(LibraryConfiguration configuration, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Makes the configuration of the forms and checks it as the central register will. */
    public Edited edited() {
        List<Problem> wrong = new ArrayList<>();
        Integer guardian = whole(wrong, "guardianAge", guardianAge.get());
        Integer shortStay = whole(wrong, "maxShortStayDays", maxShortStayDays.get());
        Integer inactive = whole(wrong, "inactiveYears", inactiveYears.get());
        Integer notice = whole(wrong, "noticeDays", noticeDays.get());
        List<String> languages = new ArrayList<>();
        if (danish.get()) {
            languages.add("da");
        }
        if (norwegian.get()) {
            languages.add("nb");
        }
        if (english.get()) {
            languages.add("en");
        }
        LibraryConfiguration b = base;
        LibraryConfiguration typed = new LibraryConfiguration(LibraryConfiguration.FORMAT,
                creating.get() ? null : b.version(), strip(code.get()), strip(name.get()), country.get(),
                testProfile.get(), blankIsNone(organisation.get()), new Contact(blankIsNone(addressLine.get()),
                blankIsNone(postalCode.get()), blankIsNone(city.get()), blankIsNone(phone.get()),
                blankIsNone(email.get()), blankIsNone(website.get())), languages, strip(homeLibrary.get()),
                entries(branches), entries(series), entries(categories), guardian,
                shortStay, inactive, notice, b.digitalServices() == null ? List.of() : b.digitalServices(),
                entries(alerts), b.loanRules() == null ? List.of() : b.loanRules(), reportNamesStaff.get());
        // A number that is not one is named once, not again as missing.
        List<String> unreadable = wrong.stream().map(Problem::field).toList();
        typed.problems().stream().filter(p -> !unreadable.contains(p.field())).forEach(wrong::add);
        return new Edited(typed, wrong);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> entries(Part<T> part) {
        return part == trying ? List.copyOf((List<T>) tryingItems) : List.copyOf(part.items);
    }

    /** Whether the forms hold anything not saved: a new library being typed, or a change to the one loaded. */
    public boolean changed() {
        return !edited().configuration().equals(pristine);
    }

    /** Puts the problems of a save (or a refusal) on the forms. */
    public void show(List<Problem> wrong) {
        problems.setAll(wrong);
    }

    /**
     * One list part of the configuration: its entries, the one chosen, and the form below the list
     * that adds an entry, changes the chosen one or takes it away. An entry with a problem (by the
     * domain's rules, at its place in the list) is not taken; the problem is shown instead.
     */
    public final class Part<T> {
        public final ObservableList<T> items = FXCollections.observableArrayList();
        /** The chosen entry's place, -1 when none is chosen. */
        public final IntegerProperty chosen = new SimpleIntegerProperty(-1);
        private final String field;
        private final Function<List<Problem>, T> typed;
        private final Consumer<T> show;
        private final Runnable clear;

        Part(String field, Function<List<Problem>, T> typed, Consumer<T> show, Runnable clear) {
            this.field = field;
            this.typed = typed;
            this.show = show;
            this.clear = clear;
            chosen.addListener((obs, was, now) -> {
                int at = now.intValue();
                if (at >= 0 && at < items.size()) {
                    show.accept(items.get(at));
                }
            });
        }

        void fill(List<T> entries) {
            chosen.set(-1);
            items.setAll(entries == null ? List.of() : entries);
            clear.run();
        }

        /** Adds the entry typed in the form at the end of the list. */
        public boolean add() {
            return put(items.size());
        }

        /** Puts the entry typed in the form in the place of the chosen one. */
        public boolean change() {
            int at = chosen.get();
            if (at < 0 || at >= items.size()) {
                problems.setAll(List.of(Problem.of(field, "chooseFirst")));
                return false;
            }
            return put(at);
        }

        /** Takes the chosen entry out of the list. */
        public void remove() {
            int at = chosen.get();
            if (at >= 0 && at < items.size()) {
                items.remove(at);
                chosen.set(-1);
                clear.run();
                problems.clear();
            }
        }

        private boolean put(int at) {
            List<Problem> wrong = new ArrayList<>();
            T entry = typed.apply(wrong);
            List<T> wanted = new ArrayList<>(items);
            if (at == items.size()) {
                wanted.add(entry);
            } else {
                wanted.set(at, entry);
            }
            String place = field + "[" + at + "]";
            if (wrong.isEmpty()) {
                trying = this;
                tryingItems = wanted;
                try {
                    edited().problems().stream().filter(p -> p.field().equals(place)
                            || p.field().startsWith(place + ".")).forEach(wrong::add);
                } finally {
                    trying = null;
                    tryingItems = null;
                }
            }
            if (!wrong.isEmpty()) {
                problems.setAll(wrong.stream().map(p -> p.field().startsWith(field) ? p : p.inside(place)).toList());
                return false;
            }
            items.setAll(wanted);
            chosen.set(-1);
            clear.run();
            problems.clear();
            return true;
        }
    }

    private Branch typedBranch(List<Problem> wrong) {
        return new Branch(strip(branchCode.get()), strip(branchName.get()));
    }

    private Series typedSeries(List<Problem> wrong) {
        Integer digits = whole(wrong, "digits", seriesDigits.get());
        Long from = wholeLong(wrong, "from", seriesFrom.get());
        Long to = wholeLong(wrong, "to", seriesTo.get());
        return new Series(strip(seriesPrefix.get()), digits, from, to, seriesCheckDigit.get());
    }

    private Category typedCategory(List<Problem> wrong) {
        Integer min = whole(wrong, "minAge", categoryMinAge.get());
        Integer max = whole(wrong, "maxAge", categoryMaxAge.get());
        return new Category(strip(categoryCode.get()), new Texts(blankIsNone(categoryDa.get()),
                blankIsNone(categoryNb.get()), strip(categoryEn.get())), min, max);
    }

    private AddressAlert typedAlert(List<Problem> wrong) {
        return new AddressAlert(strip(alertContains.get()), new Texts(blankIsNone(alertDa.get()),
                blankIsNone(alertNb.get()), strip(alertEn.get())));
    }
}
