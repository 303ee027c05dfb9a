package app.carddesk.issuing;

import app.carddesk.api.Api;
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

    boolean available();

    Optional<Api.NationalPatron> find(String cardNumber, String identity);

    Api.LoanRules loanRules(String language);

    /** Activates the patron here; afterwards they are in the local store. */
    void activate(UUID id, int rulesVersion, boolean makeHome, String pin);

    List<Api.Membership> memberships(UUID id);

    Api.Unsubscribed unsubscribe(UUID id);

    /** Reports this library's standing for the patron, as its circulation system would (demo profiles). */
    Api.Membership reportStanding(UUID id, Api.Standing standing);

    static NationalRegister none() {
        return new NationalRegister() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Optional<Api.NationalPatron> find(String cardNumber, String identity) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public Api.LoanRules loanRules(String language) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public void activate(UUID id, int rulesVersion, boolean makeHome, String pin) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public List<Api.Membership> memberships(UUID id) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public Api.Unsubscribed unsubscribe(UUID id) {
                throw new UnavailableException("no central register configured");
            }

            @Override
            public Api.Membership reportStanding(UUID id, Api.Standing standing) {
                throw new UnavailableException("no central register configured");
            }
        };
    }
}
