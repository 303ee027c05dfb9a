package app.carddesk.issuing;

import java.time.Instant;
import java.util.UUID;

/**
 * The guardian of a child registered in the checklist: an existing patron, or a new one registered
 * in the same go (without a card of their own), and when they gave their consent.
 *
 * @param existingId  the guardian's patron id, or null for a new guardian
 * @param newGuardian the new guardian's details, or null for an existing patron
 * @param category    the new guardian's patron category (a code of the library's list), chosen by staff
 *                    as for any patron; null for an existing patron
 * @param consentAt   when the guardian consented; null when they have not
 */
public record GuardianChoice(UUID existingId, PatronDetails newGuardian, String category, Instant consentAt) {

    /** An existing patron as the guardian. */
    public static GuardianChoice existing(UUID patronId, Instant consentAt) {
        return new GuardianChoice(patronId, null, null, consentAt);
    }

    /** A new guardian, registered in the same go in the given category. */
    public static GuardianChoice registered(PatronDetails details, String category, Instant consentAt) {
        return new GuardianChoice(null, details, category, consentAt);
    }
}
