package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.Checked;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.IdentityValidator;
import app.carddesk.identity.PersonRecord;
import app.carddesk.identity.PopulationRegister;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Master data from the population register for a national ID, every look-up audited. */
final class PopulationLookup {

    private final Jdbi jdbi;
    private final PopulationRegisters registers;
    private final Envelope envelope;
    private final Clock clock;

    PopulationLookup(Jdbi jdbi, PopulationRegisters registers, Envelope envelope, Clock clock) {
        this.jdbi = jdbi;
        this.registers = registers;
        this.envelope = envelope;
        this.clock = clock;
    }

    /**
     * Master data from the population register for a national ID ("Fetch"). Every look-up is
     * audited — which workstation, the kind of number and whether someone was found, never the number.
     */
    public Api.Person lookup(Caller caller, String rawBody) {
        Api.LookupRequest request = envelope.parse(rawBody, Api.LookupRequest.class);
        Checked<IdentityNumber> checked = new IdentityValidator(caller.library().testProfile())
                .check(request.number(), LocalDate.now(clock));
        if (!checked.isOk()) {
            audit(caller, "POPULATION_LOOKUP", "result=invalid");
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "number",
                    CentralTexts.ENGLISH.text(checked.firstError().orElseThrow()));
        }
        String kind = checked.value().kind().name();
        if (!checked.value().kind().fetchable()) {
            audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=not_in_register");
            throw new ApiException(404, ErrorCode.NOT_IN_REGISTER, "number", "This kind of number is not in the register.");
        }
        // The stand-in's synthetic people are for test libraries: a real library's patrons are real people.
        Optional<PopulationRegister> register = registers.forLibrary(caller.library().testProfile(),
                app.carddesk.domain.Country.valueOf(caller.library().country()));
        if (register.isEmpty()) {
            audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=not_connected");
            throw new ApiException(503, ErrorCode.POPULATION_REGISTER_NOT_CONNECTED, null, "No population register "
                    + "is connected to this central register for a library with real patrons; until one is, "
                    + "register patrons without a national ID.");
        }
        Optional<PersonRecord> found;
        try {
            found = register.get().find(checked.value());
        } catch (PopulationRegister.RegisterUnavailableException e) {
            audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=unavailable");
            throw new ApiException(503, ErrorCode.REGISTER_UNAVAILABLE, null,
                    "The population register cannot be reached right now.");
        }
        audit(caller, "POPULATION_LOOKUP", "kind=" + kind + " result=" + (found.isPresent() ? "found" : "not_found"));
        PersonRecord p = found.orElseThrow(() -> new ApiException(404, ErrorCode.PERSON_NOT_FOUND, "number",
                "The population register has nobody with this number."));
        return new Api.Person(new Api.Identity(p.identity().kind().name(), p.identity().number()), p.surname(),
                p.givenName(), p.birthDate(), new Api.Address(p.address().line(), p.address().postalCode(),
                p.address().city(), p.address().country()));
    }

    private void audit(Caller caller, String action, String detail) {
        jdbi.useExtension(CentralDaos.Audit.class, a -> a.appendFor(caller, clock.instant(), action, null, detail));
    }
}
