package app.carddesk.central;

import app.carddesk.domain.Address;
import app.carddesk.domain.Country;
import app.carddesk.identity.PersonRecord;
import app.carddesk.identity.PopulationRegister;
import app.carddesk.identity.PopulationRegisterAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * Population register adapters as an organisation would install them, for the tests: a CPR register
 * of one person, named in the adapter's own setting, and a second CPR register (one too many).
 */
public final class TestAdapters {

    /** The setting the test CPR register reads: the one person's CPR number. */
    public static final String PERSON = "CARDDESK_POPULATION_TEST_CPR_PERSON";

    private TestAdapters() {
    }

    /** A CPR register that knows one person, Ingrid Lund; it refuses to start without its setting. */
    public static final class Cpr implements PopulationRegisterAdapter {
        @Override
        public Country country() {
            return Country.DK;
        }

        @Override
        public String name() {
            return "CPR (test register)";
        }

        @Override
        public PopulationRegister open(Function<String, String> settings) {
            String number = settings.apply(PERSON);
            if (number == null || number.isBlank()) {
                throw new IllegalStateException("set " + PERSON + " to the CPR number of its one person");
            }
            return identity -> identity.number().equals(number)
                    ? Optional.of(new PersonRecord(identity, "Lund", "Ingrid", identity.birthDate(),
                            new Address("Vestergade 3", "8000", "Aarhus C", "DK")))
                    : Optional.empty();
        }
    }

    /** Another CPR register: installed beside {@link Cpr}, one country has two. */
    public static final class OtherCpr implements PopulationRegisterAdapter {
        @Override
        public Country country() {
            return Country.DK;
        }

        @Override
        public String name() {
            return "CPR (another register)";
        }

        @Override
        public PopulationRegister open(Function<String, String> settings) {
            return identity -> Optional.empty();
        }
    }

    /**
     * An adapter jar in {@code folder}, as an organisation installs one: its service file names the
     * adapters (their classes are on the test class path, which the jar's loader asks first).
     */
    public static Path jar(Path folder, Class<?>... adapters) throws IOException {
        Files.createDirectories(folder);
        Path jar = folder.resolve("population-adapter-" + adapters[0].getSimpleName() + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + PopulationRegisterAdapter.class.getName()));
            out.write(Arrays.stream(adapters).map(Class::getName).collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** A real CPR number (valid date and modulus 11) that is not in the stand-in's fixture. */
    public static final String INGRID = "0707614285";

    static LocalDate birthOfIngrid() {
        return LocalDate.of(1961, 7, 7);
    }
}
