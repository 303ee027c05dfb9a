package app.carddesk.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The administration a library's administrator does at the desk, which the central register
 * answers for: the library's staff accounts and new desks' enrolment codes, the verification round
 * of every personal account (the organisation administrator schedules it; each library's
 * administrator decides their library's accounts) and the signs that a personal account serves as
 * a system account. Only online.
 */
public interface StaffAdministration extends LibrarySettingsKeeper {

    /** One library's accounts in the round, by state. */
    record Progress(String library, String libraryName, int pending, int verified, int reactivated, int closed) {
    }

    /** The open round, or the last one; {@code startedAt} null while scheduled, {@code endedAt} once decided. */
    record Round(Instant startsAt, String scheduledBy, Instant startedAt, Instant endedAt, List<Progress> libraries) {
        public Round {
            libraries = List.copyOf(libraries);
        }
    }

    /** An account in the running round; {@code state} is pending, verified, reactivated or closed. */
    record Account(UUID id, String userName, String displayName, String workEmail, List<String> roles, String state,
                   String decidedBy) {
        public Account {
            roles = List.copyOf(roles);
        }
    }

    /** An account after a decision, and its one-time password when re-activated and not mailed. */
    record Decided(Account account, String oneTimePassword) {
    }

    /**
     * One entry of the library's audit: who did or saw what, where and when.
     *
     * @param library the library whose staff made it, when another than this one (a patron of this
     *                library seen or changed there); null for this library's own
     * @param libraryName that library's name; null with it, or when the register no longer knows it
     */
    record AuditEntry(Instant at, String staffUser, String roles, String workstation, String action, UUID patronId,
                      String cardNumber, String detail, String library, String libraryName) {

        /** The central register's own work (its mail sender, retention job, operator) by its code, if it is that. */
        public java.util.Optional<String> centralActor() {
            return app.carddesk.api.CentralActor.of(workstation).map(Enum::name);
        }
    }

    /** A page of the audit, newest first; {@code before} asks for the next one, null at the oldest. */
    record AuditPage(List<AuditEntry> entries, Long before) {
        public AuditPage {
            entries = List.copyOf(entries);
        }
    }

    /** A sign that a personal account serves as a system account: {@code several_workstations} or {@code session_used_as_api}. */
    record Sign(String userName, String kind, int count, Instant lastAt) {
    }

    /** Card numbers used and left in one of the library's series; {@code warning} from 90 % used. */
    record Stock(String prefix, int digits, long from, long to, long used, long left, boolean warning) {
    }

    /** The central register refused, with its stable code (such as {@code already_decided}), message and field. */
    final class RefusedException extends RuntimeException {
        private final String code;
        private final String field;

        public RefusedException(String code, String message) {
            this(code, message, null);
        }

        public RefusedException(String code, String message, String field) {
            super(message);
            this.code = code;
            this.field = field;
        }

        public String code() {
            return code;
        }

        /** The field of the request refused, as a JSON path, when the register named one. */
        public String field() {
            return field;
        }
    }

    /** The central register could not be reached. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }

    /** A new personal account at this library, with the roles the person works in. */
    record NewAccount(String userName, String displayName, String workEmail, List<String> roles) {
        public NewAccount {
            roles = List.copyOf(roles);
        }
    }

    /**
     * Makes a personal account at the signed-in person's library (library administrators); the
     * answer holds its one-time password, to hand over in person.
     */
    Decided create(NewAccount account);

    /** The library's staff accounts; each {@link Account#state()} is active, inactive, locked or locked_for_a_while. */
    List<Account> staff();

    /** Locks an account of the library until an administrator unlocks it; its sessions end. */
    Account lock(UUID account);

    /** Unlocks an account of the library. */
    Account unlock(UUID account);

    /**
     * The roles an account holds at the library, in place of those it held; the person works with
     * them from their next step. Never the signed-in person's own account.
     */
    Account setRoles(UUID account, List<String> roles);

    /** Corrects the person's full name (their user name stays). */
    Account rename(UUID account, String displayName);

    /** A one-time code to type at a new desk of the library, valid until {@code expiresAt}. */
    record EnrolmentCode(String code, Instant expiresAt, String workstationName) {
    }

    /** A desk of the library that joined the organisation; {@code revokedAt} null while it works. */
    record Desk(UUID id, String name, Instant enrolledAt, Instant revokedAt) {
    }

    /** The library's desks, those revoked among them (library administrators). */
    List<Desk> desks();

    /**
     * Revokes a desk of the library (a stolen or retired machine): its credential stops working at
     * once. Revoking a revoked desk changes nothing.
     */
    Desk revoke(UUID desk);

    /** Makes an enrolment code for a new desk of the signed-in person's library (library administrators). */
    EnrolmentCode enrolmentCode(String workstationName);

    /** The open round, or the newest; empty when there has been none. */
    Optional<Round> round();

    /** This library's accounts in the running round. */
    List<Account> roundAccounts();

    /** Decides an account: {@code verified}, {@code reactivated} (with {@code mail}: to the work address) or {@code closed}. */
    Decided decide(UUID account, String decision, boolean mail);

    /** Schedules a round (organisation administrators). */
    Round schedule(Instant startsAt);

    /** Calls off the scheduled round before it starts (organisation administrators). */
    void cancel();

    List<Sign> signs();

    /**
     * A page of the library's audit (the central register's entries and the desks'), by patron (their
     * record's id or a card that leads to it), staff member, both or neither; newest first; for a
     * person whose roles include reading the audit; within a period when one is given.
     */
    AuditPage audit(AuditQuery query, Long before);

    /**
     * Whom the audit is read about (a record, a card that leads to one, a staff member), and the
     * period: from {@code since} until just before {@code until}, either end open (null).
     */
    record AuditQuery(UUID patron, String cardNumber, String staffUser, Instant since, Instant until) {
    }
}
