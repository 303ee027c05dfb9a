package app.carddesk.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a staff password, as current guidance has them (NIST SP 800-63B): long enough,
 * not one people or attackers try first, and no composition rules. A password is refused when it
 * is shorter than {@value #MIN_LENGTH} characters, when its letters alone are a common password,
 * a word from the library world or one repeated character, when it is a walk along a keyboard row
 * (qwertyuiopas), or when it contains the person's user name or their library's code or name.
 * {@code common-passwords.txt} holds the words.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private static final Set<String> COMMON = load();

    /**
     * Why {@code password} is refused, or empty when it is accepted.
     *
     * @param personal the user name and the library's code and name: none may be inside it
     */
    public Optional<Problem> check(String password, Collection<String> personal) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Problem.of("password.short", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Problem.of("password.long", MAX_LENGTH));
        }
        String folded = fold(password);
        String letters = folded.replaceAll("[^\\p{L}]", "");
        String compact = folded.replaceAll("[^\\p{L}\\p{N}]", "");
        if (COMMON.contains(compact) || COMMON.contains(letters) || letters.isEmpty()
                || letters.chars().distinct().count() == 1 || compact.chars().distinct().count() <= 2) {
            return Optional.of(Problem.of("password.common"));
        }
        if (keyboardWalk(password)) {
            return Optional.of(Problem.of("password.keyboard"));
        }
        for (String word : personal) {
            String w = word == null ? "" : fold(word).replaceAll("[^\\p{L}\\p{N}]", "");
            if (w.length() >= 3 && compact.contains(w)) {
                return Optional.of(Problem.of("password.personal"));
            }
        }
        return Optional.empty();
    }

    /** The rows of a Danish and Norwegian keyboard, unshifted, left to right. */
    private static final java.util.List<String> ROWS = java.util.List.of("§1234567890+´", "qwertyuiopå¨",
            "asdfghjklæø'", "<zxcvbnm,.-");

    /**
     * Whether the password is mostly a walk along a keyboard row (qwertyuiopas, asdfghjklæøå,
     * 1234567890+´): every pair of neighbouring characters but at most two are neighbouring keys.
     */
    static boolean keyboardWalk(String password) {
        String typed = password.toLowerCase(Locale.ROOT);
        int pairs = typed.length() - 1;
        int neighbours = 0;
        for (int i = 0; i < pairs; i++) {
            if (neighbouringKeys(typed.charAt(i), typed.charAt(i + 1))) {
                neighbours++;
            }
        }
        return pairs - neighbours <= 2;
    }

    private static boolean neighbouringKeys(char a, char b) {
        for (String row : ROWS) {
            int i = row.indexOf(a);
            int j = row.indexOf(b);
            if (i >= 0 && j >= 0 && Math.abs(i - j) == 1) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, without accents, so that "Bibliotek" and "bibliotèk" are one word. */
    private static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        return Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(fold(w).replaceAll("[^\\p{L}\\p{N}]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
