package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Who may do what with a patron (ADR 0008). The home library owns the master data: identity,
 * name, contact, card and PIN. A library the patron joined (a member library) sees what its desk
 * needs — no national ID, contact data masked — and changes only its own membership and standing.
 * Deleting a patron or merging one away is the home library's alone, and never while any library
 * reports something outstanding.
 */
final class PatronAccess {

    private PatronAccess() {
    }

    /** The patron, if the caller's library is their home library; 404 when not visible, 403 when a member only. */
    static CentralPatronRow home(Handle h, Caller caller, UUID id) {
        CentralPatronRow patron = PatronRegistry.visibleOrNotFound(Daos.on(h, CentralPatronDao.class), caller, id);
        if (!isHome(caller, patron)) {
            String home = Daos.on(h, CentralDaos.Libraries.class).byCode(patron.libraryCode())
                    .map(CentralDaos.Library::name).orElse(patron.libraryCode());
            throw new ApiException(403, ErrorCode.NOT_HOME_LIBRARY, "id", "This patron's home library is " + home
                    + ". Only the home library changes their details, card or PIN, deletes or merges them; "
                    + "this library changes only its own membership and standing.");
        }
        return patron;
    }

    static boolean isHome(Caller caller, CentralPatronRow patron) {
        return patron.libraryCode().equals(caller.library().code());
    }

    /** The patron as this caller may see them: everything at the home library, less at a member library. */
    static Api.Patron shown(Caller caller, CentralPatronRow row, List<CentralDaos.Guardians.Link> guardians) {
        Api.Patron full = PatronMapper.toApi(row, guardians);
        return isHome(caller, row) ? full : masked(full);
    }

    /** The patron as a member library's feed carries them. */
    static Api.Patron shown(String library, CentralPatronRow row) {
        Api.Patron full = PatronMapper.toApi(row);
        return row.libraryCode().equals(library) ? full : masked(full);
    }

    /**
     * What a member library's desk needs to recognise and serve the patron: name, birth date, card,
     * category and pickup library. The national ID keeps only its kind; e-mail and phone show just
     * enough for the patron to recognise them; the street address is left out.
     */
    static Api.Patron masked(Api.Patron p) {
        Api.Identity identity = p.identity() == null ? null : new Api.Identity(p.identity().kind(), null);
        Api.Address a = p.address();
        Api.Address address = a == null ? null : new Api.Address(null, null, a.city(), a.country());
        return p.withContact(identity, maskEmail(p.email()), maskPhone(p.phone()), address);
    }

    /** {@code kari.nordmann@example.org} becomes {@code k***@example.org}. */
    static String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at).toLowerCase(Locale.ROOT);
    }

    /** Only the last two digits stay. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 2 ? "***" : "***" + digits.substring(digits.length() - 2);
    }

    /**
     * Refuses, with the counts per library, while any library other than {@code except} (null: any)
     * reports open loans, reminders or claims for the patron.
     */
    static void requireNothingOutstanding(Handle h, UUID id, String except, String action) {
        List<Api.Membership> open = Daos.on(h, CentralDaos.Memberships.class).of(id).stream()
                .filter(m -> except == null || !m.libraryCode().equals(except))
                .filter(m -> m.loans() > 0 || m.reminders() > 0 || m.claims() > 0)
                .map(m -> new Api.Membership(m.libraryCode(), m.libraryName(), false, m.rulesVersion(),
                        m.rulesAcceptedAt(), m.loans(), m.reminders(), m.claims()))
                .toList();
        if (!open.isEmpty()) {
            throw new ApiException(409, ErrorCode.OPEN_STANDING, "id", "The patron cannot be " + action + " while "
                    + open.size() + (open.size() == 1 ? " library reports" : " libraries report")
                    + " loans, reminders or claims: " + String.join(", ", open.stream().map(m -> m.libraryName()
                    + " (" + m.loans() + " loans, " + m.reminders() + " reminders, " + m.claims() + " claims)")
                    .toList()) + ". Settle them first.", null, open);
        }
    }
}
