package app.carddesk.issuing;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks the central register for a patron of this library the desk does not know yet (issued at
 * another desk, not pulled yet), and takes them into the local store. Offline, it knows nobody.
 */
public interface CentralLookup {

    Optional<UUID> patronByCard(String cardNumber);

    Optional<UUID> patronByIdentity(String identityNumber);

    /** Whether a card number belongs to a patron of another library of the country (national card). */
    default boolean registeredElsewhere(String cardNumber) {
        return false;
    }

    /** For a desk without a central register. */
    static CentralLookup none() {
        return new CentralLookup() {
            @Override
            public Optional<UUID> patronByCard(String cardNumber) {
                return Optional.empty();
            }

            @Override
            public Optional<UUID> patronByIdentity(String identityNumber) {
                return Optional.empty();
            }
        };
    }
}
