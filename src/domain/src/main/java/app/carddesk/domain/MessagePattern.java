package app.carddesk.domain;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Fills a text's placeholders the same way wherever CardDesk puts words together (the desk's screens
 * and letters, the central register's messages and mails): a date as people of the language write it, a number as
 * typed (no grouping: card numbers, years) unless the text formats it itself, as a plural form
 * {@code {0,choice,...}} does.
 */
public final class MessagePattern {

    private MessagePattern() {
    }

    public static String format(String pattern, Locale locale, Object... args) {
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boolean formatted = pattern.contains("{" + i + ",");
            shown[i] = args[i] instanceof LocalDate d ? DateInput.format(d, locale)
                    : args[i] instanceof java.time.ZonedDateTime z ? DateInput.format(z, locale)
                    : args[i] instanceof Number n && !formatted ? n.toString() : args[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }
}
