package app.carddesk.issuing;

import app.carddesk.domain.Patron;
import app.carddesk.identity.PersonRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The desk's register of patrons and cards, as the issuing use cases need it. Each writing
 * method commits the change, its audit entry and its outbox entries together or not at all.
 */
public interface PatronStore {

    Optional<CardRecord> card(String number);

    Optional<Patron> patron(UUID id);

    /**
     * Whether the central register refused this patron's registration: it never took them, and no
     * registration of them waits to be sent. A change to such a patron is sent as a registration.
     */
    boolean registrationRefused(UUID id);

    /** Whether a PIN mail asked for this patron waits in this desk's outbox (not yet at the central register). */
    boolean pinMailWaiting(UUID id);

    /**
     * Records a request made about a patron that changes nothing in their record here (a new PIN
     * mail): its audit entry and outbox entries together.
     *
     * @throws ConflictException {@code patron_gone} when the patron is no longer here
     */
    void requestPinMail(UUID patronId, AuditEntry audit, List<OutboxEntry> outbox);

    Optional<UUID> patronIdByIdentity(String identityNumber);

    /** What was done with a patron's record and when (no personal data in it). */
    List<AuditEntry> auditTrail(UUID patronId);

    /**
     * This desk's patrons found by one key, at most {@code limit}, sorted by name; the summaries'
     * reason names the key.
     */
    List<PatronSummary> search(app.carddesk.domain.PatronQuery query, int limit);

    /**
     * Gives a patron a new card: the new number is issued, the old one (if any) retired with
     * {@code reason}, together or not at all.
     *
     * @throws ConflictException when the new number was issued or retired meanwhile
     */
    void replaceCard(UUID patronId, String newCard, String oldCard, String reason, AuditEntry audit,
                     List<OutboxEntry> outbox);

    /** Changes a patron's e-mail, phone and contact address (null e-mail or phone: none). */
    void changeContact(UUID patronId, String email, String phone, app.carddesk.domain.Address address,
                       AuditEntry audit, List<OutboxEntry> outbox);

    /** A patron's guardians (reason {@code GUARDIAN}) and the children they are guardian of ({@code CHILD}). */
    List<PatronSummary> relatives(UUID patronId);

    /** Patrons who may be the same person: same name and birth date, same e-mail or same phone. */
    List<PatronSummary> similar(String surnameKey, String givenNameKey, LocalDate birthDate, String emailKey,
                                String phoneKey, int limit);

    /**
     * Stores a new patron and marks the card issued.
     *
     * @throws ConflictException when the card or the identity number was taken meanwhile
     */
    void insert(Patron patron, String pinHash, AuditEntry audit, List<OutboxEntry> outbox);

    /**
     * Stores a child with the link to their guardian and the consent, and the guardian too when
     * they are new (a patron without a card), all together or not at all.
     */
    void insertChild(Patron child, String pinHash, Patron newGuardian, UUID guardianId, java.time.Instant consentAt,
                     List<AuditEntry> audit, List<OutboxEntry> outbox);

    /**
     * Gives a patron their national ID and the register's master data, and retires the destroyed
     * temporary card; with {@code retiredCard} null the patron keeps their card.
     */
    void convertToNationalId(UUID patronId, PersonRecord master, String retiredCard, KeptContact kept,
                             AuditEntry audit, List<OutboxEntry> outbox);

    /** Patrons registered on a Danish replacement CPR number, to be re-registered on the real one. */
    List<Patron> needingReRegistration();

    /** Short-stay patrons whose expiry date is before {@code today}. */
    List<Patron> expiredShortStay(LocalDate today);

    /** Deletes a patron and retires their card. */
    void delete(UUID patronId, AuditEntry audit, List<OutboxEntry> outbox);

    void changePickupLibrary(UUID patronId, String pickupLibraryCode, AuditEntry audit, List<OutboxEntry> outbox);

    /**
     * Merges {@code otherId} into {@code survivorId}: the survivor keeps {@code keepCard} (either
     * record's card; the other number is retired for destruction), the sum of both balances, both
     * records' guardians and children, and both histories. The other record is deleted.
     */
    void merge(UUID survivorId, UUID otherId, String keepCard, AuditEntry audit, List<OutboxEntry> outbox);

    /**
     * Removes a patron who left this library but stays a patron elsewhere: their card number is
     * forgotten here, not retired (the card still works at their other libraries).
     */
    void forget(UUID patronId, AuditEntry audit);

    /** Records an audit entry for something done elsewhere (the central register) about this patron. */
    void recordAudit(AuditEntry audit);

    void updateBalances(UUID patronId, long feesOwedMinor, long printCreditMinor, AuditEntry audit,
                        List<OutboxEntry> outbox);

    /** A write refused because the register changed meanwhile (another desk took the card). */
    final class ConflictException extends RuntimeException {
        private final String code;

        public ConflictException(String code) {
            super(code);
            this.code = code;
        }

        /** {@code card_number_taken}, {@code card_number_retired} or {@code identity_already_registered}. */
        public String code() {
            return code;
        }
    }
}
