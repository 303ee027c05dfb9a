package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.central.CentralDaos.Caller;
import org.jdbi.v3.core.Jdbi;

/** Who calls: a workstation known by the hash of its token, and the library it belongs to. */
final class Workstations {

    private final Jdbi jdbi;

    private final java.time.Clock clock;

    Workstations(Jdbi jdbi, java.time.Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Caller authenticate(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, null, "Send the workstation token as 'Authorization: Bearer'.");
        }
        String hash = Envelope.sha256(token);
        return jdbi.withExtension(CentralDaos.Libraries.class, d -> d.byToken(hash)).map(w -> new Caller(w.library(),
                w.workstation() == null ? "?" : w.workstation(), null, null, hash)).orElseThrow(() -> refusal(hash));
    }

    /** The token of an {@code Authorization: Bearer} header (the scheme in any letter case, RFC 9110), or null. */
    static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    /**
     * Why a bearer token is refused: a revoked workstation, a person's session used in the place of
     * a workstation's credential (a personal account used as a system account: audited, and shown
     * to the library's administrators), or simply not valid.
     */
    private ApiException refusal(String hash) {
        return jdbi.inTransaction(h -> {
            if (Daos.on(h, CentralDaos.Libraries.class).revoked(hash) > 0) {
                return new ApiException(401, ErrorCode.WORKSTATION_REVOKED, null, "This workstation was revoked by the "
                        + "library's administrator and can no longer sync. Ask them to enrol it again.");
            }
            var session = Daos.on(h, StaffDao.class).session(hash);
            if (session.isPresent()) {
                String user = Daos.on(h, StaffDao.class).byId(session.get().accountId()).map(StaffDao.AccountRow::userName)
                        .orElse("?");
                Daos.on(h, CentralDaos.Audit.class).appendWithStaff(clock.instant(), session.get().libraryCode(),
                        "?", user, null, "SESSION_USED_AS_API", null, "a person's session was sent as a workstation credential");
                return new ApiException(401, ErrorCode.UNAUTHORIZED, null, "A person's session is not a workstation "
                        + "credential: integrations use a system account's token. This was recorded.");
            }
            return new ApiException(401, ErrorCode.UNAUTHORIZED, null, "The workstation token is not valid.");
        });
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
