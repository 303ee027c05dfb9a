package app.carddesk.ui.issuecard;

import app.carddesk.domain.PatronCategory;
import app.carddesk.ui.ViewLifetime;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * A list of categories that offers what the patron's age fits ({@code LibraryProfile.categoriesFor}),
 * again whenever the library's configuration or the birth date typed changes. A choice the new list
 * no longer has is let go of, so that Next asks for one instead of refusing one staff cannot see.
 */
final class CategoryOffer {

    private CategoryOffer() {
    }

    static void follow(IssueCardViewModel vm, StringProperty birthDate, Supplier<LocalDate> birthDateValue,
                       ObservableList<PatronCategory> items, ObjectProperty<PatronCategory> chosen,
                       ViewLifetime lifetime) {
        Runnable offer = () -> {
            List<PatronCategory> offered = vm.choices.get().categoriesFor(birthDateValue.get(), vm.today());
            if (offered.equals(items)) {
                return;
            }
            PatronCategory was = chosen.get();
            // Let go and chosen again, so that a list whose selection went with its items shows it again.
            chosen.set(null);
            items.setAll(offered);
            chosen.set(offered.contains(was) ? was : null);
        };
        offer.run();
        lifetime.onChange(vm.choices, (obs, old, now) -> offer.run());
        lifetime.onChange(birthDate, (obs, old, now) -> offer.run());
    }
}
