package app.carddesk.ui.audit;

import app.carddesk.issuing.NationalRegister.Retention;
import app.carddesk.text.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How long the central register keeps what for the library, in the officer's words: the audit, a
 * short stay, an inactive patron, and when the daily deletion runs (in the desk's time).
 */
public final class RetentionText {

    private RetentionText() {
    }

    /** The periods in a sentence or two; {@code today} and {@code zone} give the daily run's time here. */
    public static String of(Messages m, Retention r, ZoneId zone, LocalDate today) {
        if (r == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        kept.add(r.auditKeptMonths() == null ? m.get("audit.kept.auditForGood")
                : m.get("audit.kept.audit", r.auditKeptMonths()));
        kept.add(m.get("audit.kept.shortStay", r.maxShortStayDays()));
        kept.add(r.inactiveYears() == null ? m.get("audit.kept.noInactivity")
                : m.get("audit.kept.inactive", r.inactiveYears(), r.noticeDays()));
        String runs = r.runsAtUtc() == null ? m.get("audit.kept.byCommand")
                : m.get("audit.kept.runs", today.atTime(r.runsAtUtc()).atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(zone).toLocalTime().toString());
        return m.get("audit.kept", String.join("; ", kept)) + " " + runs;
    }
}
