package app.carddesk.domain;

import java.util.regex.Pattern;

/**
 * A staff account's user name, as stored (trimmed, lower case): 2 to 60 of a-z, digits, dots,
 * dashes and underscores, starting with a letter or digit. The desk checks it as staff type; the
 * central register refuses anything else.
 */
public final class StaffUserName {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

    private StaffUserName() {
    }

    /** Whether {@code name}, trimmed and in lower case already, is a user name an account may have. */
    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
