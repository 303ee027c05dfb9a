package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.domain.RegistrationKind;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The central's one mapping between a patron's row and the wire document: what the feed reads in
 * one query, and what the API answers (never the PIN hash).
 */
final class PatronMapper {

    private PatronMapper() {
    }

    /** A patron row read straight from a result set, for the change feed's one-query pages. */
    static CentralPatronRow row(java.sql.ResultSet rs) throws SQLException {
        return new CentralPatronRow(rs.getObject("id", UUID.class), rs.getString("library_code"),
                rs.getString("card_number"), rs.getString("identity_kind"), rs.getString("identity_number"),
                rs.getString("surname"), rs.getString("given_name"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("email"), rs.getString("phone"), rs.getString("address_line"), rs.getString("postal_code"),
                rs.getString("city"), rs.getString("country"), rs.getString("category_code"),
                rs.getString("pickup_library_code"), rs.getString("registration_kind"),
                rs.getObject("expires_on", LocalDate.class), rs.getLong("fees_owed_minor"),
                rs.getLong("print_credit_minor"), null, rs.getInt("version"), null, null);
    }

    /** The patron as the API shows it: never the PIN hash. */
    public static Api.Patron toApi(CentralPatronRow r) {
        return new Api.Patron(r.id(), r.cardNumber(), new Api.Identity(r.identityKind(), r.identityNumber()),
                r.surname(), r.givenName(), r.birthDate(), r.email(), r.phone(),
                new Api.Address(r.addressLine(), r.postalCode(), r.city(), r.country()), r.pickupLibraryCode(),
                r.categoryCode(), r.expiresOn(), RegistrationKind.EXPECTS_NATIONAL_ID.name().equals(r.registrationKind()),
                r.feesOwedMinor(), r.printCreditMinor(), r.version(), List.of());
    }

    /** The patron as the API shows it, with their guardians. */
    public static Api.Patron toApi(CentralPatronRow r, List<CentralDaos.Guardians.Link> guardians) {
        return toApi(r).withGuardians(guardians.stream().map(g -> new Api.Guardian(g.guardianId(), g.consentAt()))
                .toList());
    }
}
