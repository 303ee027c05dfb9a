package app.carddesk.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON documents of the central API, version 1 (see {@code openapi.yaml}). */
public final class Api {

    private Api() {
    }

    /** A national identity number: kind CPR, FNR, D_NUMBER, DUF or NONE. */
    public record Identity(String kind, String number) {
    }

    public record Address(String line, String postalCode, String city, String country) {
    }

    /**
     * A patron as desks send and receive them. {@code pinHash} goes one way only: a desk sends the
     * salted Argon2id hash of the patron's own PIN with a registration, so that the patron can prove
     * who they are at another library; the central service never sends a PIN hash.
     */
    public record Patron(UUID id, String cardNumber, Identity identity, String surname, String givenName,
                         LocalDate birthDate, String email, String phone, Address address, String pickupLibrary,
                         String category, LocalDate expiresOn, Boolean expectsNationalId, Long feesOwedMinor,
                         Long printCreditMinor, Integer version, List<Guardian> guardians,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String pinHash) {

        public Patron {
            guardians = guardians == null ? List.of() : List.copyOf(guardians);
        }

        public Patron(UUID id, String cardNumber, Identity identity, String surname, String givenName,
                      LocalDate birthDate, String email, String phone, Address address, String pickupLibrary,
                      String category, LocalDate expiresOn, Boolean expectsNationalId, Long feesOwedMinor,
                      Long printCreditMinor, Integer version, List<Guardian> guardians) {
            this(id, cardNumber, identity, surname, givenName, birthDate, email, phone, address, pickupLibrary,
                    category, expiresOn, expectsNationalId, feesOwedMinor, printCreditMinor, version, guardians, null);
        }

        /** The same patron with these guardians. */
        public Patron withGuardians(List<Guardian> newGuardians) {
            return new Patron(id, cardNumber, identity, surname, givenName, birthDate, email, phone, address,
                    pickupLibrary, category, expiresOn, expectsNationalId, feesOwedMinor, printCreditMinor, version,
                    newGuardians, pinHash);
        }

        /** The same patron with this national ID and contact (as a member library sees them, masked). */
        public Patron withContact(Identity newIdentity, String newEmail, String newPhone, Address newAddress) {
            return new Patron(id, cardNumber, newIdentity, surname, givenName, birthDate, newEmail, newPhone, newAddress,
                    pickupLibrary, category, expiresOn, expectsNationalId, feesOwedMinor, printCreditMinor, version,
                    guardians, pinHash);
        }

        /** The same patron under this id, as a desk addressed them in a path. */
        public Patron withId(UUID newId) {
            return new Patron(newId, cardNumber, identity, surname, givenName, birthDate, email, phone, address,
                    pickupLibrary, category, expiresOn, expectsNationalId, feesOwedMinor, printCreditMinor, version,
                    guardians, pinHash);
        }
    }

    /** A child's guardian (another patron) and when they consented. */
    public record Guardian(UUID guardianId, java.time.Instant consentAt) {
    }

    public record Created(UUID id, int version, List<String> warnings) {
    }

    /**
     * A refusal. {@code openStanding} lists, for a patron who may not be deleted or merged away yet,
     * the libraries that report open loans, reminders or claims.
     */
    public record Error(String error, String field, String message, UUID existingId,
                        List<Membership> openStanding) {
        public Error(String error, String field, String message, UUID existingId) {
            this(error, field, message, existingId, null);
        }
    }

    /** One change of the feed: the patron as it is now, or only the id when deleted. */
    public record Change(long seq, ChangeKind kind, UUID patronId, Patron patron) {
    }

    public record Changes(List<Change> changes, long last, boolean more) {
    }

    /** A reserved card number series: numbers {@code prefix} + {@code digits} digits from {@code from} to {@code to}. */
    public record CardSeries(Long id, String library, String prefix, int digits, long from, long to) {
    }

    public record LookupRequest(String number) {
    }

    public record Person(Identity identity, String surname, String givenName, LocalDate birthDate, Address address) {
    }

    /**
     * A search for this library's patrons by exactly one of card number, national ID, e-mail,
     * phone or name (a name may come with a birth date). A POST, so that no national ID, name or
     * address ends up in a URL or a proxy's log.
     */
    public record PatronSearch(String cardNumber, String identity, String email, String phone, String name,
                               java.time.LocalDate birthDate) {
    }

    /** What a list of search results shows of a patron: no national ID, no address. */
    public record PatronFound(UUID id, String cardNumber, String givenName, String surname,
                              java.time.LocalDate birthDate) {
    }

    /** Up to {@link #SEARCH_LIMIT} patrons, best first; {@code more} when there are others. */
    public record PatronSearchResult(List<PatronFound> patrons, boolean more) {
    }

