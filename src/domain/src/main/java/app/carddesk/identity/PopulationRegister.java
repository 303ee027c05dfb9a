package app.carddesk.identity;

import app.carddesk.domain.IdentityNumber;
import java.util.Optional;

/**
 * A national population register (the Danish CPR, the Norwegian Folkeregisteret) seen from the
 * desk: given a checked identity number, the person's master data.
 */
public interface PopulationRegister {

    /**
     * @return the person, or empty when the register has no one with that number
     * @throws RegisterUnavailableException when the register cannot be asked right now
     */
    Optional<PersonRecord> find(IdentityNumber identity);

    /**
     * Whether this register holds synthetic people only (the stand-in): a library with real patrons
     * ({@code testProfile: false}) is never answered from it.
     */
    default boolean synthetic() {
        return false;
    }

    /**
     * Thrown when no register of real people is connected for this library (only the stand-in is):
     * trying again does not help, and the desk says so.
     */
    final class NotConnectedException extends RuntimeException {
        public NotConnectedException(String message) {
            super(message);
        }
    }

    /** Thrown when a register cannot be reached; the desk says so and lets staff try again. */
    final class RegisterUnavailableException extends RuntimeException {
        public RegisterUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
