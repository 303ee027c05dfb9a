package app.carddesk.central;

import app.carddesk.api.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The small central tables, one DAO each. */
public final class CentralDaos {

    private CentralDaos() {
    }

    /** A library as the central service knows it, and the workstation that is calling. */
    public record Library(String code, String name, String country, boolean testProfile, int maxShortStayDays,
                          int guardianAge) {
    }

    /** Who calls: the library, the workstation's name, and the desk (its local register), if it says. */
    public record Caller(Library library, String workstation, String deskId, StaffSessions.Staff staff,
                         String credential) {
        public Caller(Library library, String workstation) {
            this(library, workstation, null, null, null);
        }

        public Caller withDesk(String desk) {
            // Stored with each change of the feed: anything that is not a short line of text names no desk.
            return new Caller(library, workstation, desk == null || desk.isBlank() || desk.length() > 40
                    || app.carddesk.api.FieldLimit.hasControlCharacter(desk) ? null : desk, staff, credential);
        }

        /** The same workstation, acting for a signed-in person. */
        public Caller withStaff(StaffSessions.Staff person) {
            return new Caller(library, workstation, deskId, person, credential);
        }

        /**
         * Refuses what the signed-in person's roles at this library do not allow (403, the
         * permission named). A request without a session is the workstation's own, as desks sent
         * before staff signed in.
         */
        public void require(app.carddesk.api.Permission permission) {
            if (staff != null && !staff.permissions().contains(permission)) {
                throw StaffSessions.denied(permission, library.code());
            }
        }

        /** Refuses a request without a signed-in person who holds {@code permission} here. */
        public StaffSessions.Staff requireStaff(app.carddesk.api.Permission permission) {
            requireStaffSession();
            require(permission);
            return staff;
        }

        /** Refuses a request that acts for no signed-in person. */
        public StaffSessions.Staff requireStaffSession() {
            // A person a queued change was made by is not signed in: administration needs a session.
            if (staff == null || staff.sessionHash() == null) {
                throw new ApiException(401, app.carddesk.api.ErrorCode.SESSION_INVALID, SESSION,
                        "Sign in first: this request needs a signed-in person (the " + SESSION + " header).");
            }
            return staff;
        }

        private static final String SESSION = app.carddesk.api.Api.SESSION_HEADER;
    }

    public interface Libraries {
        /** A workstation that is not revoked, with its library: what authenticating a request needs, in one read. */
        record Workstation(String code, String name, String country, boolean testProfile, int maxShortStayDays,
                           int guardianAge, String workstation) {
            Library library() {
                return new Library(code, name, country, testProfile, maxShortStayDays, guardianAge);
            }
        }

        @SqlQuery("SELECT l.code, l.name, l.country, l.test_profile, l.max_short_stay_days, l.guardian_age, "
                + "w.name AS workstation FROM workstation w "
                + "JOIN library l ON l.code = w.library_code WHERE w.token_hash = :hash AND w.revoked_at IS NULL")
        Optional<Workstation> byToken(@Bind("hash") String tokenHash);

        @SqlQuery("SELECT COUNT(*) FROM workstation WHERE token_hash = :hash AND revoked_at IS NOT NULL")
        int revoked(@Bind("hash") String tokenHash);

        @SqlUpdate("MERGE INTO workstation (token_hash, library_code, name) KEY (token_hash) "
                + "VALUES (:hash, :library, :name)")
        void registerWorkstationH2(@Bind("hash") String hash, @Bind("library") String library,
                                   @Bind("name") String name);

        @SqlUpdate("INSERT INTO workstation (token_hash, library_code, name) VALUES (:hash, :library, :name) "
                + "ON CONFLICT (token_hash) DO NOTHING")
        void registerWorkstationPostgres(@Bind("hash") String hash, @Bind("library") String library,
                                         @Bind("name") String name);

        @SqlQuery("SELECT code, name, country, test_profile, max_short_stay_days, guardian_age FROM library "
                + "WHERE code = :code")
        Optional<Library> byCode(@Bind("code") String code);

        @SqlUpdate("INSERT INTO library (code, name, country, test_profile, max_short_stay_days) "
                + "VALUES (:code, :name, :country, :test, 365)")
        void add(@Bind("code") String code, @Bind("name") String name, @Bind("country") String country,
                 @Bind("test") boolean test);
    }

    public interface CardSeries {
        record Row(long id, String libraryCode, String prefix, int digits, long rangeFrom, long rangeTo) {
        }

        @SqlQuery("SELECT id, library_code, prefix, digits, range_from, range_to FROM card_series "
                + "WHERE library_code = :library ORDER BY id")
        List<Row> ofLibrary(@Bind("library") String library);

        @SqlQuery("SELECT id, library_code, prefix, digits, range_from, range_to FROM card_series ORDER BY id")
        List<Row> all();

