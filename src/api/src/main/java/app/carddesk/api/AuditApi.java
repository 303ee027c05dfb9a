package app.carddesk.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit's wire documents: what desks send up of their own trails, and what an officer reads. */
public final class AuditApi {

    private AuditApi() {
    }

    /** The most audit entries a desk sends in one request, and one page of the audit holds. */
    public static final int PAGE_MAX = 500;

    /** The longest staff user name, list of roles and detail an entry carries. */
    public static final int STAFF_MAX = 60;
    public static final int ROLES_MAX = 200;
    public static final int DETAIL_MAX = 400;

    /**
     * The detail of a desk's own entry for a sign-in the central register made a session for (and
     * audited itself): kept in the chain, and listed once, as the register's entry, when the audit is read.
     */
    public static final String SIGNED_IN_WITH_CENTRAL = "with the central register";

    /**
     * One entry of a desk's own audit trail (who signed in, saw or did what there, offline too), sent
     * up so that the organisation's audit holds it: {@code seq} is its number at that desk.
     */
    public record DeskAuditEntry(Long seq, Instant at, String staff, String roles, String action,
                                 UUID patronId, String detail) {
    }

    /** A desk's audit entries, oldest first. */
    public record DeskAuditEntries(List<DeskAuditEntry> entries) {
    }

    /** The desk's entries up to {@code upTo} are held (again or for the first time); {@code stored} were new. */
    public record DeskAuditReceived(long upTo, int stored) {
    }

    /**
     * One entry of the audit, as a data-protection officer reads it; {@code cardNumber} is the card
     * of the record it is about (its current one, or the last that still leads to it), if any.
     *
     * @param library the library whose staff made the entry when it is another than the reader's (a
     *                patron of the reader's library looked up or changed there); null for the reader's own
     * @param libraryName that library's name, beside its code; null with it
     */
    public record AuditEntry(long id, Instant at, String staffUser, String roles, String workstation,
                             String action, UUID patronId, String cardNumber, String detail, String library,
                             String libraryName) {
    }

    /** A page of the audit, newest first (by when it happened); {@code before} asks for the next page, null at the oldest. */
    public record AuditPage(List<AuditEntry> entries, Long before) {
    }
}
