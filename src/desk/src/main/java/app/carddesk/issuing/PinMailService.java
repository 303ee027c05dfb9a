package app.carddesk.issuing;

import app.carddesk.domain.Patron;
import app.carddesk.domain.Problem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A patron's PIN by e-mail after their card was issued: where the last PIN mail is (at this desk,
 * waiting for the mail server, sent, refused) and a new PIN e-mailed when it did not arrive. The
 * central register makes and mails the PIN; the desk only asks for it, through its outbox.
 */
public final class PinMailService {

    private final NationalRegister national;
    private final PatronStore store;
    private final StaffContext staff;
    private final Clock clock;

    PinMailService(NationalRegister national, PatronStore store, StaffContext staff, Clock clock) {
        this.national = national;
        this.store = store;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The outbox entry that asks the central register for a PIN mail: to the address staff
     * confirmed (the central sends none when the patron's address is another by then).
     */
    static OutboxEntry request(UUID patronId, String language, String email) {
        String payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("patronId", patronId.toString()).put("language", language).put("email", email).toString();
        return new OutboxEntry(patronId, OutboxKind.PIN_EMAIL_REQUESTED, payload);
    }

    /** Where the patron's last PIN mail is; UNKNOWN when the central register cannot be asked. */
    public PinMailStatus status(UUID patronId) {
        if (store.pinMailWaiting(patronId)) {
            return PinMailStatus.of(PinMailStatus.Where.AT_DESK);
        }
        if (!national.available()) {
            return PinMailStatus.of(PinMailStatus.Where.UNKNOWN);
        }
        try {
            return national.pinMail(patronId);
        } catch (NationalRegister.UnavailableException e) {
            return PinMailStatus.of(PinMailStatus.Where.UNKNOWN);
        } catch (NationalRegister.RefusedException e) {
            // Not this person's to know (their roles), or not this library's patron: nothing to tell.
            return PinMailStatus.of(PinMailStatus.Where.NONE);
        }
    }

    /**
     * Asks the central register to make a new random PIN and e-mail it to the patron's address as
     * it is now, in {@code language}; it replaces the PIN they had once it is made. Offline, the
     * request waits at this desk and goes when it is connected.
     */
    public Optional<Problem> emailNewPin(UUID patronId, String language) {
        Optional<Problem> refused = staff.refusal("issue");
        if (refused.isPresent()) {
            return refused;
        }
        Optional<Patron> patron = store.patron(patronId);
        if (patron.isEmpty()) {
            return Optional.of(Problem.of("patron.gone"));
        }
        String email = patron.get().email();
        if (email == null || email.isBlank()) {
            return Optional.of(Problem.of("pinMail.noEmail"));
        }
        try {
            store.requestPinMail(patronId, staff.audit(clock, "NEW_PIN_EMAIL_REQUESTED", patronId, ""),
                    List.of(request(patronId, language, email)));
        } catch (PatronStore.ConflictException e) {
            return Optional.of(Problem.of("patron.gone"));
        }
        return Optional.empty();
    }
}
