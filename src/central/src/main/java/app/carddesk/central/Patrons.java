package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A library's own patrons: read, found by card, changed, deleted and merged. */
final class Patrons {

    private final Jdbi jdbi;
    private final PatronRegistry registry;
    private final Memberships memberships;
    private final Envelope envelope;

    Patrons(Jdbi jdbi, PatronRegistry registry, Memberships memberships, Envelope envelope) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.memberships = memberships;
        this.envelope = envelope;
    }

    public Api.Patron get(Caller caller, UUID id) {
        return jdbi.withHandle(h -> {
            Api.Patron shown = PatronAccess.shown(caller, registry.ownPatron(Daos.on(h, CentralPatronDao.class), caller,
                    id), Daos.on(h, CentralDaos.Guardians.class).ofChild(id));
            viewed(h, caller, id, "by=id");
            return shown;
        });
    }

    /**
     * A person looked at the record (a request with a session): audited as a view. A workstation's
     * own reads (a desk's sync) are not views by anyone.
     */
    private void viewed(org.jdbi.v3.core.Handle h, Caller caller, UUID id, String how) {
        if (caller.staff() != null) {
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, registry.now(), "PATRON_VIEWED", id, how);
        }
    }

    /** Whether the number is a retired card: a desk that never had it must not take it for a blank one. */
    private static boolean retired(org.jdbi.v3.core.Handle h, String number) {
        return Daos.on(h, CentralDaos.Bulk.class).cards(java.util.List.of(number)).stream()
                .anyMatch(c -> "RETIRED".equals(c.status()));
    }

    public Api.Patron findByCard(Caller caller, String card) {
        if (app.carddesk.api.FieldLimit.hasControlCharacter(card)) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "cardNumber", "A card number is one line of letters and digits.");
        }
        // One connection and one look-up of the row: this is what every scan at a desk asks.
        return jdbi.withHandle(h -> {
            CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
            String number = card.trim().toUpperCase(Locale.ROOT);
            CentralPatronRow row = patrons.byCard(number)
                    .filter(r -> PatronRegistry.visible(patrons, caller, r))
                    .orElseThrow(() -> retired(h, number) ? new ApiException(410, ErrorCode.CARD_NUMBER_RETIRED, null,
                            "This card number was retired (lost, replaced or cut in half) and is never issued again.")
                            : new ApiException(404, ErrorCode.PATRON_NOT_FOUND, null, "No patron of this library matches."));
            Api.Patron shown = PatronAccess.shown(caller, row, Daos.on(h, CentralDaos.Guardians.class).ofChild(row.id()));
            viewed(h, caller, row.id(), "by=card");
            return shown;
        });
    }

    /**
     * Replaces a patron's data. With an Idempotency-Key, a retry after a lost answer gets the
     * first answer again instead of a stale-version refusal of its own earlier write.
     */
    public Answer update(Caller caller, UUID id, String ifMatch, String idempotencyKey, String rawBody,
                         String cardRetiredBecause) {
        if (ifMatch == null || !ifMatch.replace("\"", "").trim().matches("\\d{1,9}")) {
            throw new ApiException(428, ErrorCode.VERSION_REQUIRED, "If-Match",
                    "Send the version you edited as 'If-Match: <version>'.");
        }
        int version = Integer.parseInt(ifMatch.replace("\"", "").trim());
        Api.Patron body = envelope.parse(rawBody, Api.Patron.class);
        if (body.id() != null && !body.id().equals(id)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "id", "The id in the body differs from the one in the path.");
        }
        Api.Patron withId = body.id() == null ? body.withId(id) : body;
        app.carddesk.api.CardRetirement retired = cardRetirement(cardRetiredBecause);
        String requestHash = Envelope.sha256(id + ifMatch + (retired == null ? "" : retired.name()) + rawBody);
        org.jdbi.v3.core.HandleCallback<Answer, RuntimeException> change = h -> new Answer(200,
                envelope.write(PatronMapper.toApi(registry.update(h, caller, id, version, withId, retired))));
        return envelope.optionallyOnce(caller, idempotencyKey, requestHash, change);
    }

    private static app.carddesk.api.CardRetirement cardRetirement(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return app.carddesk.api.CardRetirement.valueOf(header.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, Api.CARD_RETIRED_HEADER, "Say why the card is "
                    + "retired as one of " + java.util.Arrays.toString(app.carddesk.api.CardRetirement.values()) + ".");
        }
    }

    /** Deletes a patron; a key reused for another request is refused like on every other route. */
    public Answer delete(Caller caller, UUID id, String idempotencyKey) {
        return envelope.optionallyOnce(caller, idempotencyKey, Envelope.sha256(id.toString()), h -> {
            registry.delete(h, caller, id);
            return new Answer(204, "");
        });
    }

    /** Merges two records of one person; with an Idempotency-Key a retry gets the first answer. */
    public Answer merge(Caller caller, UUID survivor, String idempotencyKey, String rawBody) {
        Envelope.requireKey(idempotencyKey, "Idempotency-Key", "header so a retried merge is not applied twice");
        Api.MergeRequest request = envelope.parse(rawBody, Api.MergeRequest.class);
        String requestHash = Envelope.sha256(survivor + rawBody);
        // The answer is remembered in the merge's own transaction: a retry gets it, never a half-merge.
        return envelope.once(caller, idempotencyKey, requestHash, h -> new Answer(200,
                envelope.write(memberships.mergeIn(h, caller, survivor, request))));
    }
}
