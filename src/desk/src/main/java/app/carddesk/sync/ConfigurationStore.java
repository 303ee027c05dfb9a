package app.carddesk.sync;

import app.carddesk.domain.LibraryConfiguration;
import java.util.Optional;

/** Where the desk keeps its library's configuration (its register). */
public interface ConfigurationStore {

    /** The version the desk has of the library's configuration; empty when it has none from the central register. */
    Optional<Integer> version(String code);

    /** Replaces the library's configuration at the desk with one that passed its checks. */
    void apply(LibraryConfiguration configuration);
}
