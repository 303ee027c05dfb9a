package app.carddesk.issuing;

import app.carddesk.domain.MergePlan;
import app.carddesk.domain.Checked;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.IdentityTransitions;
import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.identity.PersonRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the desk does with a patron once registered: register the national ID of a temporary
 * patron, merge two records of one person, give a new card, change contact, pickup library and
 * balances, delete an expired short stay, and show what is stored. Every change is audited and
 * queued for the central register in the same transaction.
 */
public final class PatronUpkeep {

    private final IssuingService issuing;
    private final PatronStore store;
    private final StaffContext staff;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    PatronUpkeep(IssuingService issuing, PatronStore store, StaffContext staff, Clock clock) {
        this.issuing = issuing;
        this.store = store;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * Gives a temporary patron the national ID fetched from the register and retires their
     * temporary card, which staff confirmed they cut in half. Refused when the number belongs to
     * another patron already.
     */
    public Optional<Problem> registerNationalId(UUID patronId, PersonRecord master) {
        return registerNationalId(patronId, master, KeptContact.ALL);
    }

    /**
     * As {@link #registerNationalId(UUID, PersonRecord)}, keeping of the record's e-mail address and
     * phone number only what staff confirmed belongs to the person in the register.
     */
    public Optional<Problem> registerNationalId(UUID patronId, PersonRecord master, KeptContact kept) {
        Optional<Problem> notAllowed = staff.refusal("register_national_id");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        Patron patron = store.patron(patronId).orElse(null);
        if (patron == null) {
            return Optional.of(Problem.of("patron.gone"));
        }
        if (!IdentityTransitions.allowed(patron.identity(), master.identity().kind())) {
            return Optional.of(Problem.of(patron.identity() != null && patron.identity().kind() == master.identity()
                    .kind() || !IdentityTransitions.canMoveOn(patron.identity()) ? "convert.hasIdentity"
                    : "convert.notAllowed"));
        }
        Optional<Problem> category = categoryAfterConversion(patron, master.birthDate());
        if (category.isPresent()) {
            return category;
        }
        // A temporary card is destroyed at conversion; a patron re-registered from a replacement
        // number keeps the card they have.
        String retire = patron.identity() == null ? patron.cardNumber() : null;
        Optional<UUID> other = store.patronIdByIdentity(master.identity().number());
        if (other.isPresent()) {
            return Optional.of(Problem.of("issue.conflict.identity_already_registered"));
        }
        ObjectNode change = json.createObjectNode().put("patronId", patronId.toString())
                .put("identityKind", master.identity().kind().name())
                .put("identityNumber", master.identity().number())
                .put("retiredCard", retire)
                .put("cardRetiredBecause", retire == null ? null : DESTROYED_AFTER_CONVERSION);
        try {
            store.convertToNationalId(patronId, master, retire, kept,
                    audit("NATIONAL_ID_REGISTERED", patronId, "identity=" + master.identity().kind()
                            + ";cardRetired=" + (retire != null) + ";emailKept=" + kept.email()
                            + ";phoneKept=" + kept.phone()),
                    List.of(new OutboxEntry(patronId, OutboxKind.NATIONAL_ID_REGISTERED, change.toString())));
        } catch (PatronStore.ConflictException e) {
            return Optional.of(Problem.of("issue.conflict." + e.code()));
        }
        return Optional.empty();
    }

    /**
     * Why the record cannot take on the register's birth date, if it cannot: its category is for
     * another age (a child's record given an adult's national ID, say). Asked at Save, before staff
     * cut the temporary card, and again when the conversion is stored.
     */
    public Optional<Problem> categoryAfterConversion(Patron patron, java.time.LocalDate registerBirthDate) {
        return issuing.profile().categories().stream().filter(c -> c.code().equals(patron.categoryCode()))
                .findFirst().flatMap(c -> c.ageProblem(registerBirthDate, issuing.today()))
                .map(p -> Problem.of("convert." + p.key(), p.args().get(1), p.args().get(2), registerBirthDate));
    }

    /**
     * Merges two records of one person (the patron registered again, with their national ID) into
     * {@code survivorId}. Staff chose which card stays; the other number is retired and its card
     * to be destroyed. Balances, guardians and history end on the survivor; the central register
     * does the same in one transaction when the change arrives (with loans, reminders and claims).
     */
    public Optional<Problem> merge(UUID survivorId, UUID otherId, String keepCard) {
        Optional<Problem> notAllowed = staff.refusal("merge");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        Patron keep = store.patron(survivorId).orElse(null);
        Patron other = store.patron(otherId).orElse(null);
        if (keep == null || other == null || survivorId.equals(otherId)) {
            return Optional.of(Problem.of("patron.gone"));
        }
        Checked<MergePlan> plan = MergePlan.of(MergePlan.Side.of(keep), MergePlan.Side.of(other), keepCard);
        if (!plan.isOk()) {
            return plan.firstError();
        }
        String retired = plan.value().retiredCard();
        ObjectNode change = json.createObjectNode().put("otherId", otherId.toString()).put("keepCardNumber", keepCard);
        store.merge(survivorId, otherId, keepCard, audit("PATRONS_MERGED", survivorId, "from=" + otherId
                        + ";cardRetired=" + (retired != null)),
                List.of(new OutboxEntry(survivorId, OutboxKind.PATRONS_MERGED, change.toString())));
        return Optional.empty();
    }

    /** Why a patron gets a new card. */
    public enum CardReplacement { LOST, REPLACED }

    /** Why a temporary card was retired when the patron's national ID was registered: it was cut in half. */
    public static final String DESTROYED_AFTER_CONVERSION = "DESTROYED_AFTER_CONVERSION";

    /**
     * Gives a patron a new card (scanned from the stack of blanks): the usual card checks, then
     * the old card, if any, is retired with its reason and the new one issued, together, and the
     * change queued for the central register.
     */
    public Optional<Problem> issueNewCard(UUID patronId, String raw, CardReplacement reason) {
        Optional<Problem> notAllowed = staff.refusal("issue");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        Patron patron = store.patron(patronId).orElse(null);
        if (patron == null) {
            return Optional.of(Problem.of("patron.gone"));
        }
        CardLookup lookup = issuing.lookUp(raw);
        if (lookup instanceof CardLookup.Invalid invalid) {
            return Optional.of(invalid.problem());
        }
        if (lookup instanceof CardLookup.Issued || lookup instanceof CardLookup.OtherLibrary) {
            return Optional.of(Problem.of("issue.conflict.card_number_taken"));
        }
        if (lookup instanceof CardLookup.Retired) {
            return Optional.of(Problem.of("issue.conflict.card_number_retired"));
        }
        String number = ((CardLookup.Free) lookup).card().value();
        // A card another desk issued first, while the desks were apart, was never this patron's:
        // it is not retired, and no reason is asked.
        String held = holdsCard(patron) ? patron.cardNumber() : null;
        if (held != null && reason == null) {
            return Optional.of(Problem.of("newCard.reasonRequired", held));
        }
        String retiredReason = held == null ? null : reason.name();
        // Refused by the central register (its card was taken): with the new card it is registered again.
        OutboxEntry change = store.registrationRefused(patronId)
                ? new OutboxEntry(patronId, OutboxKind.PATRON_CREATED, "{}")
                : new OutboxEntry(patronId, OutboxKind.PATRON_UPDATED, retiredReason == null ? "{}"
                        : json.createObjectNode().put("cardRetiredBecause", retiredReason).toString());
        try {
            store.replaceCard(patronId, number, held, retiredReason,
                    audit(held == null ? "CARD_ISSUED" : "CARD_REPLACED", patronId,
                            retiredReason == null ? "" : "reason=" + retiredReason), List.of(change));
        } catch (PatronStore.ConflictException e) {
            return Optional.of(Problem.of("issue.conflict." + e.code()));
        }
        return Optional.empty();
    }

    /**
     * Changes a patron's e-mail, phone and contact address, with the same checks as at
     * registration. Patrons whose address comes from the national register keep that address.
     */
    public Optional<Problem> changeContact(UUID patronId, String email, String phone, app.carddesk.domain.Address a) {
        Optional<Problem> notAllowed = staff.refusal("edit");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        Patron patron = store.patron(patronId).orElse(null);
        if (patron == null) {
            return Optional.of(Problem.of("patron.gone"));
        }
        Optional<Problem> problem = ContactRules.checkEmail(email).or(() -> ContactRules.checkPhone(phone));
        app.carddesk.domain.Address address = patron.registrationKind() == RegistrationKind.NATIONAL_ID
                ? patron.address() : a;
        if (problem.isEmpty()) {
            problem = ContactRules.checkAddress(address.line(), address.postalCode(), address.city(),
                    address.country(), issuing.profile().country());
        }
        if (problem.isPresent()) {
            return problem;
        }
        store.changeContact(patronId, IssuingService.blankToNull(email), IssuingService.blankToNull(phone),
                new app.carddesk.domain.Address(
                        address.line().trim(), address.postalCode().trim(), address.city().trim(),
                        address.country() == null ? "" : address.country().trim()),
                audit("CONTACT_CHANGED", patronId, ""), List.of(new OutboxEntry(patronId, OutboxKind.PATRON_UPDATED, "{}")));
        return Optional.empty();
    }

    /** The patron's guardians and the children they are guardian of. */
    public List<PatronSummary> relatives(UUID patronId) {
        return store.relatives(patronId);
    }

    /** What was done with a patron's record and when, for the "what is stored about me" report. */
    public List<AuditEntry> auditTrail(UUID patronId) {
        return store.auditTrail(patronId);
    }

    /** Whether the patron's card is theirs: not one another desk issued first while the desks were apart. */
    public boolean holdsCard(Patron patron) {
        return patron.cardNumber() != null && store.card(patron.cardNumber())
                .filter(c -> c.status() == CardStatus.ISSUED && patron.id().equals(c.patronId())).isPresent();
    }

    /** Whether the central register refused this patron's registration (Needs attention says why). */
    public boolean registrationRefused(UUID patronId) {
        return store.registrationRefused(patronId);
    }

    /** The patron's record was opened on screen: a view is audited like a change. */
    public void viewed(UUID patronId) {
        store.recordAudit(staff.audit(clock, "PATRON_VIEWED", patronId, ""));
    }

    /** A "what is stored about me" report was made for the patron: audited, then its history read. */
    public List<AuditEntry> reportMade(UUID patronId) {
        store.recordAudit(staff.audit(clock, "REPORT_MADE", patronId, ""));
        return store.auditTrail(patronId);
    }

    /**
     * The signed-in person saved the audit to a file: in the trail as reading it is, with the record
     * it was about (when it was a patron's) and what the detail says (never a name or a number of theirs).
     */
    public void auditSaved(UUID patronId, String detail) {
        store.recordAudit(staff.audit(clock, "AUDIT_SAVED", patronId, detail));
    }

    /** The work queue of patrons on replacement numbers. */
    public List<Patron> needingReRegistration() {
        return store.needingReRegistration();
    }

    public List<Patron> expiredShortStay() {
        return store.expiredShortStay(issuing.today());
    }

    /** Deletes an expired short-stay patron; refused when they still have a balance. */
    public Optional<Problem> deleteExpired(UUID patronId) {
        Optional<Problem> notAllowed = staff.refusal("delete_expired");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        Patron p = store.patron(patronId).orElse(null);
        if (p == null) {
            return Optional.of(Problem.of("patron.gone"));
        }
        if (!p.isDeletable(issuing.today())) {
            return Optional.of(Problem.of(p.hasUnsettledBalance() ? "expiring.keptBalance" : "expiring.notExpired"));
        }
        store.delete(patronId, audit("PATRON_DELETED_EXPIRED", patronId, "kind=SHORT_STAY"),
                List.of(new OutboxEntry(patronId, OutboxKind.PATRON_DELETED,
                        json.createObjectNode().put("patronId", patronId.toString()).toString())));
        return Optional.empty();
    }

    /** The library where the patron collects what they order (their home library); the patron may change it. */
    public Optional<Problem> changePickupLibrary(UUID patronId, String pickupLibraryCode) {
        Optional<Problem> notAllowed = staff.refusal("edit");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        if (issuing.profile().pickupLibraries().stream().noneMatch(l -> l.code().equals(pickupLibraryCode))) {
            return Optional.of(Problem.of("pickup.required"));
        }
        try {
            store.changePickupLibrary(patronId, pickupLibraryCode, audit("PICKUP_LIBRARY_CHANGED", patronId, ""),
                    List.of(new OutboxEntry(patronId, OutboxKind.PATRON_UPDATED, "{}")));
        } catch (PatronStore.ConflictException e) {
            return Optional.of(Problem.of("issue.conflict." + e.code()));
        }
        return Optional.empty();
    }

    public Optional<Problem> updateBalances(UUID patronId, long feesOwedMinor, long printCreditMinor) {
        Optional<Problem> notAllowed = staff.refusal("edit");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        if (feesOwedMinor < 0 || printCreditMinor < 0) {
            return Optional.of(Problem.of("balance.negative"));
        }
        store.updateBalances(patronId, feesOwedMinor, printCreditMinor,
                audit("BALANCES_EDITED", patronId, ""),
                List.of(new OutboxEntry(patronId, OutboxKind.BALANCES_EDITED, json.createObjectNode()
                        .put("patronId", patronId.toString()).put("feesOwedMinor", feesOwedMinor)
                        .put("printCreditMinor", printCreditMinor).toString())));
        return Optional.empty();
    }


    private AuditEntry audit(String action, UUID patronId, String detail) {
        return staff.audit(clock, action, patronId, detail);
    }
}
