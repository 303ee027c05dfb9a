package app.carddesk.domain;

/**
 * A checked, normalised card number of one of the library's series.
 *
 * @param value  the number as printed on the card, upper case, without white space
 * @param series the series it belongs to
 */
public record CardNumber(String value, CardSeries series) {

    @Override
    public String toString() {
        return value;
    }
}
