package app.carddesk.api;

import java.util.Optional;

/**
 * The longest text the central register keeps for each field of the API's documents, in
 * characters: the lengths of the columns they are stored in. A longer value is refused with 422
 * {@code invalid_field} naming the field (an Idempotency-Key header with 400), before anything is
 * stored. Text fields hold no control characters (line breaks, tabs, NUL) either: every one of
 * them is a single line, and PostgreSQL cannot store a NUL at all.
 */
public enum FieldLimit {
    CARD_NUMBER("cardNumber", 32),
    SURNAME("surname", 100),
    GIVEN_NAME("givenName", 100),
    EMAIL("email", 200),
    PHONE("phone", 30),
    ADDRESS_LINE("address.line", 200),
    POSTAL_CODE("address.postalCode", 20),
    CITY("address.city", 100),
    COUNTRY("address.country", 100),
    CATEGORY("category", 32),
    PICKUP_LIBRARY("pickupLibrary", 32),
    SERIES_PREFIX("prefix", 8),
    IDEMPOTENCY_KEY("Idempotency-Key", Api.MAX_IDEMPOTENCY_KEY);

    private final String field;
    private final int maxLength;

    FieldLimit(String field, int maxLength) {
        this.field = field;
        this.maxLength = maxLength;
    }

    /** The field's name in the API's documents (or the header's name), as errors name it. */
    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    /** What is wrong with a value of this field, as a sentence; empty when it fits (null fits). */
    public Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            return Optional.of(field + " is at most " + maxLength + " characters long; this one has " + value.length()
                    + ".");
        }
        if (hasControlCharacter(value)) {
            return Optional.of(field + " holds a control character (a line break, a tab or the like); "
                    + "send it as one line of text.");
        }
        return Optional.empty();
    }

    /** Whether a text holds a control character, which no field of the API takes. */
    public static boolean hasControlCharacter(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }
}
