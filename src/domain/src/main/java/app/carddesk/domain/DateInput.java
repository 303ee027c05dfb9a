package app.carddesk.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as desk staff in Denmark and Norway type it: {@code 24-12-2001}, {@code 24.12.2001},
 * {@code 24/12/2001}, {@code 24122001}, or ISO {@code 2001-12-24}.
 */
public final class DateInput {

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-./ ](\\d{1,2})[-./ ](\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private DateInput() {
    }

    public static Checked<LocalDate> parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        if (text.isEmpty()) {
            return Checked.fail(Problem.of("date.required"));
        }
        Matcher m;
        try {
            if ((m = ISO.matcher(text)).matches()) {
                return Checked.ok(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)));
            }
            if ((m = DMY.matcher(text)).matches() || (m = COMPACT.matcher(text)).matches()) {
                return Checked.ok(LocalDate.of(i(m, 3), i(m, 2), i(m, 1)));
            }
        } catch (DateTimeException e) {
            return Checked.fail(Problem.of("date.noSuchDay", text));
        }
        return Checked.fail(Problem.of("date.format", text));
    }

    /** The way the desk shows a date where no language is given: day-month-year with hyphens. */
    public static String format(LocalDate date) {
        return format(date, java.util.Locale.ROOT);
    }

    /**
     * A date as people who read {@code language} write it: day.month.year in Norwegian, day-month-year
     * in Danish and English. Every form is read back by {@link #parse}.
     */
    public static String format(LocalDate date, java.util.Locale language) {
        if (date == null) {
            return "";
        }
        String lang = language == null ? "" : language.getLanguage();
        String sep = lang.equals("nb") || lang.equals("nn") || lang.equals("no") ? "." : "-";
        return String.format("%02d%s%02d%s%04d", date.getDayOfMonth(), sep, date.getMonthValue(), sep, date.getYear());
    }

    /** A moment as {@code language} writes it: its date as {@link #format(LocalDate, java.util.Locale)}, hours:minutes and the zone. */
    public static String format(java.time.ZonedDateTime at, java.util.Locale language) {
        return withTime(at, language, "HH:mm z");
    }

    /** A moment without its zone (the desk's own time): date and hours:minutes. */
    public static String formatLocal(java.time.ZonedDateTime at, java.util.Locale language) {
        return withTime(at, language, "HH:mm");
    }

    /** A moment without its zone, to the second (as an audit lists what happened): date and hours:minutes:seconds. */
    public static String formatLocalSeconds(java.time.ZonedDateTime at, java.util.Locale language) {
        return withTime(at, language, "HH:mm:ss");
    }

    private static String withTime(java.time.ZonedDateTime at, java.util.Locale language, String time) {
        return at == null ? "" : format(at.toLocalDate(), language) + " "
                + java.time.format.DateTimeFormatter.ofPattern(time, java.util.Locale.ROOT).format(at);
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