        @SqlQuery("SELECT id, library_code, prefix, digits, range_from, range_to FROM card_series WHERE id = :id")
        Optional<Row> byId(@Bind("id") long id);

        /** Cards ever issued with numbers from {@code first} to {@code last} (same length: text order is number order). */
        @SqlQuery("SELECT COUNT(*) FROM card WHERE number BETWEEN :first AND :last AND LENGTH(number) = :length")
        long cardsBetween(@Bind("first") String first, @Bind("last") String last, @Bind("length") int length);

        @SqlUpdate("DELETE FROM card_series WHERE id = :id")
        int withdraw(@Bind("id") long id);

        @SqlUpdate("INSERT INTO card_series (library_code, prefix, digits, range_from, range_to) "
                + "VALUES (:library, :prefix, :digits, :from, :to)")
        @GetGeneratedKeys("id")
        long reserve(@Bind("library") String library, @Bind("prefix") String prefix, @Bind("digits") int digits,
                     @Bind("from") long from, @Bind("to") long to);
    }

    public interface Idempotency {
        record Answer(String requestHash, int status, String body) {
        }

        record Keyed(String libraryCode, String idemKey, String requestHash, int status, String body) {
        }

        /** By key alone, so the database uses the index led by the key; the caller checks the library. */
        @SqlQuery("SELECT library_code, idem_key, request_hash, status, body FROM idempotency "
                + "WHERE idem_key IN (<keys>)")
        List<Keyed> findAll(@org.jdbi.v3.sqlobject.customizer.BindList("keys") java.util.Collection<String> keys);

        @SqlQuery("SELECT request_hash, status, body FROM idempotency WHERE library_code = :library "
                + "AND idem_key = :key")
        Optional<Answer> find(@Bind("library") String library, @Bind("key") String key);

        /**
         * Takes a key for a request before its write, in the write's transaction: a concurrent
         * request with the key waits on this row until that transaction ends.
         */
        @SqlUpdate("INSERT INTO idempotency (library_code, idem_key, request_hash, status, body, created_at) "
                + "VALUES (:library, :key, :hash, 0, '', :at)")
        void claim(@Bind("library") String library, @Bind("key") String key, @Bind("hash") String hash,
                   @Bind("at") Instant at);

        @SqlUpdate("UPDATE idempotency SET status = :status, body = :body WHERE library_code = :library "
                + "AND idem_key = :key")
        void answer(@Bind("library") String library, @Bind("key") String key, @Bind("status") int status,
                    @Bind("body") String body);
    }

    /** A batch of registrations written at once: memberships, cards, feed, audit and remembered answers. */
    public interface RegistrationBatch {
        /** One patron of the batch, as the rows beside their own need them. */
        /** A registration of a batch, and who made it (null: the workstation's own). */
        record Registered(UUID id, String cardNumber, Instant createdAt, String detail, String staffUser,
                          String staffRoles) {
        }

        /** The answer to one item's Idempotency-Key. */
        record Remembered(String key, String hash, String body) {
        }

        @SqlBatch("INSERT INTO membership (patron_id, library_code, activated_at) VALUES (:id, :library, :createdAt)")
        void memberships(@BindMethods List<Registered> rows, @Bind("library") String library);

        @SqlBatch("INSERT INTO card (number, status, patron_id, library_code, issued_at) "
                + "VALUES (:cardNumber, 'ISSUED', :id, :library, :createdAt)")
        void cards(@BindMethods List<Registered> withCards, @Bind("library") String library);

        @SqlBatch("INSERT INTO change_feed (library_code, patron_id, kind, at, desk_id) "
                + "VALUES (:library, :id, 'CREATED', :at, :desk)")
        void created(@BindMethods List<Registered> rows, @Bind("library") String library, @Bind("at") Instant at,
                     @Bind("desk") String desk);

        @SqlBatch("INSERT INTO audit_event (at, library_code, workstation, staff_user, staff_roles, action, patron_id, "
                + "detail) VALUES (:at, :library, :workstation, :staffUser, :staffRoles, 'PATRON_REGISTERED', :id, "
                + ":detail)")
        void audited(@BindMethods List<Registered> rows, @Bind("library") String library,
                     @Bind("workstation") String workstation, @Bind("at") Instant at);

        @SqlBatch("INSERT INTO idempotency (library_code, idem_key, request_hash, status, body, created_at) "
                + "VALUES (:library, :key, :hash, 201, :body, :at)")
        void remembered(@BindMethods List<Remembered> answers, @Bind("library") String library, @Bind("at") Instant at);
    }

    /** Bulk look-ups for batches of registrations. */
    public interface Bulk {
        record CardRow(String number, String status, UUID patronId) {
        }

        record IdentityRow(String identityNumber, UUID id) {
        }

