package app.carddesk.identity;

import app.carddesk.domain.Address;
import app.carddesk.domain.Checked;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.IdentityValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serves synthetic people from a fixture in place of the real national registers, which cannot be
 * reached from development and test machines. Every number in the fixture passes the same
 * validation as a real one (in a test profile), so the desk behaves exactly as it would live.
 */
public final class StandInPopulationRegister implements PopulationRegister {

    public static final String FIXTURE = "/app/carddesk/identity/standin-people.json";

    private final Map<String, PersonRecord> people;

    private StandInPopulationRegister(Map<String, PersonRecord> people) {
        this.people = Map.copyOf(people);
    }

    /** The register with the fixture shipped in the application. */
    /**
     * The stand-in register with its bundled fixture, read when it is first asked: a desk that never
     * fetches a person never pays for reading it, and start-up does not wait for it.
     */
    public static PopulationRegister lazilyWithBundledFixture() {
        return new PopulationRegister() {
            private volatile StandInPopulationRegister loaded;

            @Override
            public java.util.Optional<PersonRecord> find(IdentityNumber identity) {
                StandInPopulationRegister register = loaded;
                if (register == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            loaded = withBundledFixture();
                        }
                        register = loaded;
                    }
                }
                return register.find(identity);
            }
        };
    }

    public static StandInPopulationRegister withBundledFixture() {
        try (InputStream in = StandInPopulationRegister.class.getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + FIXTURE);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StandInPopulationRegister fromJson(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        IdentityValidator validator = new IdentityValidator(true);
        Map<String, PersonRecord> people = new HashMap<>();
        for (JsonNode p : root.path("people")) {
            Checked<IdentityNumber> id = validator.check(p.path("number").asText(), LocalDate.now());
            if (!id.isOk()) {
                throw new IllegalStateException("fixture has an invalid number: " + id.errors());
            }
            JsonNode a = p.path("address");
            people.put(id.value().number(), new PersonRecord(id.value(), p.path("surname").asText(),
                    p.path("givenName").asText(), id.value().birthDate(),
                    new Address(a.path("line").asText(), a.path("postalCode").asText(), a.path("city").asText(),
                            a.path("country").asText())));
        }
        return new StandInPopulationRegister(people);
    }

    @Override
    public boolean synthetic() {
        return true;
    }

    @Override
    public Optional<PersonRecord> find(IdentityNumber identity) {
        return Optional.ofNullable(people.get(identity.number()));
    }

    public int size() {
        return people.size();
    }
}
