package app.carddesk.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What staff typed to find a patron, and what it is: a card number of the library, a national ID,
 * an e-mail address, a phone number or a name (optionally with a birth date). One search box
 * serves them all, so staff never choose a key first.
 *
 * @param value the normalised key: card number, identity number, e-mail or phone as typed, or the name
 */
public record PatronQuery(Kind kind, String value, LocalDate birthDate) {

    /** Which key a search uses. */
    public enum Kind { CARD, IDENTITY, EMAIL, PHONE, NAME }

    private static final Pattern IDENTITY_LIKE = Pattern.compile("\\d{6}[- ]?\\d{4,5}");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[\\d ()-]{5,}");
    private static final int MAX_LENGTH = 200;

    /**
     * @param birthDate optional, as typed; it narrows a search by name
     */
    public static Checked<PatronQuery> parse(String text, String birthDate, CardNumberPolicy cards,
                                            IdentityValidator identities, LocalDate today) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Checked.fail(Problem.of("find.empty"));
        }
        if (t.length() > MAX_LENGTH) {
            return Checked.fail(Problem.of("find.tooLong", MAX_LENGTH));
        }
        LocalDate born = null;
        if (birthDate != null && !birthDate.isBlank()) {
            Checked<LocalDate> d = DateInput.parse(birthDate);
            if (!d.isOk()) {
                return Checked.fail(d.firstError().orElseThrow());
            }
            born = d.value();
        }
        Checked<CardNumber> card = cards.check(t);
        Kind kind;
        String value;
        if (card.isOk()) {
            kind = Kind.CARD;
            value = card.value().value();
        } else if (t.contains("@")) {
            kind = Kind.EMAIL;
            value = t.toLowerCase(Locale.ROOT);
        } else if (IDENTITY_LIKE.matcher(t).matches()) {
            Checked<IdentityNumber> id = identities.check(t, today);
            if (!id.isOk()) {
                return Checked.fail(id.firstError().orElseThrow());
            }
            kind = Kind.IDENTITY;
            value = id.value().number();
        } else if (PHONE_LIKE.matcher(t).matches() && t.chars().filter(Character::isDigit).count() >= 5) {
            kind = Kind.PHONE;
            value = t;
        } else if (t.codePoints().filter(Character::isLetter).count() >= 2) {
            kind = Kind.NAME;
            value = t;
        } else {
            return Checked.fail(Problem.of("find.what"));
        }
        if (born != null && kind != Kind.NAME) {
            return Checked.fail(Problem.of("find.birthDateWithName"));
        }
        return Checked.ok(new PatronQuery(kind, value, born));
    }

    /** At most this many words of a name are searched for; more narrow nothing down. */
    public static final int MAX_NAME_PARTS = 4;

    /**
     * The SQL {@code LIKE} patterns (escape character {@code !}) that find a name by its words,
     * each word at the start of a surname or given name, or of a later word in one: "hass" finds
     * "Hassan" and "Al Hassan". Two patterns per word; a patron matches when, for every word, one of
     * its name fields matches one of the word's two patterns.
     */
    public static java.util.List<String[]> nameLikePatterns(String name) {
        return java.util.Arrays.stream(ContactRules.nameKey(name).split(" ")).filter(s -> !s.isEmpty())
                .limit(MAX_NAME_PARTS).map(part -> {
                    String escaped = part.replace("!", "!!").replace("%", "!%").replace("_", "!_");
                    return new String[] {escaped + "%", "% " + escaped + "%"};
                }).toList();
    }

    /** The national ID is never written anywhere in clear, a log line or an audit entry included. */
    @Override
    public String toString() {
        return "PatronQuery[" + kind + "]";
    }
}
