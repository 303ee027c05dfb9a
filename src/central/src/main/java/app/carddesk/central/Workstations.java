package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.central.CentralDaos.Caller;
import org.jdbi.v3.core.Jdbi;

/** Who calls: a workstation known by the hash of its token, and the library it belongs to. */
final class Workstations {

    private final Jdbi jdbi;

    Workstations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Caller authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, null, "Send the workstation token as 'Authorization: Bearer'.");
        }
        String hash = Envelope.sha256(authorization.substring(7).trim());
        return jdbi.withExtension(CentralDaos.Libraries.class, d -> d.byToken(hash).map(l -> new Caller(l,
                d.workstationName(hash).orElse("?"))).orElseThrow(() -> d.revoked(hash) > 0
                ? new ApiException(401, ErrorCode.WORKSTATION_REVOKED, null, "This workstation was revoked by the "
                        + "library's administrator and can no longer sync. Ask them to enrol it again.")
                : new ApiException(401, ErrorCode.UNAUTHORIZED, null, "The workstation token is not valid.")));
    }

    /** Registers a workstation's token for a library (stored hashed); used for the demo token. */
    public void register(String token, String library, String name, boolean postgres) {
        jdbi.useExtension(CentralDaos.Libraries.class, d -> {
            if (postgres) {
                d.registerWorkstationPostgres(Envelope.sha256(token), library, name);
            } else {
                d.registerWorkstationH2(Envelope.sha256(token), library, name);
            }
        });
    }
}
