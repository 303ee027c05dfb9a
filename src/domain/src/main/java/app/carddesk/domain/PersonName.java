package app.carddesk.domain;

/**
 * A person's name as it is written out: the given name first, except where both names are written
 * in Chinese or Japanese characters (family name first, as one word) or in Korean Hangul (family
 * name first, then a space). The two names are kept apart as typed; only the order shown differs.
 */
public final class PersonName {

    private PersonName() {
    }

    public static String full(String givenName, String surname) {
        String given = givenName == null ? "" : givenName.strip();
        String family = surname == null ? "" : surname.strip();
        if (given.isEmpty() || family.isEmpty()) {
            return (given + family).strip();
        }
        if (isHanOrKana(given) && isHanOrKana(family)) {
            return family + given;
        }
        if (isHangul(given) && isHangul(family)) {
            return family + " " + given;
        }
        return given + " " + family;
    }

    private static boolean isHanOrKana(String s) {
        return s.codePoints().filter(Character::isLetter).allMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
        });
    }

    private static boolean isHangul(String s) {
        return s.codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
