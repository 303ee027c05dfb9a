package app.carddesk.sync;

import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the desk's copy of its library's configuration as the central register has it (decision
 * 0013): asked for when someone signs in and at every sync round, naming the version the desk has,
 * so that the answer is a bare 304 while nothing changed. A configuration the desk cannot use (not
 * its library's, or refused by the same checks the central register made) is not applied, and the
 * desk goes on with the one it has.
 */
public final class ConfigurationPull {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationPull.class);
    static final String PATH = "/api/v1/library/configuration";

    private final CentralClient client;
    private final ConfigurationStore store;
    private final String library;

    public ConfigurationPull(CentralClient client, ConfigurationStore store, String library) {
        this.client = client;
        this.store = store;
        this.library = library;
    }

    /**
     * Asks for the configuration and applies it when it changed.
     *
     * @return the configuration applied, empty when nothing changed or nothing could be applied
     * @throws CentralClient.UnreachableException when the central register does not answer
     */
    public Optional<LibraryConfiguration> pull() {
        Optional<Integer> have = store.version(library);
        CentralClient.Response r = client.getIfNoneMatch(PATH, have.map(v -> "\"" + v + "\"").orElse(null));
        if (r.status() == 304) {
            return Optional.empty();
        }
        if (!r.ok()) {
            LOG.warn("The central register gave no configuration for {} ({})", library, r.status());
            return Optional.empty();
        }
        ConfigurationFile.Read read = ConfigurationFile.read(r.bytes());
        if (!read.ok()) {
            LOG.warn("The configuration the central register sent for {} is not usable here ({}); the desk keeps "
                    + "the one it has", library, read.problems().get(0).field());
            return Optional.empty();
        }
        LibraryConfiguration c = read.configuration();
        if (!c.code().equals(library)) {
            LOG.warn("The central register sent the configuration of {}, not of this desk's library {}", c.code(),
                    library);
            return Optional.empty();
        }
        store.apply(c);
        LOG.info("Configuration of {} version {} applied", library, c.version());
        return Optional.of(c);
    }
}
