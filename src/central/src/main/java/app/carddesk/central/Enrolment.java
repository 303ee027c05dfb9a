package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.CentralActor;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.FieldLimit;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Workstations joining a library: a library administrator makes a one-time enrolment code (24
 * hours), the new desk trades it for a credential of its own held by a system account, and an
 * administrator lists and revokes workstations. Codes and credentials are kept as SHA-256 hashes
 * only; every step is audited.
 */
final class Enrolment {

    static final Duration VALID = Duration.ofHours(24);

    interface Dao {
        record Code(String libraryCode, String workstationName, Instant expiresAt, Instant usedAt) {
        }

        record Enrolled(UUID accountId, String name, Instant enrolledAt, Instant revokedAt) {
        }

        @SqlUpdate("INSERT INTO enrolment_code (code_hash, library_code, workstation_name, created_by, created_at, "
                + "expires_at) VALUES (:hash, :library, :name, :by, :at, :expires)")
        void addCode(@Bind("hash") String hash, @Bind("library") String library, @Bind("name") String name,
                     @Bind("by") String by, @Bind("at") Instant at, @Bind("expires") Instant expires);

        @SqlQuery("SELECT library_code, workstation_name, expires_at, used_at FROM enrolment_code "
                + "WHERE code_hash = :hash")
        Optional<Code> code(@Bind("hash") String hash);

        /** Marks a code used; 0 when another request used it first. */
        @SqlUpdate("UPDATE enrolment_code SET used_at = :at WHERE code_hash = :hash AND used_at IS NULL")
        int use(@Bind("hash") String hash, @Bind("at") Instant at);

        @SqlUpdate("INSERT INTO staff_account (id, kind, user_name, display_name, must_change_password, active, "
                + "admin_locked, failed_attempts, created_at) VALUES (:id, 'SYSTEM', :user, :name, FALSE, TRUE, "
                + "FALSE, 0, :at)")
        void addSystemAccount(@Bind("id") UUID id, @Bind("user") String user, @Bind("name") String name,
                              @Bind("at") Instant at);

        @SqlUpdate("INSERT INTO workstation (token_hash, library_code, name, account_id, account_kind, enrolled_at) "
                + "VALUES (:hash, :library, :name, :id, 'SYSTEM', :at)")
        void addWorkstation(@Bind("hash") String hash, @Bind("library") String library, @Bind("name") String name,
                            @Bind("id") UUID account, @Bind("at") Instant at);

        @SqlQuery("SELECT account_id, name, enrolled_at, revoked_at FROM workstation WHERE library_code = :library "
                + "AND account_id IS NOT NULL ORDER BY enrolled_at")
        List<Enrolled> ofLibrary(@Bind("library") String library);

        @SqlUpdate("UPDATE workstation SET revoked_at = :at WHERE account_id = :id AND library_code = :library "
                + "AND revoked_at IS NULL")
        int revoke(@Bind("id") UUID account, @Bind("library") String library, @Bind("at") Instant at);

        @SqlUpdate("UPDATE staff_account SET active = FALSE WHERE id = :id AND kind = 'SYSTEM'")
        void deactivate(@Bind("id") UUID account);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    Enrolment(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A one-time code for a new workstation of the administrator's library. */
    Api.EnrolmentCode newCode(Caller caller, Api.EnrolmentRequest in) {
        StaffSessions.Staff admin = caller.requireStaff(Permission.WORKSTATION_ADMIN);
        String name = workstationName(in == null ? null : in.workstationName());
        String code = Secrets.typable(12);
        Instant now = clock.instant();
        Instant expires = now.plus(VALID);
        jdbi.useTransaction(h -> {
            Daos.on(h, Dao.class).addCode(Envelope.sha256(code), caller.library().code(), name, admin.userName(), now,
                    expires);
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, "ENROLMENT_CODE_MADE", null, "for=" + name + " by=" + admin.userName());
        });
        return new Api.EnrolmentCode(code, expires, caller.library().code(), name);
    }

