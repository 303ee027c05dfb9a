package app.carddesk.central;

import app.carddesk.domain.Country;
import app.carddesk.identity.PopulationRegister;
import app.carddesk.identity.PopulationRegisterAdapter;
import app.carddesk.identity.StandInPopulationRegister;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The population registers the central asks: the stand-in's synthetic people for test libraries,
 * and for a library with real patrons the register of its country that an installed adapter
 * connects ({@code CARDDESK_POPULATION_ADAPTERS}, a folder of adapter jars), or none.
 */
final class PopulationRegisters {

    /** The setting naming the folder of adapter jars. */
    static final String ADAPTERS = "CARDDESK_POPULATION_ADAPTERS";

    private static final Logger LOG = LoggerFactory.getLogger(PopulationRegisters.class);

    private final PopulationRegister standIn;
    private final Map<Country, PopulationRegister> connected;
    private final Map<Country, String> names;

    private PopulationRegisters(PopulationRegister standIn, Map<Country, PopulationRegister> connected,
                                Map<Country, String> names) {
        this.standIn = standIn;
        this.connected = connected;
        this.names = names;
    }

    /** The stand-in only: every real library's look-up is answered "not connected". */
    static PopulationRegisters standInOnly() {
        return new PopulationRegisters(StandInPopulationRegister.withBundledFixture(), Map.of(), Map.of());
    }

    /** The registers of the service's environment. */
    static PopulationRegisters fromEnvironment() {
        Map<String, String> env = System.getenv();
        return load(env.get(ADAPTERS), env::get);
    }

    /**
     * Connects every adapter in the folder {@code folder} (none when it is unset or empty) with the
     * settings; at most one per country.
     *
     * @throws IllegalStateException when the folder cannot be read, two adapters serve one country,
     *                               or an adapter refuses its settings: the message says which
     */
    static PopulationRegisters load(String folder, Function<String, String> settings) {
        Map<Country, PopulationRegister> connected = new EnumMap<>(Country.class);
        Map<Country, String> names = new EnumMap<>(Country.class);
        if (folder != null && !folder.isBlank()) {
            for (PopulationRegisterAdapter adapter : ServiceLoader.load(PopulationRegisterAdapter.class,
                    loader(Path.of(folder.trim())))) {
                if (names.containsKey(adapter.country())) {
                    throw new IllegalStateException(ADAPTERS + " holds two population registers for "
                            + adapter.country() + ": " + names.get(adapter.country()) + " and " + adapter.name()
                            + ". Keep one.");
                }
                PopulationRegister register;
                try {
                    register = adapter.open(settings);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("The population register " + adapter.name() + " could not be "
                            + "connected: " + e.getMessage(), e);
                }
                connected.put(adapter.country(), register);
                names.put(adapter.country(), adapter.name());
            }
        }
        PopulationRegisters registers = new PopulationRegisters(StandInPopulationRegister.withBundledFixture(),
                connected, names);
        String where = folder == null || folder.isBlank() ? ADAPTERS + " is not set"
                : "no adapter for it in " + folder.trim();
        for (Country country : Country.values()) {
            LOG.info("Population register for {}: {}", country, names.getOrDefault(country, "none connected ("
                    + where + "; libraries with real patrons register them without a national ID, test libraries "
                    + "use the stand-in)"));
        }
        return registers;
    }

    private static ClassLoader loader(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(ADAPTERS + " names " + folder + ", which is not a folder the service "
                    + "can read.");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new IllegalStateException(ADAPTERS + " names " + folder + ", which cannot be read: " + e.getMessage(),
                    e);
        }
        return new URLClassLoader(jars.toArray(URL[]::new), PopulationRegisters.class.getClassLoader());
    }

    /**
     * The register a library's look-ups go to: the stand-in for a test library, its country's
     * connected register for a library with real patrons, or empty when none is connected.
     */
    Optional<PopulationRegister> forLibrary(boolean testProfile, Country country) {
        return testProfile ? Optional.of(standIn) : Optional.ofNullable(connected.get(country));
    }
}