    /**
     * The largest request body the central register takes (413 above it): a desk sizes its batches
     * by bytes to stay below it.
     */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /** The longest Idempotency-Key (header, or a batch item's idempotencyKey) the central register keeps. */
    public static final int MAX_IDEMPOTENCY_KEY = 100;

    /** The most guardians a patron has. */
    public static final int MAX_GUARDIANS = 10;

    /** The largest amount (fees owed, print credit) in minor units: øre or cents. */
    public static final long MAX_AMOUNT_MINOR = 100_000_000_000L;

    /** The most registrations one batch holds. */
    public static final int MAX_BATCH_ITEMS = 500;

    /** The changes one page of the feed holds when the desk does not say. */
    public static final int FEED_PAGE_DEFAULT = 1_000;

    /** The most changes one page of the feed holds, whatever the desk asks for. */
    public static final int FEED_PAGE_MAX = 5_000;

    /** The most patrons one search returns. */
    public static final int SEARCH_LIMIT = 50;

    /**
     * @param email the address staff confirmed for this person when the PIN was asked for; when it
     *              is given and the patron's address is another one by now, no mail is sent
     */
    public record PinEmailRequest(String language, String email) {
    }

    /** Many registrations in one request, each with its own idempotency key. */
    /**
     * One registration of a batch, and the person who made it at the desk (possibly offline, hours
     * ago): the central register checks that person's permission when it arrives.
     */
    public record BatchItem(String idempotencyKey, Patron patron, String actingFor) {
        public BatchItem(String idempotencyKey, Patron patron) {
            this(idempotencyKey, patron, null);
        }
    }

    public record Batch(List<BatchItem> items) {
    }

    /** One answer per item, in order: the status and document a single request would have got. */
    public record BatchResult(String idempotencyKey, int status, com.fasterxml.jackson.databind.JsonNode body) {
    }

    public record BatchResults(List<BatchResult> results) {
    }

    /**
     * What a library's own circulation system reports about a patron there: open loans, reminders
     * and claims, and optionally when the patron last borrowed or returned something.
     */
    public record Standing(Integer loans, Integer reminders, Integer claims, java.time.Instant lastActivity) {
    }

    /** A patron's membership of one library. */
    /**
     * One thing done with a patron's record in the organisation's register: when, at which
     * library, in which roles (empty for a workstation's own request, such as a desk's sync), and
     * what. Staff names are never given out; each library's desk names its own staff where its
     * policy allows.
     */
    public record HistoryEntry(java.time.Instant at, String library, String libraryName, List<String> roles,
                               String action) {
    }

    public record Membership(String library, String libraryName, boolean home, Integer rulesVersion,
                             java.time.Instant rulesAcceptedAt, int loans, int reminders, int claims) {
        public boolean clear() {
            return loans == 0 && reminders == 0 && claims == 0;
        }
    }

    /** A patron registered anywhere in the country, as much as a desk needs to activate them. */
    public record NationalPatron(UUID id, String cardNumber, String surname, String givenName, LocalDate birthDate,
                                 String homeLibrary, String homeLibraryName, boolean activeHere) {
    }

    /** Search the country's register by card number or by national ID (one of them). */
    public record NationalSearch(String cardNumber, String identity) {
    }

    /** A library's loan rules in one language, and their version. */
    public record LoanRules(String library, int version, String text) {
    }

    /**
     * Activation at a new library, with the patron present: the loan rules version they accepted
     * and their PIN, checked against the one their home library holds.
     */
    public record Activation(Integer rulesVersion, Boolean makeHome, String pin) {
        public Activation(Integer rulesVersion, Boolean makeHome) {
            this(rulesVersion, makeHome, null);
        }
    }

    /** The outcome of unsubscribing: deleted from the register, or kept where something remains. */
    public record Unsubscribed(boolean deleted, List<Membership> remaining) {
    }

    /** Merge the patron {@code otherId} into the patron addressed, keeping one of their two cards. */
    public record MergeRequest(UUID otherId, String keepCardNumber) {
    }

    /**
     * The header with which a workstation names the person a queued change was made by, when it
     * sends the change without that person's session (made offline, or sent after they left).
     */
    public static final String ACTING_FOR_HEADER = "X-CardDesk-Acting-For";

    /** The header a desk's request carries to say which signed-in person it acts for. */
    public static final String SESSION_HEADER = "X-CardDesk-Session";

    /** With an edit that takes the patron's card out of use: why ({@link CardRetirement}). */
    public static final String CARD_RETIRED_HEADER = "X-CardDesk-Card-Retired-Because";

    /** A person signing in at a workstation. */
    public record SignIn(String userName, String password) {
    }

