package app.carddesk.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON documents of the central API, version 1 (see {@code openapi.yaml}). */
public final class Api {

    private Api() {
    }

    /** A national identity number: kind CPR, FNR, D_NUMBER, DUF or NONE. */
    public record Identity(String kind, String number) {
    }

    public record Address(String line, String postalCode, String city, String country) {
    }

    /** A patron as desks send and receive them. The PIN hash never leaves the central service. */
    public record Patron(UUID id, String cardNumber, Identity identity, String surname, String givenName,
                         LocalDate birthDate, String email, String phone, Address address, String pickupLibrary,
                         String category, LocalDate expiresOn, Boolean expectsNationalId, Long feesOwedMinor,
                         Long printCreditMinor, Integer version) {
    }

    public record Created(UUID id, int version, List<String> warnings) {
    }

    public record Error(String error, String field, String message, UUID existingId) {
    }

    /** One change of the feed: the patron as it is now, or only the id when deleted. */
    public record Change(long seq, String kind, UUID patronId, Patron patron) {
    }

    public record Changes(List<Change> changes, long last, boolean more) {
    }

    public record CardSeries(Long id, String prefix, int digits, long from, long to) {
    }

    public record LookupRequest(String number) {
    }

    public record Person(Identity identity, String surname, String givenName, LocalDate birthDate, Address address) {
    }

    public record PinEmailRequest(String language) {
    }

    /** Many registrations in one request, each with its own idempotency key. */
    public record BatchItem(String idempotencyKey, Patron patron) {
    }

    public record Batch(List<BatchItem> items) {
    }

    /** One answer per item, in order: the status and document a single request would have got. */
    public record BatchResult(String idempotencyKey, int status, com.fasterxml.jackson.databind.JsonNode body) {
    }

    public record BatchResults(List<BatchResult> results) {
    }
}
