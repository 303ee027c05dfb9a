package app.carddesk.store;

import app.carddesk.domain.Address;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The desk's one mapping between a patron's row in the register and the domain's patron, both
 * ways: a new patron field is read and written here, and nowhere else in the store (the column
 * list of an INSERT comes from {@link #columns}).
 */
public final class PatronRows implements RowMapper<StoredPatron> {

    /** The patron's row as column names and values, in the table's words, with the search keys. */
    static Map<String, Object> columns(Patron p, String pinHash) {
        Address a = p.address() == null ? Address.empty() : p.address();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id());
        row.put("card_number", p.cardNumber());
        row.put("identity_kind", p.identityKind().name());
        row.put("identity_number", p.identity() == null ? null : p.identity().number());
        row.put("surname", p.surname());
        row.put("given_name", p.givenName());
        row.put("surname_key", ContactRules.nameKey(p.surname()));
        row.put("given_name_key", ContactRules.nameKey(p.givenName()));
        row.put("birth_date", p.birthDate());
        row.put("email", p.email());
        row.put("email_key", ContactRules.emailKey(p.email()));
        row.put("phone", p.phone());
        row.put("phone_key", ContactRules.phoneKey(p.phone()));
        row.put("address_line", a.line());
        row.put("postal_code", a.postalCode());
        row.put("city", a.city());
        row.put("country", a.country());
        row.put("category_code", p.categoryCode());
        row.put("pickup_library_code", p.pickupLibraryCode());
        row.put("registration_kind", p.registrationKind().name());
        row.put("expires_on", p.expiresOn());
        row.put("pin_delivery", p.pinDelivery().name());
        row.put("pin_hash", pinHash);
        row.put("pin_change_advised", p.pinChangeAdvised());
        row.put("fees_owed_minor", p.feesOwedMinor());
        row.put("print_credit_minor", p.printCreditMinor());
        row.put("created_at", p.createdAt());
        row.put("created_by", p.createdBy());
        row.put("updated_at", p.createdAt());
        row.put("version", p.version());
        return row;
    }

    /**
     * The columns a desk keeps as it wrote them when the central register's version arrives: the
     * PIN (the central keeps its own proof), who registered the patron and when, and the desk's own
     * row version.
     */
    private static final java.util.Set<String> DESK_OWNS = java.util.Set.of("id", "pin_delivery", "pin_hash",
            "pin_change_advised", "created_at", "created_by", "updated_at", "version");

    /** {@code column = :column} for each column of {@code row} the central register owns. */
    static List<String> fromCentral(Map<String, Object> row) {
        return row.keySet().stream().filter(c -> !DESK_OWNS.contains(c)).map(c -> c + " = :" + c).toList();
    }

    @Override
    public StoredPatron map(ResultSet rs, StatementContext ctx) throws SQLException {
        IdentityKind kind = IdentityKind.valueOf(rs.getString("identity_kind"));
        LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
        IdentityNumber identity = kind == IdentityKind.NONE ? null
                : new IdentityNumber(kind, rs.getString("identity_number"), kind == IdentityKind.DUF ? null : birthDate);
        Patron patron = new Patron(rs.getObject("id", UUID.class), rs.getString("card_number"), identity,
                rs.getString("surname"), rs.getString("given_name"), birthDate, rs.getString("email"),
                rs.getString("phone"), new Address(nz(rs.getString("address_line")), nz(rs.getString("postal_code")),
                nz(rs.getString("city")), nz(rs.getString("country"))), rs.getString("category_code"),
                rs.getString("pickup_library_code"), RegistrationKind.valueOf(rs.getString("registration_kind")),
                rs.getObject("expires_on", LocalDate.class), PinDelivery.valueOf(rs.getString("pin_delivery")),
                rs.getBoolean("pin_change_advised"), rs.getLong("fees_owed_minor"), rs.getLong("print_credit_minor"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                rs.getInt("version"));
        return new StoredPatron(patron, rs.getString("pin_hash"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
