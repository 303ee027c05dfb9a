package app.carddesk.central;

import app.carddesk.api.AuditApi;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.FieldLimit;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The organisation's audit as a data-protection officer reads it: the central register's own
 * entries and those the desks send up from their own trails (who signed in, opened a record or
 * issued a card there, offline too), by patron or by staff member, for their own library only.
 */
final class AuditTrail {

    /** An action as the desks and the central register name them. */
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z_]{0,39}");

    private final Jdbi jdbi;
    private final Envelope envelope;
    private final Clock clock;

    AuditTrail(Jdbi jdbi, Envelope envelope, Clock clock) {
        this.jdbi = jdbi;
        this.envelope = envelope;
        this.clock = clock;
    }

    /** A desk's entry as stored with its library and workstation. */
    public record Stored(long seq, String desk, java.time.Instant at, String library, String workstation, String staff,
                  String roles, String action, UUID patronId, String detail) {
    }

    interface Dao {
        @SqlQuery("SELECT desk_seq FROM audit_event WHERE desk_id = :desk AND desk_seq IN (<seqs>)")
        List<Long> held(@Bind("desk") String desk, @BindList("seqs") List<Long> seqs);

        // The cast: an entry about no patron binds a null PostgreSQL would otherwise take for text.
        @SqlBatch("INSERT INTO audit_event (at, library_code, workstation, staff_user, staff_roles, action, patron_id, "
                + "detail, desk_id, desk_seq) VALUES (:at, :library, :workstation, :staff, :roles, :action, "
                + "CAST(:patronId AS UUID), :detail, :desk, :seq)")
        void store(@BindMethods List<Stored> entries);

        // Newest first by when it happened (a desk's entries arrive after the central register's own).
        @SqlQuery("SELECT a.id, a.at, a.staff_user, a.staff_roles AS roles, a.workstation, a.action, a.patron_id, "
                + "COALESCE(p.card_number, (SELECT MAX(c.number) FROM card c WHERE c.patron_id = a.patron_id)) "
                + "AS card_number, a.detail, CASE WHEN a.library_code = :library THEN NULL ELSE a.library_code END "
                + "AS library, CASE WHEN a.library_code = :library THEN NULL ELSE (SELECT l.name FROM library l "
                + "WHERE l.code = a.library_code) END AS library_name FROM audit_event a "
                + "LEFT JOIN patron p ON p.id = a.patron_id "
                // This library's entries; read by one of its patrons, also what other libraries did with them.
                + "WHERE (a.library_code = :library OR CAST(:patron AS UUID) IS NOT NULL AND EXISTS (SELECT 1 FROM "
                + "membership m WHERE m.patron_id = CAST(:patron AS UUID) AND m.library_code = :library)) "
                + "AND (CAST(:before AS BIGINT) IS NULL OR a.at < (SELECT b.at FROM audit_event b WHERE b.id = :before) "
                + "OR a.at = (SELECT b.at FROM audit_event b WHERE b.id = :before) AND a.id < :before) "
                + "AND (CAST(:patron AS UUID) IS NULL OR a.patron_id = CAST(:patron AS UUID)) "
                + "AND (CAST(:staff AS VARCHAR(60)) IS NULL OR a.staff_user = :staff) "
                + "AND a.at >= :since AND a.at < :until "
                // A desk's copy of a sign-in the register audited itself is listed once, as the register's.
                + "AND NOT (a.desk_id IS NOT NULL AND a.action = 'SIGNED_IN' AND COALESCE(a.detail, '') = :online) "
                + "ORDER BY a.at DESC, a.id DESC LIMIT :limit")
        @RegisterConstructorMapper(AuditApi.AuditEntry.class)
        List<AuditApi.AuditEntry> page(@Bind("library") String library, @Bind("patron") UUID patron,
                                       @Bind("staff") String staff, @Bind("since") Instant since,
                                       @Bind("until") Instant until, @Bind("before") Long before,
                                       @Bind("limit") int limit, @Bind("online") String online);

        /** The patron a card of this library leads to, if it still does. */
        @SqlQuery("SELECT patron_id FROM card WHERE number = :number AND library_code = :library")
        java.util.Optional<UUID> cardHolder(@Bind("number") String number, @Bind("library") String library);

        @SqlQuery("SELECT COUNT(*) > 0 FROM card WHERE number = :number AND library_code = :library")
        boolean cardKnown(@Bind("number") String number, @Bind("library") String library);
    }

    /**
     * Keeps a desk's entries, each once however often the desk sends it (it sends again what it
     * did not hear was kept). The whole request is refused when one entry is not an audit entry.
     */
    AuditApi.DeskAuditReceived receive(Caller caller, String body) {
        if (caller.deskId() == null) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "X-CardDesk-Desk", "Name the desk the entries come "
                    + "from in the X-CardDesk-Desk header (its id, at most 40 characters).");
        }
        AuditApi.DeskAuditEntries sent = envelope.parse(body, AuditApi.DeskAuditEntries.class);
        if (sent.entries() == null || sent.entries().isEmpty()) {
            throw invalid("entries", "Send at least one entry.");
        }
        if (sent.entries().size() > AuditApi.PAGE_MAX) {
            throw invalid("entries", "Send at most " + AuditApi.PAGE_MAX + " entries at once.");
        }
        List<Stored> entries = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long upTo = 0;
        for (int i = 0; i < sent.entries().size(); i++) {
            Stored e = checked(caller, sent.entries().get(i), "entries[" + i + "]");
            if (seen.add(e.seq())) {
                entries.add(e);
            }
            upTo = Math.max(upTo, e.seq());
        }
        int stored = jdbi.inTransaction(h -> {
            Dao dao = Daos.on(h, Dao.class);
            Set<Long> held = new HashSet<>(dao.held(caller.deskId(), entries.stream().map(Stored::seq).toList()));
            List<Stored> fresh = entries.stream().filter(e -> !held.contains(e.seq())).toList();
            if (!fresh.isEmpty()) {
                dao.store(fresh);
            }
            return fresh.size();
        });
        return new AuditApi.DeskAuditReceived(upTo, stored);
    }

    private Stored checked(Caller caller, AuditApi.DeskAuditEntry e, String at) {
        if (e == null) {
            throw invalid(at, "Each entry is an object, not null.");
        }
        if (e.seq() == null || e.seq() < 1) {
            throw invalid(at + ".seq", "Each entry needs its number at the desk, a whole number from 1.");
        }
        if (e.at() == null || e.at().isAfter(clock.instant().plus(java.time.Duration.ofDays(1)))) {
            throw invalid(at + ".at", "Each entry needs the moment it was made, not one in the future.");
        }
        if (e.action() == null || !ACTION.matcher(e.action()).matches()) {
            throw invalid(at + ".action", "An action is a name in capitals such as PATRON_VIEWED.");
        }
        text(e.staff(), AuditApi.STAFF_MAX, at + ".staff", true);
        text(e.roles(), AuditApi.ROLES_MAX, at + ".roles", false);
        text(e.detail(), AuditApi.DETAIL_MAX, at + ".detail", false);
        return new Stored(e.seq(), caller.deskId(), e.at(), caller.library().code(), caller.workstation(), e.staff(), e.roles(),
                e.action(), e.patronId(), e.detail() == null ? "" : e.detail());
    }

    private static void text(String value, int max, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(field, "This field is required.");
            }
            return;
        }
        if (value.length() > max || FieldLimit.hasControlCharacter(value)) {
            throw invalid(field, "At most " + max + " characters, without control characters.");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(422, ErrorCode.INVALID_FIELD, field, message);
    }

    /**
     * A page of this library's audit, newest first, by patron or staff member or both or neither;
     * for someone signed in whose roles include reading the audit. The reading is audited itself.
     */
    AuditApi.AuditPage read(Caller caller, AuditQuery q, long before, long limit) {
        String patronId = q.patronId();
        String cardNumber = q.cardNumber();
        String staffUser = q.staffUser();
        caller.requireStaff(Permission.AUDIT_READ);
        UUID patron;
        try {
            patron = patronId == null ? null : UUID.fromString(patronId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "patronId", "A patron id is a UUID.");
        }
        if (cardNumber != null) {
            patron = cardHolder(caller.library().code(), cardNumber, patron);
        }
        if (staffUser != null && (staffUser.isBlank() || staffUser.length() > 60
                || FieldLimit.hasControlCharacter(staffUser))) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "staffUser", "A user name has 1 to 60 characters.");
        }
        if (limit < 1) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "limit", "Ask for at least one entry.");
        }
        Instant since = moment(q.since(), "since", Instant.EPOCH);
        Instant until = moment(q.until(), "until", END_OF_TIME);
        if (!since.isBefore(until)) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "until", "The period ends after it begins.");
        }
        int size = (int) Math.min(limit, AuditApi.PAGE_MAX);
        Long from = before < 1 ? null : before;
        UUID about = patron;
        return jdbi.inTransaction(h -> {
            List<AuditApi.AuditEntry> page = Daos.on(h, Dao.class).page(caller.library().code(), about, staffUser,
                    since, until, from, size + 1, AuditApi.SIGNED_IN_WITH_CENTRAL);
            // The reading names whom it was about and the period asked for, when one was.
            String period = (q.since() == null ? "" : " since=" + since) + (q.until() == null ? "" : " until=" + until);
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "AUDIT_READ", about,
                    ((staffUser == null ? "" : "staff=" + staffUser) + period).strip());
            boolean more = page.size() > size;
            List<AuditApi.AuditEntry> shown = more ? page.subList(0, size) : page;
            return new AuditApi.AuditPage(List.copyOf(shown), more ? shown.get(shown.size() - 1).id() : null);
        });
    }

    /** Whose entries to read (by patron id, card or staff member) and the period (either end open), as asked. */
    record AuditQuery(String patronId, String cardNumber, String staffUser, String since, String until) {
    }

    /** Later than any entry: a period without an end. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static Instant moment(String text, String field, Instant otherwise) {
        if (text == null) {
            return otherwise;
        }
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            at = null;
        }
        if (at == null || at.isBefore(Instant.EPOCH) || at.isAfter(END_OF_TIME)) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, field, "A moment in UTC, such as "
                    + "2026-12-01T00:00:00Z.");
        }
        return at;
    }

    /**
     * The patron a card of this library leads to. A card retired when its patron was deleted or
     * merged leads nowhere any more: the entry of that deletion (found by the staff member who made
     * it) names the record, by which the rest of its trail is read.
     */
    private UUID cardHolder(String library, String cardNumber, UUID patron) {
        if (patron != null) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, "cardNumber", "Ask by a patron id or by a card "
                    + "number, not both.");
        }
        return jdbi.withExtension(Dao.class, d -> d.cardHolder(cardNumber, library).orElseThrow(() ->
                d.cardKnown(cardNumber, library)
                        ? new ApiException(410, ErrorCode.CARD_NUMBER_RETIRED, "cardNumber", "Card " + cardNumber + " was "
                        + "retired when its patron was deleted or merged: it leads to no record any more. Read the "
                        + "audit of the staff member who deleted them; that entry names the record.")
                        : new ApiException(404, ErrorCode.NOT_FOUND, "cardNumber", "No card " + cardNumber
                        + " was ever issued at this library.")));
    }
}
