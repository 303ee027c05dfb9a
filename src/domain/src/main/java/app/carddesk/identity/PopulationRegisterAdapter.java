package app.carddesk.identity;

import app.carddesk.domain.Country;
import java.util.function.Function;

/**
 * A way to one country's population register (CPR, Folkeregisteret), installed beside the central
 * service as a jar in its adapters folder and found there through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/app.carddesk.identity.PopulationRegisterAdapter} file naming the class).
 * CardDesk ships none: reaching a national register takes the organisation's own agreement,
 * certificate and access, which an adapter carries. Until one is installed for a library's country,
 * a library with real patrons registers them without a national ID.
 */
public interface PopulationRegisterAdapter {

    /** The country whose register this is. */
    Country country();

    /** What the operator reads in the log, e.g. {@code Folkeregisteret (Maskinporten)}. */
    String name();

    /**
     * Connects with the service's settings (its environment, e.g. the adapter's own
     * {@code CARDDESK_POPULATION_…} variables in {@code /etc/carddesk-central/central.env}).
     *
     * @throws IllegalStateException when a setting is missing or wrong; the message says which, and
     *                               the service does not start
     */
    PopulationRegister open(Function<String, String> settings);
}
