package app.carddesk.api;

import java.util.Locale;

/**
 * The stable codes of the central API's refusals ({@code Error.error}), written in lower case on
 * the wire. A desk decides by the code, never by the message, which is for people.
 */
public enum ErrorCode {
    // The request itself (400, 413)
    MALFORMED_JSON, INVALID_ID, INVALID_QUERY, QUERY_MISSING, IDENTITY_IN_URL, BODY_TOO_LARGE,
    IDEMPOTENCY_KEY_MISSING, IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_TOO_LONG,
    // Who asks (401, 403, 429)
    UNAUTHORIZED, WORKSTATION_ONLY, OPERATOR_ONLY, NOT_HOME_LIBRARY, AUTH_BLOCKED, RATE_LIMITED,
    // Staff sign-in and permissions (401, 403, 423)
    INVALID_CREDENTIALS, LAST_ATTEMPT, SESSION_INVALID, ACCOUNT_INACTIVE, ACCOUNT_AWAITS_VERIFICATION, NO_ROLE_HERE,
    PASSWORD_CHANGE_REQUIRED,
    PERMISSION_DENIED, ACCOUNT_LOCKED, ACCOUNT_LOCKED_FOR_A_WHILE, WORKSTATION_REVOKED, ACTING_PERSON_REFUSED,
    // What is asked for (404)
    NOT_FOUND, PATRON_NOT_FOUND, PERSON_NOT_FOUND, NOT_IN_REGISTER, CARD_SERIES_NOT_FOUND, NO_LOAN_RULES,
    ACCOUNT_NOT_FOUND, NO_VERIFICATION_ROUND,
    // Conflicts with the register (409, 412, 428)
    PATRON_EXISTS, IDENTITY_ALREADY_REGISTERED, CARD_NUMBER_TAKEN, CARD_NUMBER_RETIRED, CARD_SERIES_IN_USE,
    CARD_SERIES_OVERLAP, EMAIL_CHANGED, IDENTITIES_DIFFER, OPEN_STANDING, STALE_VERSION, VERSION_REQUIRED,
    USER_NAME_TAKEN, LOAN_RULES_PUBLISHED, VERIFICATION_ROUND_OPEN, VERIFICATION_ROUND_STARTED, ALREADY_DECIDED, REGISTER_KEY_HELD,
    OWN_ACCOUNT,
    // Refused content (422, 423)
    INVALID_FIELD, SEARCH_KEY, CARD_NUMBER_NOT_RESERVED, GUARDIAN_NOT_FOUND, GUARDIAN_REQUIRED,
    IDENTITY_CHANGE_NOT_ALLOWED, IDEMPOTENCY_KEY_REUSED, LOAN_RULES_OUTDATED, PIN_NOT_SET, PIN_REQUIRED,
    PIN_WRONG, PIN_LOCKED, PASSWORD_REJECTED, PERMISSION_CONFLICT, UNKNOWN_ROLE,
    ENROLMENT_CODE_INVALID,
    // The central register cannot answer now (500, 503)
    IDEMPOTENCY_KEY_BUSY, REGISTER_UNAVAILABLE, POPULATION_REGISTER_NOT_CONNECTED, INTERNAL_ERROR;

    /** The code as written on the wire. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code code}, as read from the wire or a desk's ledger, is this one. */
    public boolean is(String code) {
        return code().equals(code);
    }

    /** The register refuses the patron because another one already holds the card or the person. */
    public static boolean duplicate(String code) {
        return PATRON_EXISTS.is(code) || IDENTITY_ALREADY_REGISTERED.is(code) || CARD_NUMBER_TAKEN.is(code)
                || CARD_NUMBER_RETIRED.is(code);
    }
}