        @SqlQuery("SELECT number, status, patron_id FROM card WHERE number IN (<numbers>)")
        List<CardRow> cards(@org.jdbi.v3.sqlobject.customizer.BindList("numbers") java.util.Collection<String> numbers);

        @SqlQuery("SELECT identity_number, id FROM patron WHERE identity_number IN (<numbers>)")
        List<IdentityRow> identities(@org.jdbi.v3.sqlobject.customizer.BindList("numbers")
                                     java.util.Collection<String> numbers);

        /** Of these patrons, those the library can see: registered there, or members there. */
        @SqlQuery("SELECT p.id FROM patron p WHERE p.id IN (<ids>) AND (p.library_code = :library OR EXISTS "
                + "(SELECT 1 FROM membership m WHERE m.patron_id = p.id AND m.library_code = :library))")
        List<UUID> visibleIds(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<UUID> ids,
                              @Bind("library") String library);

        @SqlQuery("SELECT id FROM patron WHERE id IN (<ids>)")
        List<UUID> existingIds(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<UUID> ids);

        @SqlQuery("SELECT " + CentralPatronDao.COLUMNS + " FROM patron WHERE id IN (<ids>)")
        List<CentralPatronRow> patrons(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<UUID> ids);
    }

    public interface ChangeFeed {
        @SqlUpdate("INSERT INTO change_feed (library_code, patron_id, kind, at, desk_id) "
                + "VALUES (:library, :patron, :kind, :at, :desk)")
        void append(@Bind("library") String library, @Bind("patron") UUID patron, @Bind("kind") ChangeKind kind,
                    @Bind("at") Instant at, @Bind("desk") String desk);

        /**
         * A change for every library the patron is a member of; the one that made it is told it was
         * its own desk's ({@code desk}), so that desk is not sent back what it has.
         */
        @SqlUpdate("INSERT INTO change_feed (library_code, patron_id, kind, at, desk_id) "
                + "SELECT library_code, :patron, :kind, :at, CASE WHEN library_code = :library THEN :desk END "
                + "FROM membership WHERE patron_id = :patron")
        void toMembers(@Bind("patron") UUID patron, @Bind("kind") ChangeKind kind, @Bind("at") Instant at,
                       @Bind("library") String library, @Bind("desk") String desk);
    }

    public interface Audit {
        // The cast: an entry about no patron (a search) binds a null PostgreSQL would otherwise take for text.
        @SqlUpdate("INSERT INTO audit_event (at, library_code, workstation, action, patron_id, detail) "
                + "VALUES (:at, :library, :workstation, :action, CAST(:patron AS UUID), :detail)")
        void append(@Bind("at") Instant at, @Bind("library") String library, @Bind("workstation") String workstation,
                    @Bind("action") String action, @Bind("patron") UUID patron, @Bind("detail") String detail);

        @SqlUpdate("INSERT INTO audit_event (at, library_code, workstation, staff_user, staff_roles, action, "
                + "patron_id, detail) VALUES (:at, :library, :workstation, :staff, :roles, :action, "
                + "CAST(:patron AS UUID), :detail)")
        void appendWithStaff(@Bind("at") Instant at, @Bind("library") String library,
                             @Bind("workstation") String workstation, @Bind("staff") String staff,
                             @Bind("roles") String roles, @Bind("action") String action, @Bind("patron") UUID patron,
                             @Bind("detail") String detail);

        /**
         * An entry for what a request did: its library, workstation and the signed-in person with
         * the roles they held there, if any.
         */
        default void appendFor(Caller caller, Instant at, String action, UUID patron, String detail) {
            StaffSessions.Staff staff = caller.staff();
            appendWithStaff(at, caller.library().code(), caller.workstation(),
                    staff == null ? null : staff.userName(), staff == null ? null : String.join(",", staff.roles()),
                    action, patron, detail);
        }

        /**
         * Who saw and changed a patron's record, and the records merged into it, oldest first: the
         * central register's entries and the desks', but not those of {@code desk} (the asking desk
         * adds its own trail itself).
         */
        @SqlQuery("SELECT at, library_code, staff_user, staff_roles, action FROM audit_event "
                + "WHERE (patron_id = :patron OR patron_id IN (SELECT merged_id FROM patron_alias "
                + "WHERE survivor_id = :patron)) "
                + "AND (desk_id IS NULL OR CAST(:desk AS VARCHAR(40)) IS NULL OR desk_id <> :desk) ORDER BY at, id")
        @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(HistoryRow.class)
        List<HistoryRow> history(@Bind("patron") UUID patron, @Bind("desk") String desk);

        record HistoryRow(Instant at, String libraryCode, String staffUser, String staffRoles, String action) {
        }

