package app.carddesk.ui.audit;

import app.carddesk.staff.StaffAdministration.AuditEntry;
import app.carddesk.text.Messages;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * What each column of the audit says about an entry, in the staff's language: the table on screen
 * and a saved file say the same.
 */
public final class AuditColumns {

    private final Messages messages;
    private final ZoneId zone;

    public AuditColumns(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** When, to the second: several entries of one minute are told apart. */
    public String at(AuditEntry e) {
        return messages.timeToTheSecond(e.at());
    }

    public String staff(AuditEntry e) {
        return e.staffUser() == null ? "" : e.staffUser();
    }

    /** The record an entry is about: its card, or (a record without one left) its id, to read its trail by. */
    public String card(AuditEntry e) {
        return e.cardNumber() != null ? e.cardNumber() : e.patronId() == null ? "" : e.patronId().toString();
    }

    public String roles(AuditEntry e) {
        return e.roles() == null || e.roles().isBlank() ? "" : String.join(", ", Arrays.stream(e.roles().split(","))
                .map(r -> named("role." + r.strip(), r.strip())).toList());
    }

    /** The workstation, or the central register's own work (its mail sender, retention job, operator) in words. */
    public String workstation(AuditEntry e) {
        String where = e.centralActor().map(a -> messages.get("audit.actor." + a)).orElse(e.workstation());
        // Another library's staff, with one of this library's patrons.
        if (e.library() == null) {
            return where;
        }
        return e.libraryName() == null ? messages.get("audit.elsewhere", where, e.library())
                : messages.get("audit.elsewhereNamed", where, e.libraryName(), e.library());
    }

    public String action(AuditEntry e) {
        return named("audit.action." + e.action(), e.action());
    }

    /** What else the entry tells, its parts named and its codes in words (see {@link AuditDetail}). */
    public String detail(AuditEntry e) {
        return AuditDetail.text(messages, e.detail());
    }

    /** A saved file's first row: the table's headings, then the action's code for sorting and filtering. */
    public List<String> header() {
        return List.of(messages.get("audit.col.at"), messages.get("audit.col.staff"), messages.get("audit.col.card"),
                messages.get("audit.col.roles"), messages.get("audit.col.workstation"),
                messages.get("audit.col.action"), messages.get("audit.col.detail"), messages.get("audit.col.code"));
    }

    /**
     * An entry as a saved file's row. Its time is the moment with the desk's offset to UTC (as
     * 2026-12-04T09:15:02+01:00), which a spreadsheet sorts and nobody misreads across a change of
     * summer time.
     */
    public List<String> row(AuditEntry e) {
        String at = OffsetDateTime.ofInstant(e.at().truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return List.of(at, staff(e), card(e), roles(e), workstation(e), action(e), detail(e), e.action());
    }

    /** The text for {@code key} in the staff's language, or {@code code} itself where there is none. */
    private String named(String key, String code) {
        return messages.getOr(key, () -> code);
    }
}