    /**
     * A library's first workstation's code, made by the operator on the central's machine: before a
     * library has a desk, its administrator has nowhere to sign in to make one.
     */
    Api.EnrolmentCode codeByOperator(String library, String workstationName) {
        String name = workstationName(workstationName);
        if (jdbi.withExtension(CentralDaos.Libraries.class, d -> d.byCode(library)).isEmpty()) {
            throw new IllegalArgumentException("no library " + library + " in this register; import its configuration "
                    + "first");
        }
        String code = Secrets.typable(12);
        Instant now = clock.instant();
        Instant expires = now.plus(VALID);
        jdbi.useTransaction(h -> {
            Daos.on(h, Dao.class).addCode(Envelope.sha256(code), library, name, "operator", now, expires);
            Daos.on(h, CentralDaos.Audit.class).append(now, library, CentralActor.COMMAND_LINE.stored(),
                    "ENROLMENT_CODE_MADE", null,
                    "for=" + name + " by=operator");
        });
        return new Api.EnrolmentCode(code, expires, library, name);
    }

    private static String workstationName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty() || name.length() > 100 || FieldLimit.hasControlCharacter(name)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "workstationName", "Name the workstation in one "
                    + "line of at most 100 characters, for example 'Main desk 2'.");
        }
        return name;
    }

    /**
     * A new desk trades a code for its own credential; a used, expired or unknown code is refused alike.
     * A desk enrolled again ({@code deskId} names it) takes its register key in escrow to the new credential.
     */
    Api.Enrolled enrol(Api.Enrol in, String deskId) {
        String code = in == null || in.code() == null ? "" : in.code().strip().toLowerCase(java.util.Locale.ROOT);
        if (code.isEmpty() || code.length() > 40) {
            throw invalid();
        }
        String hash = Envelope.sha256(code);
        Instant now = clock.instant();
        String token = Secrets.token();
        UUID account = UUID.randomUUID();
        return jdbi.inTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            Dao.Code found = d.code(hash).filter(c -> c.usedAt() == null && c.expiresAt().isAfter(now))
                    .orElseThrow(Enrolment::invalid);
            if (d.use(hash, now) != 1) {
                throw invalid();
            }
            d.addSystemAccount(account, "ws-" + account, found.workstationName(), now);
            d.addWorkstation(Envelope.sha256(token), found.libraryCode(), found.workstationName(), account, now);
            if (deskId != null && deskId.length() <= 40) {
                Daos.on(h, RegisterKeys.Dao.class).follow(deskId, found.libraryCode(), Envelope.sha256(token));
            }
            Daos.on(h, CentralDaos.Audit.class).append(now, found.libraryCode(), found.workstationName(),
                    "WORKSTATION_ENROLLED", null, "account=" + account);
            String libraryName = Daos.on(h, CentralDaos.Libraries.class).byCode(found.libraryCode())
                    .map(CentralDaos.Library::name).orElse(found.libraryCode());
            return new Api.Enrolled(token, found.libraryCode(), found.workstationName(), account, libraryName);
        });
    }

    private static ApiException invalid() {
        return new ApiException(422, ErrorCode.ENROLMENT_CODE_INVALID, "code", "This enrolment code is not valid: "
                + "it was used already, is more than 24 hours old, or was mistyped. Ask your library's administrator "
                + "for a new one.");
    }

    Api.Workstations list(Caller caller) {
        caller.requireStaff(Permission.WORKSTATION_ADMIN);
        return new Api.Workstations(jdbi.withExtension(Dao.class, d -> d.ofLibrary(caller.library().code())).stream()
                .map(w -> new Api.Workstation(w.accountId(), w.name(), w.enrolledAt(), w.revokedAt())).toList());
    }

    /** Revokes a workstation of the administrator's library: its credential stops working at once. */
    Api.Workstation revoke(Caller caller, UUID account) {
        StaffSessions.Staff admin = caller.requireStaff(Permission.WORKSTATION_ADMIN);
        String library = caller.library().code();
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            if (d.revoke(account, library, now) == 1) {
                d.deactivate(account);
                Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, "WORKSTATION_REVOKED",
                        null, "account=" + account + " by=" + admin.userName());
            }
            return d.ofLibrary(library).stream().filter(w -> w.accountId().equals(account)).findFirst()
                    .map(w -> new Api.Workstation(w.accountId(), w.name(), w.enrolledAt(), w.revokedAt()))
                    .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND, "accountId", "No workstation of "
                            + library + " has this id."));
        });
    }
}
