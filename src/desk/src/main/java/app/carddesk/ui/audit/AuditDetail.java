package app.carddesk.ui.audit;

import app.carddesk.text.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit entry's detail in the reader's language. The desks and the central register keep it as
 * {@code key=value} parts (separated by spaces or semicolons) and now and then a few words
 * ({@code user=ana.berg wrong password 3}); here each part is named, the codes among its values are
 * put in words, and the words are translated. Whatever has no words yet (a key or code added later,
 * an older entry) is shown as it is kept, so nothing is hidden from the reader.
 */
final class AuditDetail {

    private AuditDetail() {
    }

    /** A part begins at a key: the start, or a space or semicolon before {@code key=}. */
    private static final Pattern PARTS = Pattern.compile("(?:;|\\s)+(?=[a-zA-Z]+=)");
    private static final Pattern KEY_VALUE = Pattern.compile("([a-zA-Z]+)=(.*)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Keys whose value is free text (a desk's name), not one word followed by words about it. */
    private static final Set<String> FREE_TEXT = Set.of("for");
    /** Keys whose value is a moment (kept in UTC): shown in the desk's time, as the When column is. */
    private static final Set<String> MOMENTS = Set.of("since", "until", "starts");
    /** Keys whose value is a list of role codes. */
    private static final Set<String> ROLES = Set.of("roles", "was");

    static String text(Messages m, String detail) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        List<String> said = new ArrayList<>();
        for (String part : PARTS.split(detail.strip())) {
            part = part.strip();
            if (part.isEmpty()) {
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(part);
            if (!kv.matches()) {
                said.add(words(m, part));
                continue;
            }
            String key = kv.group(1);
            String value = kv.group(2).strip();
            String after = "";
            int space = value.indexOf(' ');
            if (space > 0 && !FREE_TEXT.contains(key)) {
                after = value.substring(space + 1).strip();
                value = value.substring(0, space);
            }
            said.add(m.getOr("audit.detail." + key, () -> key) + ": " + value(m, key, value));
            if (!after.isEmpty()) {
                said.add(words(m, after));
            }
        }
        return String.join("; ", said);
    }

    private static String value(Messages m, String key, String value) {
        if (ROLES.contains(key)) {
            return String.join(", ", Arrays.stream(value.split(",")).map(String::strip)
                    .map(r -> m.getOr("role." + r, () -> r)).toList());
        }
        if (MOMENTS.contains(key)) {
            try {
                return m.time(java.time.Instant.parse(value));
            } catch (java.time.format.DateTimeParseException notAMoment) {
                return value;
            }
        }
        if (value.equals("true") || value.equals("false")) {
            return m.get("audit.value." + value);
        }
        if (key.equals("kind")) {
            return m.getOr("registration." + value, () -> value);
        }
        if (key.equals("resolution")) {
            return m.getOr("attention.choice." + value, () -> value);
        }
        return m.getOr("audit.value." + key + "." + value, () -> value);
    }

    /** A few words as kept (in English), translated where the reader's language has them; numbers kept. */
    private static String words(Messages m, String words) {
        List<Object> numbers = new ArrayList<>();
        Matcher n = NUMBER.matcher(words);
        while (n.find()) {
            numbers.add(n.group());
        }
        String key = "audit.words." + NUMBER.matcher(words.toLowerCase(java.util.Locale.ROOT)).replaceAll("n")
                .replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
        return m.getOr(key, () -> null) == null ? words : m.get(key, numbers.toArray());
    }
}
