package app.carddesk.ui.admin;

import app.carddesk.domain.Problem;
import app.carddesk.staff.StaffAdministration;
import app.carddesk.staff.StaffAdministration.Account;
import app.carddesk.ui.background.BackgroundWork;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The chosen account's full name, to correct (a typing error, a new surname); the user name stays. */
public final class AccountName {

    /** The name as typed, starting as the chosen account has it. */
    public final StringProperty text = new SimpleStringProperty("");

    private final Optional<StaffAdministration> administration;
    private final BackgroundWork background;
    private final ObjectProperty<Problem> message;
    private final Runnable refresh;
    private final BiConsumer<Throwable, String> failed;

    AccountName(Optional<StaffAdministration> administration, BackgroundWork background,
                ObjectProperty<Problem> message, Runnable refresh, BiConsumer<Throwable, String> failed) {
        this.administration = administration;
        this.background = background;
        this.message = message;
        this.refresh = refresh;
        this.failed = failed;
    }

    void chosen(Account account) {
        text.set(account == null ? "" : account.displayName());
    }

    /** Saves the typed name for {@code account}; said beside the staff list. */
    void save(Account account) {
        if (account == null) {
            message.set(Problem.of("admin.chooseAccount"));
            return;
        }
        String name = text.get() == null ? "" : text.get().strip();
        if (name.isEmpty()) {
            message.set(Problem.of("admin.staff.nameRequired"));
            return;
        }
        administration.ifPresent(a -> background.submit(() -> a.rename(account.id(), name), done -> {
            message.set(Problem.of("admin.staff.renamed", done.userName(), done.displayName()));
            refresh.run();
        }, e -> failed.accept(e, account.userName())));
    }
}
