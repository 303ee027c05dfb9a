package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.domain.Address;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.identity.PersonRecord;
import app.carddesk.identity.PopulationRegister;
import java.util.Optional;

/** "Fetch" through the central service, which talks to the national registers. */
public final class CentralPopulationRegister implements PopulationRegister {

    private final CentralClient client;

    public CentralPopulationRegister(CentralClient client) {
        this.client = client;
    }

    @Override
    public Optional<PersonRecord> find(IdentityNumber identity) {
        CentralClient.Response r;
        try {
            r = client.post("/api/v1/population/lookup", null, new Api.LookupRequest(identity.number()));
        } catch (CentralClient.UnreachableException e) {
            throw new RegisterUnavailableException("central service unreachable", e);
        }
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            if (r.status() == 503 && app.carddesk.api.ErrorCode.POPULATION_REGISTER_NOT_CONNECTED.is(client.errorCode(r))) {
                throw new NotConnectedException("the central register has no population register for this library");
            }
            throw new RegisterUnavailableException("central service answered " + r.status(), null);
        }
        Api.Person p = client.read(r, Api.Person.class);
        Api.Address a = p.address();
        return Optional.of(new PersonRecord(identity, p.surname(), p.givenName(), p.birthDate(),
                new Address(a.line(), a.postalCode(), a.city(), a.country())));
    }
}
