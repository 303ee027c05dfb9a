package app.carddesk.issuing;

import app.carddesk.identity.PersonRecord;
import java.util.UUID;

/** What "Fetch" found for an identity number. */
public sealed interface FetchResult {

    /** The population register's master data for the person. */
    record Found(PersonRecord person) implements FetchResult {
    }

    /** The register has nobody with that number: check it with the patron. */
    record NotFound() implements FetchResult {
    }

    /** A patron with that number is registered already: open them, never register twice. */
    record AlreadyRegistered(UUID patronId) implements FetchResult {
    }

    /** The register could not be reached: try again, or register without the national ID. */
    record Unavailable() implements FetchResult {
    }

    /** No register of real people is connected for this library: register without the national ID, tell IT. */
    record NotConnected() implements FetchResult {
    }
}
