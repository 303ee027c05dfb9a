package app.carddesk.central;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The DAOs attached to one handle, each attached once. Jdbi builds and warms a handler for every
 * method of a DAO at each {@link Handle#attach}; with every service attaching its own, that was
 * about a seventh of a request's CPU under load. The map lives in the handle's own configuration,
 * so it ends with the handle and no two threads share it.
 */
public final class Daos implements JdbiConfig<Daos> {

    private final Map<Class<?>, Object> attached = new HashMap<>();

    /** For Jdbi's configuration registry: each handle starts without DAOs. */
    public Daos() {
    }

    /** The handle's {@code type}, attached at its first use on this handle. */
    public static <T> T on(Handle handle, Class<T> type) {
        Map<Class<?>, Object> daos = handle.getConfig(Daos.class).attached;
        Object dao = daos.get(type);
        if (dao == null) {
            dao = handle.attach(type);
            daos.put(type, dao);
        }
        return type.cast(dao);
    }

    @Override
    public Daos createCopy() {
        return new Daos();
    }
}
