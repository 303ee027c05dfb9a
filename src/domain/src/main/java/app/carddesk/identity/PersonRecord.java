package app.carddesk.identity;

import app.carddesk.domain.Address;
import app.carddesk.domain.IdentityNumber;
import java.time.LocalDate;

/**
 * A person's master data as a population register (CPR, Folkeregisteret) gives it.
 *
 * @param identity  the number the person is registered under
 * @param surname   family name
 * @param givenName given names
 * @param birthDate date of birth
 * @param address   the registered address
 */
public record PersonRecord(IdentityNumber identity, String surname, String givenName, LocalDate birthDate,
                           Address address) {
}
