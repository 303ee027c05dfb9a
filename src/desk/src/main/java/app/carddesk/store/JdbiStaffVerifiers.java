package app.carddesk.store;

import app.carddesk.staff.StaffVerifiers;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The sign-in verifiers in the desk's register (V8__staff_sign_in.sql), written by the register's writer. */
public final class JdbiStaffVerifiers implements StaffVerifiers {

    private final Database db;

    public JdbiStaffVerifiers(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Verifier> find(String userName) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT user_name, display_name, password_hash, permissions, "
                        + "signed_in_online_at, roles FROM staff_verifier WHERE user_name = :user").bind("user", userName)
                .map((rs, ctx) -> new Verifier(rs.getString(1), rs.getString(2), rs.getString(3), list(rs.getString(6)),
                        Set.copyOf(list(rs.getString(4))), rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
                .findOne());
    }

    @Override
    public void save(Verifier v) {
        db.writer().useHandle(h -> h.createUpdate("MERGE INTO staff_verifier (user_name, display_name, password_hash, "
                        + "permissions, signed_in_online_at, roles) KEY (user_name) "
                        + "VALUES (:user, :name, :hash, :permissions, :at, :roles)")
                .bind("user", v.userName()).bind("name", v.displayName()).bind("hash", v.passwordHash())
                .bind("permissions", String.join(",", new java.util.TreeSet<>(v.permissions())))
                .bind("at", v.signedInOnlineAt()).bind("roles", String.join(",", v.roles())).execute());
    }

    private static java.util.List<String> list(String commaSeparated) {
        return commaSeparated == null ? java.util.List.of() : Arrays.stream(commaSeparated.split(","))
                .filter(p -> !p.isBlank()).toList();
    }

    @Override
    public void forget(String userName) {
        db.writer().useHandle(h -> h.createUpdate("DELETE FROM staff_verifier WHERE user_name = :user")
                .bind("user", userName).execute());
    }
}
