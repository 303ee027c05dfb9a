package app.carddesk.issuing;

import app.carddesk.domain.Checked;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.Problem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patron's memberships of the country's libraries, as the desk handles them: finding a patron
 * registered at another library, activating them here once they accepted this library's loan
 * rules, and unsubscribing (which keeps them where loans, reminders or claims remain).
 */
public final class MembershipService {

    /** A search answered: the patron, or a problem to show. */
    public record Found(NationalRegister.NationalPatron patron, Problem problem) {
    }

    /** An unsubscription done: whether the patron is gone, and the libraries where they remain. */
    public record Unsubscribed(boolean deleted, List<NationalRegister.Membership> remaining, Problem problem) {
    }

    private final CurrentProfile current;
    private final NationalRegister national;
    private final PatronStore store;
    private final StaffContext staff;
    private final Clock clock;

    public MembershipService(LibraryProfile profile, NationalRegister national, PatronStore store, StaffContext staff,
                             Clock clock) {
        this(new CurrentProfile(profile), national, store, staff, clock);
    }

    public MembershipService(CurrentProfile current, NationalRegister national, PatronStore store, StaffContext staff,
                             Clock clock) {
        this.current = current;
        this.national = national;
        this.store = store;
        this.staff = staff;
        this.clock = clock;
        this.pinMails = new PinMailService(national, store, staff, clock);
    }

    private final PinMailService pinMails;

    /** The patron's PIN mails: where the last one is, and a new one. */
    public PinMailService pinMails() {
        return pinMails;
    }

    public boolean online() {
        return national.available();
    }

    /** Finds a patron by card number or national ID, whichever the text is. */
    public Found find(String text) {
        if (!national.available()) {
            return new Found(null, Problem.of("national.needsCentral"));
        }
        Checked<app.carddesk.domain.CardNumber> card = current.get().cardNumberPolicy().check(text);
        String cardNumber = null;
        String identity = null;
        if (card.isOk()) {
            cardNumber = card.value().value();
        } else {
            var id = current.get().identityValidator().check(text, java.time.LocalDate.now(clock));
            if (!id.isOk()) {
                return new Found(null, Problem.of("activate.cardOrId"));
            }
            identity = id.value().number();
        }
        try {
            String c = cardNumber;
            String i = identity;
            return national.find(c, i).map(p -> new Found(p, null))
                    .orElseGet(() -> new Found(null, Problem.of("activate.notFound")));
        } catch (NationalRegister.UnavailableException e) {
            return new Found(null, Problem.of("national.unavailable"));
        }
    }

    public Optional<NationalRegister.LoanRules> loanRules(String language) {
        return fromRegister(() -> national.loanRules(language));
    }

    /** The libraries the patron belongs to, with their standing; empty offline or without a central register. */
    public List<NationalRegister.Membership> memberships(UUID id) {
        return fromRegister(() -> national.memberships(id)).orElse(List.of());
    }

    /**
     * Who saw and changed the patron's record in the organisation's register, for their report;
     * empty offline or without a central register (the report says so).
     */
    public Optional<List<NationalRegister.HistoryEntry>> history(UUID id) {
        return fromRegister(() -> national.history(id));
    }

    /**
     * How long the organisation's register keeps what for this library; empty offline, and without a
     * central register (see {@link #connected()}), where nothing is deleted on a schedule.
     */
    public Optional<NationalRegister.Retention> retention() {
        return fromRegister(national::retention);
    }

    /** Whether this desk works with an organisation's register (offline or not). */
    public boolean connected() {
        return national.available();
    }

    /** What the register answers; empty without one, offline, or when it refuses. */
    private <T> Optional<T> fromRegister(java.util.function.Supplier<T> read) {
        if (!national.available()) {
            return Optional.empty();
        }
        try {
            return Optional.of(read.get());
        } catch (NationalRegister.UnavailableException | NationalRegister.RefusedException e) {
            return Optional.empty();
        }
    }

    /** Whether staff may type this library's standing themselves: only in a demo or test current.get(). */
    public boolean standingEditable() {
        return current.get().testProfile() && national.available();
    }

