package app.carddesk.issuing;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks the central register for a patron of this library the desk does not know yet (issued at
 * another desk, not pulled yet), and takes them into the local store. Offline, it knows nobody.
 */
public interface CentralLookup {

    Optional<UUID> patronByCard(String cardNumber);

    /** What the central register knows of a card number this desk does not: a patron, a retired card, or nothing. */
    sealed interface CardAnswer {
        record Holder(UUID patronId) implements CardAnswer {
        }

        record Retired() implements CardAnswer {
        }

        record Unknown() implements CardAnswer {
        }
    }

    /** The central register's answer for a card number (its patron taken into the local store). */
    default CardAnswer card(String cardNumber) {
        return patronByCard(cardNumber).<CardAnswer>map(CardAnswer.Holder::new).orElseGet(CardAnswer.Unknown::new);
    }

    Optional<UUID> patronByIdentity(String identityNumber);

    /** Whether a card number belongs to a patron of another library of the country (national card). */
    default boolean registeredElsewhere(String cardNumber) {
        return false;
    }

    /** Patrons of this library the central register found, and whether there were more. */
    record SearchAnswer(java.util.List<PatronSummary> patrons, boolean more) {
    }

    /** Whether the desk works with a central register at all. */
    default boolean configured() {
        return false;
    }

    /** This library's patrons the central register finds; empty when there is none or it cannot be reached. */
    default Optional<SearchAnswer> search(app.carddesk.domain.PatronQuery query) {
        return Optional.empty();
    }

    /** Takes one patron the central register holds into this desk's register. */
    default Optional<UUID> pullById(UUID id) {
        return Optional.empty();
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
