package app.carddesk.ui.audit;

import app.carddesk.domain.Problem;
import app.carddesk.issuing.IssuingService;
import app.carddesk.issuing.MembershipService;
import app.carddesk.issuing.NationalRegister;
import app.carddesk.staff.StaffAdministration;
import app.carddesk.ui.background.BackgroundWork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's audit as a data-protection officer reads it: by a patron's card (their current or
 * an earlier one) or by a staff member's user name, newest first, a page at a time. Read from the
 * central register, which holds its own entries and the desks'.
 */
public final class AuditViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    /** A card number or a staff member's user name. */
    public final StringProperty query = new SimpleStringProperty("");
    public final ObservableList<StaffAdministration.AuditEntry> entries = FXCollections.observableArrayList();
    /** What the entries are about, or what went wrong. */
    public final ObjectProperty<Problem> message = new SimpleObjectProperty<>();
    /** Older entries follow. */
    public final BooleanProperty more = new SimpleBooleanProperty(false);
    /** The entries shown are being saved to a file (the message counts them). */
    public final BooleanProperty saving = new SimpleBooleanProperty(false);
    /** The first and the last day of the period to read, as typed (day-month-year); empty for an open end. */
    public final StringProperty since = new SimpleStringProperty("");
    public final StringProperty until = new SimpleStringProperty("");
    /** How long the central register keeps what for this library; null until read, or when it could not be. */
    public final ObjectProperty<NationalRegister.Retention> kept = new SimpleObjectProperty<>();

    private final Optional<StaffAdministration> administration;
    private final IssuingService issuing;
    private final MembershipService memberships;
    private final BackgroundWork background;
    /** What the entries on screen are about, and their period; null before anything is shown. */
    private StaffAdministration.AuditQuery shown;
    private Long before;
    /** Counts the people signed in: what is still being saved for one is dropped when the next comes. */
    private int person;

    public AuditViewModel(Optional<StaffAdministration> administration, IssuingService issuing,
                          MembershipService memberships, BackgroundWork background) {
        this.administration = administration;
        this.issuing = issuing;
        this.memberships = memberships;
        this.background = background;
    }

    /**
     * Shows the newest entries about the patron a card leads to (any card of the library, current or
     * earlier), about a record by its id (as an entry of its deletion names it), or by the staff
     * member the text names.
     */
    public void show() {
        String text = query.get() == null ? "" : query.get().trim();
        entries.clear();
        more.set(false);
        if (text.isEmpty()) {
            message.set(Problem.of("audit.queryRequired"));
            return;
        }
        AuditPeriod period = AuditPeriod.of(since.get(), until.get(), java.time.ZoneId.systemDefault());
        if (period.problem() != null) {
            message.set(period.problem());
            return;
        }
        UUID record = recordId(text);
        app.carddesk.domain.Checked<app.carddesk.domain.CardNumber> card = issuing.profile().cardNumberPolicy()
                .check(text);
        String number = record == null && card.isOk() ? card.value().value() : null;
        String user = record == null && number == null ? text : null;
        StaffAdministration.AuditQuery asked = new StaffAdministration.AuditQuery(record, number, user,
                period.since(), period.until());
        administration.ifPresent(a -> background.submit(() -> a.audit(asked, null), page -> {
            shown = asked;
            shown(page);
            message.set(period.said(page.entries().isEmpty() ? "audit.none" : user == null ? "audit.forCard"
                    : "audit.forStaff", text));
        }, this::failed));
    }

    private static UUID recordId(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** Whether {@code p} is a refusal or something to put right (shown as a warning), not what was found or saved. */
    public static boolean isWarning(Problem p) {
        return p != null && !List.of("audit.forCard", "audit.forStaff", "audit.none", "audit.saving", "audit.saved")
                .contains(AuditPeriod.withoutPeriod(p.key()));
    }

    /** What the entries shown are about, as typed (a card number, a user name or a record's id), or empty. */
    public String shownQuery() {
        return shown == null ? "" : shown.cardNumber() != null ? shown.cardNumber() : shown.staffUser() != null
                ? shown.staffUser() : shown.patron() != null ? shown.patron().toString() : "";
    }

    /** Another person signed in: nothing of what the last one read stays on screen. */
    public void personChanged() {
        person++;
        saving.set(false);
        query.set("");
        entries.clear();
        message.set(null);
        more.set(false);
        since.set("");
        until.set("");
        kept.set(null);
        shown = null;
        before = null;
    }

    /** Reads the central register's periods again (the screen is shown): they change with its settings. */
    public void readRetention() {
        background.submit(() -> memberships.retention().orElse(null), kept::set, e -> kept.set(null));
    }

    /** The next page of older entries. */
    public void older() {
        if (before == null) {
            return;
        }
        Long from = before;
        StaffAdministration.AuditQuery asked = shown;
        administration.ifPresent(a -> background.submit(() -> a.audit(asked, from), this::shown, this::failed));
    }

    /**
     * Saves everything about what is shown (every page, not only those on screen) to {@code target},
     * counting the entries as they arrive; the saving is itself in the audit trail.
     */
    public void save(Path target, AuditColumns columns) {
        if (saving.get()) {
            return;
        }
        if (administration.isEmpty() || shown == null) {
            message.set(Problem.of("audit.saveNothing"));
            return;
        }
        saving.set(true);
        message.set(Problem.of("audit.saving", 0));
        savePage(new Saving(administration.get(), shown, target, columns, person), null);
    }

    /** One saving under way: what it reads, where it goes, and what has arrived so far. */
    private static final class Saving {
        final StaffAdministration administration;
        final StaffAdministration.AuditQuery asked;
        final Path target;
        final AuditColumns columns;
        final int person;
        final List<List<String>> rows = new ArrayList<>();
        /** The record the entries are about (as the register resolved a card), for the saving's own entry. */
        UUID about;

        Saving(StaffAdministration administration, StaffAdministration.AuditQuery asked, Path target,
               AuditColumns columns, int person) {
            this.administration = administration;
            this.asked = asked;
            this.target = target;
            this.columns = columns;
            this.person = person;
            this.about = asked.patron();
        }
    }

    private void savePage(Saving s, Long from) {
        background.submit(() -> s.administration.audit(s.asked, from), page -> {
            if (s.person != person) {
                return;
            }
            for (StaffAdministration.AuditEntry e : page.entries()) {
                s.rows.add(s.columns.row(e));
                if (s.about == null && s.asked.staffUser() == null) {
                    s.about = e.patronId();
                }
            }
            message.set(Problem.of("audit.saving", s.rows.size()));
            if (page.before() != null) {
                savePage(s, page.before());
            } else {
                write(s);
            }
        }, e -> {
            if (s.person == person) {
                saving.set(false);
                failed(e);
            }
        });
    }

    private void write(Saving s) {
        int count = s.rows.size();
        background.submit(() -> {
            AuditFile.write(s.target, s.columns.header(), s.rows);
            issuing.upkeep().auditSaved(s.about, (s.asked.staffUser() == null ? "" : "staff=" + s.asked.staffUser()
                    + ";") + "entries=" + count + (s.asked.since() == null ? "" : ";since=" + s.asked.since())
                    + (s.asked.until() == null ? "" : ";until=" + s.asked.until()));
            return count;
        }, n -> {
            saving.set(false);
            message.set(Problem.of("audit.saved", n, s.target.getFileName().toString()));
        }, e -> {
            saving.set(false);
            message.set(e instanceof java.io.IOException ? Problem.of("audit.saveFailed", s.target.toString())
                    : app.carddesk.ui.Failures.problem(LOG, "Saving the audit failed", e));
        });
    }

    private void shown(StaffAdministration.AuditPage page) {
        entries.addAll(page.entries());
        before = page.before();
        more.set(before != null);
    }

    private void failed(Throwable e) {
        if (e instanceof StaffAdministration.RefusedException refused) {
            message.set("not_found".equals(refused.code()) ? Problem.of("audit.cardUnknown", query.get().trim())
                    : "card_number_retired".equals(refused.code()) ? Problem.of("audit.cardUnlinked", query.get().trim())
                    : app.carddesk.ui.admin.AdminRefusals.problem(refused, null));
            return;
        }
        if (e instanceof StaffAdministration.UnavailableException) {
            message.set(Problem.of("admin.unavailable"));
            return;
        }
        message.set(app.carddesk.ui.Failures.problem(LOG, "Reading the audit failed", e));
    }
}
