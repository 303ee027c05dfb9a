package app.carddesk.issuing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The country's register of patrons behind the central service: patrons of other libraries (a
 * Norwegian national card works at every library), their memberships and standing, activating and
 * unsubscribing. Only online; a desk without a central register has none.
 */
public interface NationalRegister {

    /** The central service could not be reached. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }

    /** The central service refused, with a stable code and a message for staff. */
    final class RefusedException extends RuntimeException {
        private final String code;

        public RefusedException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A patron in the country's register, as another library's desk may see them. */
    record NationalPatron(UUID id, String cardNumber, String surname, String givenName, LocalDate birthDate,
                          String homeLibrary, String homeLibraryName, boolean activeHere) {
    }

    /** A library's loan rules, which a patron accepts when activated there. */
    record LoanRules(String library, int version, String text) {
    }

    /** A patron's membership of one library, with what they have there. */
    record Membership(String library, String libraryName, boolean home, Integer rulesVersion,
                      Instant rulesAcceptedAt, int loans, int reminders, int claims) {
        public boolean clear() {
            return loans == 0 && reminders == 0 && claims == 0;
        }
    }

    /** One thing done with a patron's record in the organisation's register; no staff names. */
    record HistoryEntry(Instant at, String library, String libraryName, List<String> roles, String action) {
        public HistoryEntry {
            roles = List.copyOf(roles);
        }
    }

    /**
     * How long the organisation's register keeps what for this library, as its daily deletion applies it.
     *
     * @param runsAtUtc       the daily deletion's time of day in UTC; null when its operator runs it by command
     * @param auditKeptMonths the audit trail's period; null: kept for good
     * @param inactiveYears   the inactivity period; null: inactive patrons stay until staff unsubscribe them
     * @param noticeDays      how long before that deletion the patron is sent a notice
     */
    record Retention(java.time.LocalTime runsAtUtc, Integer auditKeptMonths, int maxShortStayDays,
                     Integer inactiveYears, int noticeDays) {
    }

    /** What unsubscribing did: the patron was deleted, or stays where something remains. */
    record Removal(boolean deleted, List<Membership> remaining) {
        public Removal {
            remaining = List.copyOf(remaining);
        }
    }

    boolean available();

    Optional<NationalPatron> find(String cardNumber, String identity);

    LoanRules loanRules(String language);

    /** Activates the patron here; afterwards they are in the local store. */
    void activate(UUID id, int rulesVersion, boolean makeHome, String pin);

    List<Membership> memberships(UUID id);

    Removal unsubscribe(UUID id);

    /** Who saw and changed the patron's record at any library (the read is audited there). */
    List<HistoryEntry> history(UUID id);

    /** How long the register keeps what for this library. */
    Retention retention();

    /** Reports this library's standing for the patron, as its circulation system would (demo profiles). */
    Membership reportStanding(UUID id, int loans, int reminders, int claims);

    /** Where the patron's last PIN mail is at the central register (the home library asks). */
    PinMailStatus pinMail(UUID id);

    static NationalRegister none() {
        return new NationalRegister() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<NationalPatron> find(String cardNumber, String identity) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public LoanRules loanRules(String language) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public void activate(UUID id, int rulesVersion, boolean makeHome, String pin) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public List<Membership> memberships(UUID id) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public Removal unsubscribe(UUID id) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public List<HistoryEntry> history(UUID id) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public Retention retention() {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public Membership reportStanding(UUID id, int loans, int reminders, int claims) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public PinMailStatus pinMail(UUID id) {
                throw new UnavailableException("no central register configured");
            }
        };
    }
}