        /** The latest entry of a patron's PIN mail: asked for, or how it ended. */
        @SqlQuery("SELECT at, action, detail FROM audit_event WHERE patron_id = :patron AND (action = 'PIN_EMAILED' "
                + "OR (action IN ('MAIL_SENT', 'MAIL_REFUSED', 'MAIL_GIVEN_UP') AND detail LIKE :kind)) "
                + "ORDER BY id DESC LIMIT 1")
        @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(MailRow.class)
        Optional<MailRow> lastPinMail(@Bind("patron") UUID patron, @Bind("kind") String kindPattern);

        record MailRow(Instant at, String action, String detail) {
        }
    }

    /** A patron's memberships of libraries, with the standing each library's own system reports. */
    public interface Memberships {
        record Row(UUID patronId, String libraryCode, String libraryName, Integer rulesVersion,
                   Instant rulesAcceptedAt, int loans, int reminders, int claims) {
        }

        @SqlUpdate("INSERT INTO membership (patron_id, library_code, activated_at, rules_version, "
                + "rules_accepted_at) VALUES (:patron, :library, :at, :rules, :acceptedAt)")
        void add(@Bind("patron") UUID patron, @Bind("library") String library, @Bind("at") Instant at,
                 @Bind("rules") Integer rulesVersion, @Bind("acceptedAt") Instant acceptedAt);

        @SqlQuery("SELECT COUNT(*) > 0 FROM membership WHERE patron_id = :patron AND library_code = :library")
        boolean isMember(@Bind("patron") UUID patron, @Bind("library") String library);

        /** The patron proved who they are at this library with their PIN. */
        @SqlUpdate("UPDATE membership SET proof = 'PIN' WHERE patron_id = :patron AND library_code = :library")
        void provedByPin(@Bind("patron") UUID patron, @Bind("library") String library);

        @SqlQuery("SELECT m.patron_id, m.library_code, l.name AS library_name, m.rules_version, m.rules_accepted_at, "
                + "m.loans, m.reminders, m.claims FROM membership m JOIN library l ON l.code = m.library_code "
                + "WHERE m.patron_id = :patron ORDER BY m.activated_at, m.library_code")
        List<Row> of(@Bind("patron") UUID patron);

        @SqlUpdate("UPDATE membership SET loans = :loans, reminders = :reminders, claims = :claims, "
                + "standing_updated_at = :at WHERE patron_id = :patron AND library_code = :library")
        int setStanding(@Bind("patron") UUID patron, @Bind("library") String library, @Bind("loans") int loans,
                        @Bind("reminders") int reminders, @Bind("claims") int claims, @Bind("at") Instant at);

        @SqlUpdate("DELETE FROM membership WHERE patron_id = :patron AND library_code = :library")
        int remove(@Bind("patron") UUID patron, @Bind("library") String library);

        @SqlUpdate("DELETE FROM membership WHERE patron_id = :patron")
        int removeAll(@Bind("patron") UUID patron);

        @SqlQuery("SELECT version FROM loan_rules WHERE library_code = :library ORDER BY version DESC LIMIT 1")
        Optional<Integer> currentRulesVersion(@Bind("library") String library);

        /** The text in the language asked for, in English where the library gave none in it. */
        @SqlQuery("SELECT COALESCE(CASE WHEN :lang = 'da' THEN text_da WHEN :lang = 'nb' THEN text_nb END, text_en) "
                + "FROM loan_rules WHERE library_code = :library AND version = :version")
        Optional<String> rulesText(@Bind("library") String library, @Bind("version") int version,
                                   @Bind("lang") String language);
    }

    /** Children's guardians and their consent. */
    public interface Guardians {
        record Link(UUID childId, UUID guardianId, Instant consentAt) {
        }

        @SqlQuery("SELECT child_id, guardian_id, consent_at FROM guardian_link WHERE child_id = :child "
                + "ORDER BY consent_at")
        List<Link> ofChild(@Bind("child") UUID child);

        @SqlQuery("SELECT child_id, guardian_id, consent_at FROM guardian_link WHERE child_id IN (<children>) "
                + "ORDER BY consent_at")
        List<Link> ofChildren(@org.jdbi.v3.sqlobject.customizer.BindList("children") java.util.Collection<UUID> children);

        @SqlQuery("SELECT COUNT(*) FROM guardian_link WHERE child_id = :child AND guardian_id = :guardian")
        int count(@Bind("child") UUID child, @Bind("guardian") UUID guardian);

        @SqlUpdate("INSERT INTO guardian_link (child_id, guardian_id, consent_at, recorded_by) "
                + "VALUES (:child, :guardian, :at, :by)")
        void add(@Bind("child") UUID child, @Bind("guardian") UUID guardian, @Bind("at") Instant consentAt,
                 @Bind("by") String recordedBy);

        @SqlUpdate("DELETE FROM guardian_link WHERE child_id = :id OR guardian_id = :id")
        int removeAll(@Bind("id") UUID patron);
    }
}
