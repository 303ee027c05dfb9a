package app.carddesk.issuing;

import app.carddesk.domain.Address;
import java.time.LocalDate;

/** The details staff fill in (or accept from the population register) for a patron. */
public record PatronDetails(String surname, String givenName, LocalDate birthDate, String email, String phone,
                            Address address) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
