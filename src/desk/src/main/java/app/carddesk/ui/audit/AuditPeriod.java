package app.carddesk.ui.audit;

import app.carddesk.domain.Checked;
import app.carddesk.domain.DateInput;
import app.carddesk.domain.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The days an officer reads the audit for, as typed: the first and the last day (either left empty
 * for an open end), and the moments they begin and end where the desk is. The last day is read
 * whole, to its midnight.
 *
 * @param problem why the days cannot be read (a date that is none, a last day before the first), or null
 */
record AuditPeriod(LocalDate first, LocalDate last, Instant since, Instant until, Problem problem) {

    static AuditPeriod of(String firstText, String lastText, ZoneId zone) {
        LocalDate first = null;
        LocalDate last = null;
        for (int end = 0; end < 2; end++) {
            String text = end == 0 ? firstText : lastText;
            if (text == null || text.isBlank()) {
                continue;
            }
            Checked<LocalDate> day = DateInput.parse(text);
            if (!day.isOk()) {
                return new AuditPeriod(null, null, null, null, day.firstError().orElseThrow());
            }
            if (end == 0) {
                first = day.value();
            } else {
                last = day.value();
            }
        }
        if (first != null && last != null && last.isBefore(first)) {
            return new AuditPeriod(null, null, null, null, Problem.of("audit.periodBackwards",
                    DateInput.format(first), DateInput.format(last)));
        }
        return new AuditPeriod(first, last, first == null ? null : first.atStartOfDay(zone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(zone).toInstant(), null);
    }

    /** The texts that say what was read within a period: this, then its ending, then the key without "audit.". */
    private static final String WITHIN = "audit.period.";

    /**
     * What was read, with the period when there is one: {@code key} itself, or its text for the
     * period ({@code audit.forStaff} within days is {@code audit.period.between.forStaff}).
     */
    Problem said(String key, String about) {
        if (first == null && last == null) {
            return Problem.of(key, about);
        }
        String what = key.substring("audit.".length());
        if (first != null && last != null) {
            return Problem.of(WITHIN + "between." + what, about, DateInput.format(first), DateInput.format(last));
        }
        return first != null ? Problem.of(WITHIN + "since." + what, about, DateInput.format(first))
                : Problem.of(WITHIN + "until." + what, about, DateInput.format(last));
    }

    /** The key a text about a period stands in for ({@code audit.forStaff} for {@code audit.period.since.forStaff}). */
    static String withoutPeriod(String key) {
        return key.replaceFirst("^audit\\.period\\.(between|since|until)\\.", "audit.");
    }
}
