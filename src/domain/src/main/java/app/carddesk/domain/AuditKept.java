package app.carddesk.domain;

/**
 * How long an audit trail (who did and saw what) is kept before it is removed: the period an
 * organisation's data-protection officer sets, in whole months, or {@code off} to keep it for good.
 * The central register and each desk read it the same way from their own settings.
 */
public final class AuditKept {

    /** Five years: an organisation sets its own period, the one its data-protection officer names. */
    public static final int DEFAULT_MONTHS = 60;
    /** A hundred years; longer is "off". */
    public static final int MAX_MONTHS = 1200;

    private AuditKept() {
    }

    /**
     * The months in {@code value}: blank is the default, {@code off} is 0 (kept for good).
     *
     * @param setting the setting's name, for the sentence that refuses any other value
     * @throws IllegalArgumentException for anything but 1 to {@value #MAX_MONTHS} or {@code off}
     */
    public static int months(String value, String setting) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MONTHS;
        }
        if ("off".equalsIgnoreCase(value.trim())) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_MONTHS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(setting + " must be a whole number of months from 1 to " + MAX_MONTHS
                + " (default " + DEFAULT_MONTHS + "), or off to keep the audit trail for good, not '" + value + "'.");
    }
}
