package app.carddesk.ui.patron;

import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.issuing.PinMailStatus;
import app.carddesk.text.Messages;
import app.carddesk.ui.Confirm;
import app.carddesk.ui.Controls;
import app.carddesk.ui.Question;
import app.carddesk.ui.StaffPermissions;
import app.carddesk.ui.ViewLifetime;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** Where the patron's last PIN mail is, in words staff can act on, and "E-mail a new PIN". */
public final class PinMailView {

    private final PatronViewModel patronVm;
    private final PinMailViewModel vm;
    private final Messages messages;
    private final ViewLifetime lifetime;
    private final StaffPermissions permissions;

    @FXML private Label pinMailStatus;
    @FXML private Button newPinButton;

    public PinMailView(PatronViewModel patronVm, Messages messages, ViewLifetime lifetime,
                       StaffPermissions permissions) {
        this.patronVm = patronVm;
        this.vm = patronVm.pinMail;
        this.messages = messages;
        this.lifetime = lifetime;
        this.permissions = permissions;
    }

    @FXML
    private void initialize() {
        Controls.visible(newPinButton, vm.canEmail.and(permissions.may("issue")));
        lifetime.onChange(vm.status, (obs, old, s) -> show(s));
        show(vm.status.get());
    }

    private void show(PinMailStatus s) {
        String text = s == null ? "" : text(s, patronVm.patron.get());
        pinMailStatus.setText(text);
        pinMailStatus.getStyleClass().remove("warning");
        if (s != null && s.failed()) {
            pinMailStatus.getStyleClass().add("warning");
        }
        pinMailStatus.setVisible(!text.isEmpty());
        pinMailStatus.setManaged(!text.isEmpty());
    }

    private String text(PinMailStatus s, Patron p) {
        return switch (s.where()) {
            // Said only of a patron whose PIN was e-mailed: for the others there is nothing to tell.
            case UNKNOWN -> p != null && p.pinDelivery() == PinDelivery.EMAIL ? messages.get("pinMail.UNKNOWN") : "";
            case NONE -> "";
            case WAITING -> messages.get("pinMail.WAITING", messages.time(s.at()),
                    s.attempts() == null ? 0 : s.attempts(), messages.time(s.nextAttemptAt()));
            default -> messages.get("pinMail." + s.where(), messages.time(s.at()));
        };
    }

    @FXML
    private void emailNewPin() {
        Patron p = patronVm.patron.get();
        if (p != null && p.email() != null && Confirm.ask(pinMailStatus, messages, Question.NEW_PIN, p.fullName(),
                p.email())) {
            vm.emailNewPin(patronVm.documentLanguage.language.get().getLanguage());
        }
    }
}