    /**
     * Sets this library's loans, reminders and claims for the patron, standing in for the library
     * system (demo and test profiles only).
     */
    public Optional<Problem> reportStanding(UUID id, int loans, int reminders, int claims) {
        Optional<Problem> notAllowed = staff.refusal("edit");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        if (!standingEditable()) {
            return Optional.of(Problem.of("national.needsCentral"));
        }
        if (loans < 0 || reminders < 0 || claims < 0) {
            return Optional.of(Problem.of("standing.negative"));
        }
        try {
            national.reportStanding(id, loans, reminders, claims);
        } catch (NationalRegister.UnavailableException e) {
            return Optional.of(Problem.of("national.unavailable"));
        } catch (NationalRegister.RefusedException e) {
            return Optional.of(Problem.of("national.refused"));
        }
        store.recordAudit(staff.audit(clock, "STANDING_EDITED",
                id, "demo"));
        return Optional.empty();
    }

    /**
     * Activates the patron here after they accepted loan rules {@code rulesVersion} and typed their
     * PIN, which the central register checks (wrong PINs count towards a lock).
     */
    public Optional<Problem> activate(UUID id, int rulesVersion, boolean makeHome, String pin) {
        // A new membership is desk work, as a new card is: the central register refuses it too.
        Optional<Problem> notAllowed = staff.refusal("issue");
        if (notAllowed.isPresent()) {
            return notAllowed;
        }
        try {
            national.activate(id, rulesVersion, makeHome, pin);
        } catch (NationalRegister.UnavailableException e) {
            return Optional.of(Problem.of("national.unavailable"));
        } catch (NationalRegister.RefusedException e) {
            return Optional.of(Problem.of(switch (e.code()) {
                case "loan_rules_outdated" -> "activate.rulesOutdated";
                case "pin_wrong", "pin_required" -> "activate.pinWrong";
                case "pin_locked" -> "activate.pinLocked";
                case "pin_not_set" -> "activate.pinNotSet";
                default -> "national.refused";
            }));
        }
        store.recordAudit(staff.audit(clock, "PATRON_ACTIVATED",
                id, "rules=" + rulesVersion + ";home=" + makeHome + ";proof=PIN"));
        return Optional.empty();
    }

    /**
     * Unsubscribes the patron. Online, the central register removes them wherever nothing remains
     * and names the libraries where something does; the desk drops them if this library is not one
     * of those. A desk without a central register deletes them from its own store.
     */
    public Unsubscribed unsubscribe(UUID id) {
        Optional<Problem> refused = unsubscribeRefused(id);
        if (refused.isPresent()) {
            return new Unsubscribed(false, List.of(), refused.get());
        }
        AuditEntry audit = staff.audit(clock, "PATRON_UNSUBSCRIBED", id, "");
        if (!national.available()) {
            store.delete(id, audit, List.of(new OutboxEntry(id, OutboxKind.PATRON_DELETED, "{}")));
            return new Unsubscribed(true, List.of(), null);
        }
        NationalRegister.Removal result;
        try {
            result = national.unsubscribe(id);
        } catch (NationalRegister.UnavailableException e) {
            return new Unsubscribed(false, List.of(), Problem.of("national.unavailable"));
        } catch (NationalRegister.RefusedException e) {
            return new Unsubscribed(false, List.of(), Problem.of("national.refused"));
        }
        boolean stillHere = result.remaining().stream().anyMatch(m -> m.library().equals(current.get().code()));
        if (result.deleted()) {
            store.delete(id, audit, List.of());
        } else if (!stillHere) {
            store.forget(id, audit);
        } else {
            store.recordAudit(audit);
        }
        return new Unsubscribed(result.deleted(), result.remaining(), null);
    }

    /**
     * Why the patron may not be unsubscribed now, if they may not: asked before staff are asked to
     * confirm, and again as it is done.
     */
    public Optional<Problem> unsubscribeRefused(UUID id) {
        return staff.refusal("unsubscribe").or(() -> childLeftWithoutGuardian(id));
    }

    /**
     * A child under the guardian age is registered on a guardian's consent: the last guardian of such
     * a child stays until the child is unsubscribed first or comes of age.
     */
    private Optional<Problem> childLeftWithoutGuardian(UUID id) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        int age = current.get().guardianAge();
        for (PatronSummary child : store.relatives(id)) {
            if ("CHILD".equals(child.reason()) && app.carddesk.domain.GuardianRule.required(child.birthDate(), today, age)
                    && store.relatives(child.id()).stream().filter(r -> "GUARDIAN".equals(r.reason())).count() == 1) {
                String guardian = store.patron(id).map(app.carddesk.domain.Patron::fullName).orElse("");
                return Optional.of(Problem.of("unsubscribe.lastGuardian", guardian,
                        app.carddesk.domain.PersonName.full(child.givenName(), child.surname()), age));
            }
        }
        return Optional.empty();
    }
}
