package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.ErrorCode;
import app.carddesk.central.CentralDaos.Caller;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The desks' register keys in escrow (V16): handed over once by a desk, through its workstation
 * credential and a signed-in person, and given back only in a sign-in answer through that same
 * credential (decision 0012). A revoked credential authenticates no more, so it gets nothing.
 */
final class RegisterKeys {

    private static final Pattern DESK_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");

    interface Dao {
        record Held(String libraryCode, String credentialHash, String registerKey) {
        }

        @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Held.class)
        @SqlQuery("SELECT library_code, credential_hash, register_key FROM desk_register_key WHERE desk_id = :desk")
        Optional<Held> held(@Bind("desk") String desk);

        @SqlUpdate("INSERT INTO desk_register_key (desk_id, library_code, credential_hash, register_key, escrowed_at) "
                + "SELECT :desk, :library, :credential, :key, :at WHERE NOT EXISTS "
                + "(SELECT 1 FROM desk_register_key WHERE desk_id = :desk)")
        int hold(@Bind("desk") String desk, @Bind("library") String library, @Bind("credential") String credential,
                 @Bind("key") String key, @Bind("at") java.time.Instant at);

        /** A desk enrolled again: its key follows it to the new credential, within the same library. */
        @SqlUpdate("UPDATE desk_register_key SET credential_hash = :credential WHERE desk_id = :desk "
                + "AND library_code = :library")
        int follow(@Bind("desk") String desk, @Bind("library") String library, @Bind("credential") String credential);
    }

    private final Jdbi jdbi;
    private final Clock clock;

    RegisterKeys(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Keeps the desk's key, once; the same key again is accepted, another one refused (409). */
    void hold(Caller caller, String deskId, Api.RegisterKey in) {
        caller.requireStaffSession();
        if (deskId == null || !DESK_ID.matcher(deskId).matches() || !deskId.equals(caller.deskId())) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "deskId", "Send the key for the desk this request "
                    + "comes from: the id in the path is the desk's X-CardDesk-Desk (1 to 40 letters, digits, dashes).");
        }
        String key = in == null ? null : in.key();
        if (!isKey(key)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "key", "key is the register's 32-byte key in Base64.");
        }
        String library = caller.library().code();
        boolean held = jdbi.inTransaction(h -> {
            Dao d = Daos.on(h, Dao.class);
            if (d.hold(deskId, library, caller.credential(), key, clock.instant()) == 1) {
                Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "REGISTER_KEY_HELD", null,
                        "desk=" + deskId);
                return true;
            }
            return d.held(deskId).filter(k -> k.registerKey().equals(key) && k.libraryCode().equals(library)
                    && k.credentialHash().equals(caller.credential())).isPresent();
        });
        if (!held) {
            throw new ApiException(409, ErrorCode.REGISTER_KEY_HELD, "key", "Another key is held for this desk. "
                    + "Its register can be opened with the key it had; ask your library's administrator.");
        }
    }

    /** The calling desk's key for a sign-in answer: only for the credential that handed it over. */
    Optional<String> forSignIn(Caller caller) {
        if (caller.deskId() == null || caller.credential() == null) {
            return Optional.empty();
        }
        return jdbi.withExtension(Dao.class, d -> d.held(caller.deskId())).filter(k ->
                        k.credentialHash().equals(caller.credential()) && k.libraryCode().equals(caller.library().code()))
                .map(Dao.Held::registerKey);
    }

    private static boolean isKey(String key) {
        if (key == null || key.length() > 64) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
