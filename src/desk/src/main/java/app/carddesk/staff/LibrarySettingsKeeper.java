package app.carddesk.staff;

import app.carddesk.domain.LibraryConfiguration;
import java.util.List;

/**
 * Who keeps a library's configuration for the Administration screen (decision 0013): the central
 * register, for a desk that has one, or the desk's own register, for a desk on its own, which is
 * configured from a file or its forms.
 */
public interface LibrarySettingsKeeper {

    /** The library's configuration as it is kept now. */
    LibraryConfiguration configuration(String library);

    /**
     * Replaces the library's configuration as a whole; refused (with the field) without a change.
     *
     * @throws StaffAdministration.RefusedException with {@code stale_version} when someone changed it meanwhile
     */
    LibraryConfiguration publish(LibraryConfiguration configuration);

    /** Each of the library's series with its card numbers used and left. */
    List<StaffAdministration.Stock> stock(String library);

    /**
     * Whether this keeper is the organisation's register, which creates libraries and reserves
     * series among them; a desk on its own keeps its own library only, and its series too.
     */
    default boolean organisation() {
        return true;
    }
}
