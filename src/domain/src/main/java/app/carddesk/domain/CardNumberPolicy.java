package app.carddesk.domain;

import java.util.List;
import java.util.Locale;

/**
 * Decides whether typed or scanned text is a card number of this library, and if not, why not
 * in words staff can act on.
 */
public final class CardNumberPolicy {

    private final List<CardSeries> series;

    public CardNumberPolicy(List<CardSeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a library needs at least one card series");
        }
        this.series = List.copyOf(series);
    }

    public List<CardSeries> series() {
        return series;
    }

    /** Removes white space (scanners and people add it) and folds case. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replaceAll("[\\s\\u00A0-]", "").toUpperCase(Locale.ROOT);
    }

    public Checked<CardNumber> check(String raw) {
        String text = normalise(raw);
        if (text.isEmpty()) {
            return Checked.fail(Problem.of("card.empty"));
        }
        Problem best = null;
        for (CardSeries s : series) {
            if (!text.startsWith(s.prefix())) {
                continue;
            }
            String rest = text.substring(s.prefix().length());
            if (!rest.chars().allMatch(c -> c >= '0' && c <= '9')) {
                best = Problem.of("card.notDigits", s.prefix());
            } else if (rest.length() != s.digits()) {
                best = Problem.of("card.wrongLength", s.prefix(), s.digits(), rest.length());
            } else if (!s.checkDigit().accepts(rest)) {
                best = Problem.of("card.checkDigit");
            } else {
                return Checked.ok(new CardNumber(text, s));
            }
        }
        if (best == null) {
            best = Problem.of("card.foreign", text, patterns());
        }
        return Checked.fail(best);
    }

    /**
     * Whether a card of one of the library's series is also in the numbers reserved for it: a blank
     * card from another library's stack (which shares the prefix, as Norwegian libraries share
     * {@code N}) is not, though a card another library issued works here all the same.
     */
    public boolean reserved(CardNumber card) {
        return series.stream().anyMatch(s -> card.value().startsWith(s.prefix()) && card.value().length() == s.length()
                && s.reserves(card.value()));
    }

    /** Why a blank card is not this library's to issue: the ranges reserved for it. */
    public Problem notReserved(CardNumber card) {
        return Problem.of("card.notReserved", card.value(), String.join(", ", series.stream()
                .map(CardSeries::range).toList()));
    }

    /** What the library's cards look like, series by series ("4099#####, N#########"); empty without series. */
    public String patterns() {
        return String.join(", ", series.stream().map(CardSeries::pattern).toList());
    }
}