    /**
     * A signed-in person's session: its token (sent as {@link #SESSION_HEADER}), when it ends, and
     * what the person may do at this workstation's library. While {@code mustChangePassword} is
     * true the session serves only the password change. {@code registerKey} is the key of the calling
     * desk's register (Base64), when the central register holds it for this desk and this workstation
     * credential; else null.
     */
    public record Session(String token, java.time.Instant expiresAt, StaffAccount account, String registerKey) {
        public Session(String token, java.time.Instant expiresAt, StaffAccount account) {
            this(token, expiresAt, account, null);
        }

        public Session withRegisterKey(String key) {
            return new Session(token, expiresAt, account, key);
        }
    }

    /** A desk's register key (Base64 of 32 bytes), handed to the central register for escrow. */
    public record RegisterKey(String key) {
    }

    /** A staff account as its library's administrators and the person themself see it. */
    public record StaffAccount(UUID id, String userName, String displayName, String workEmail, String status,
                               boolean mustChangePassword, java.time.LocalDate validFrom,
                               java.time.LocalDate validUntil, List<String> roles, List<String> permissions) {
    }

    /** A password change by the signed-in person. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** A new personal account at the administrator's library, with its roles there. */
    public record NewStaffAccount(String userName, String displayName, String workEmail, List<String> roles,
                                  java.time.LocalDate validFrom, java.time.LocalDate validUntil) {
    }

    /** The roles an account holds at the administrator's library, in place of those it held. */
    public record StaffRoles(List<String> roles) {
    }

    public record StaffName(String displayName) {
    }

    /** A new account, or one given a new password, and the one-time password to hand over. */
    public record StaffAccountIssued(StaffAccount account, String oneTimePassword) {
    }

    /** The staff accounts of one library. */
    public record StaffAccounts(List<StaffAccount> accounts) {
    }

    /** An organisation administrator schedules a verification round of every personal account. */
    public record NewVerificationRound(java.time.Instant startsAt) {
    }

    /** How far one library is: its accounts by state. */
    public record RoundProgress(String library, String libraryName, int pending, int verified, int reactivated,
                                int closed) {
    }

    /**
     * A verification round: when it starts (and started), when it ended (every account decided),
     * and the progress of each library the caller may see (all of them for the organisation
     * administrator, their own for a library administrator).
     */
    public record VerificationRound(UUID id, java.time.Instant startsAt, String scheduledBy,
                                    java.time.Instant startedAt, java.time.Instant endedAt,
                                    List<RoundProgress> libraries) {
    }

    /** One account in a round, as its library's administrator works through the list. */
    public record RoundAccount(UUID accountId, String userName, String displayName, String workEmail,
                               List<String> roles, String state, String decidedBy, java.time.Instant decidedAt) {
    }

    public record RoundAccounts(List<RoundAccount> accounts) {
    }

    /**
     * A decision about one account: {@code verified} (checked, still inactive), {@code reactivated}
     * (active again with a new one-time password, handed over in person or, with {@code mail},
     * sent to the work address) or {@code closed}.
     */
    public record RoundDecision(String decision, Boolean mail) {
    }

    /** The account after a decision; the one-time password when re-activated and not mailed. */
    public record RoundDecided(RoundAccount account, String oneTimePassword) {
    }

    /** A person as a workstation names them (X-CardDesk-Acting-For): their roles and permissions here now. */
    public record ActingPerson(String userName, String displayName, List<String> roles, List<String> permissions) {
    }

    /** One weekday's staffed hours: {@code weekday} 1 (Monday) to 7 (Sunday), times like 08:00, local. */
    public record OpeningHours(int weekday, String opens, String closes) {
    }

    /** A library's staffed hours; a weekday left out is closed. */
    public record LibraryHours(List<OpeningHours> days) {
    }

    /** A library administrator asks for an enrolment code for a new workstation. */
    public record EnrolmentRequest(String workstationName) {
    }

    /** A one-time enrolment code to type at the new desk, valid until {@code expiresAt}. */
    public record EnrolmentCode(String code, java.time.Instant expiresAt, String library, String workstationName) {
    }

    /** A new desk trades its enrolment code for a credential of its own. */
    public record Enrol(String code) {
    }

    /** The new workstation's credential (its bearer token) and the library it belongs to. */
    public record Enrolled(String token, String library, String workstationName, UUID workstationId, String libraryName) {
    }

    /** An enrolled workstation of a library. */
    public record Workstation(UUID id, String name, java.time.Instant enrolledAt, java.time.Instant revokedAt) {
    }

    /** A library's enrolled workstations. */
    public record Workstations(List<Workstation> workstations) {
    }

    /**
     * A sign that a personal account serves as a system account: {@code several_workstations}
     * (open sessions at {@code count} workstations at once) or {@code session_used_as_api} (the
     * person's session sent {@code count} times as a workstation credential in 30 days).
     */
    public record StaffSign(String userName, String kind, int count, java.time.Instant lastAt) {
    }

    /** The signs for one library, for its administrators. */
    public record StaffSigns(List<StaffSign> signs) {
    }
}
