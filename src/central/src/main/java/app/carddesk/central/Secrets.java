package app.carddesk.central;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets the central service hands out: bearer tokens (sessions, workstation credentials),
 * and codes a person types (one-time passwords, enrolment codes). Kept only as hashes once made.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Lower-case letters and digits without look-alikes (no i, l, o, 0, 1). */
    private static final String TYPABLE = "abcdefghjkmnpqrstuvwxyz23456789";

    private Secrets() {
    }

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code length} typable characters in groups of four ("abcd-efgh-…"), about 5 bits each. */
    static String typable(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(TYPABLE.charAt(RANDOM.nextInt(TYPABLE.length())));
        }
        return s.toString();
    }
}
