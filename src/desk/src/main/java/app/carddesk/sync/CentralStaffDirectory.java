package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.api.ErrorCode;
import app.carddesk.staff.StaffDirectory;
import java.util.HashSet;
import java.util.Set;

/** Staff sign-in at the central register (POST /api/v1/sessions and the session's routes). */
public final class CentralStaffDirectory implements StaffDirectory {

    private final CentralClient client;

    public CentralStaffDirectory(CentralClient client) {
        this.client = client;
    }

    @Override
    public Answer signIn(String userName, String password) {
        CentralClient.Response r;
        try {
            // Repeatable: after a proxy's 502 or 504 the next instance is asked (at worst a session more).
            r = client.sendAs("POST", "/api/v1/sessions", null, new Api.SignIn(userName, password), true);
        } catch (CentralClient.UnreachableException e) {
            return new Unreachable();
        }
        if (r.status() == 201) {
            Api.Session s = client.read(r, Api.Session.class);
            Set<String> permissions = new HashSet<>(s.account().permissions());
            app.carddesk.staff.RegisterKey key = null;
            if (s.registerKey() != null) {
                try {
                    key = app.carddesk.staff.RegisterKey.fromBase64(s.registerKey());
                } catch (IllegalArgumentException unreadable) {
                    // Not a key: the desk goes on with the one it knows, as if none had come.
                }
            }
            return new Accepted(s.token(), s.account().displayName(), s.account().roles(), permissions,
                    s.account().mustChangePassword(), key);
        }
        return refusal(r);
    }

    @Override
    public Answer changePassword(String token, String currentPassword, String newPassword) {
        CentralClient.Response r;
        try {
            r = client.sendAs("POST", "/api/v1/sessions/current/password", token,
                    new Api.PasswordChange(currentPassword, newPassword));
        } catch (CentralClient.UnreachableException e) {
            return new Unreachable();
        }
        return r.status() == 204 ? new Accepted(token, null, java.util.List.of(), Set.of(), false) : refusal(r);
    }

    @Override
    public void signOut(String token) {
        try {
            client.sendAs("DELETE", "/api/v1/sessions/current", token, null);
        } catch (CentralClient.UnreachableException e) {
            // The session ends by itself; the desk has let the person go already.
        }
    }

    @Override
    public Answer stillAllowed(String userName) {
        CentralClient.Response r;
        try {
            r = client.madeBy(userName).get("/api/v1/staff/acting");
        } catch (CentralClient.UnreachableException e) {
            return new Unreachable();
        }
        if (r.status() == 200) {
            Api.ActingPerson p = client.read(r, Api.ActingPerson.class);
            return new Accepted(null, p.displayName(), p.roles(), new HashSet<>(p.permissions()), false);
        }
        if (r.status() == 403) {
            return new Refused(Reason.INACTIVE, 0, null);
        }
        return refusal(r);
    }

    @Override
    public boolean sessionOpen(String token) {
        try {
            CentralClient.Response r = client.sendAs("GET", "/api/v1/sessions/current", token, null);
            return !(r.status() == 401 && ErrorCode.SESSION_INVALID.is(client.errorCode(r)));
        } catch (CentralClient.UnreachableException e) {
            return true;
        }
    }

    @Override
    public boolean holdRegisterKey(String token, String deskId, app.carddesk.staff.RegisterKey key) {
        try {
            return client.sendAs("PUT", "/api/v1/desks/" + deskId + "/register-key", token,
                    new Api.RegisterKey(key.base64())).status() == 204;
        } catch (CentralClient.UnreachableException e) {
            return false;
        }
    }

    private Answer refusal(CentralClient.Response r) {
        if (r.status() >= 500 || r.status() == 429) {
            return new Unreachable();
        }
        Api.Error error;
        try {
            error = client.read(r, Api.Error.class);
        } catch (IllegalStateException unreadable) {
            return new Refused(Reason.OTHER, 0, "HTTP " + r.status());
        }
        String code = error.error();
        if (ErrorCode.INVALID_CREDENTIALS.is(code)) {
            return new Refused(r.status() == 422 ? Reason.WRONG_CURRENT : Reason.WRONG, 0, null);
        }
        if (ErrorCode.LAST_ATTEMPT.is(code)) {
            return new Refused(Reason.LAST_TRY, 0, null);
        }
        if (ErrorCode.ACCOUNT_LOCKED_FOR_A_WHILE.is(code)) {
            return new Refused(Reason.LOCKED, 1, null);
        }
        if (ErrorCode.ACCOUNT_LOCKED.is(code)) {
            return new Refused(Reason.LOCKED, 0, null);
        }
        if (ErrorCode.ACCOUNT_INACTIVE.is(code)) {
            return new Refused(Reason.INACTIVE, 0, null);
        }
        if (ErrorCode.ACCOUNT_AWAITS_VERIFICATION.is(code)) {
            return new Refused(Reason.AWAITS_VERIFICATION, 0, null);
        }
        if (ErrorCode.WORKSTATION_REVOKED.is(code)) {
            return new Refused(Reason.REVOKED, 0, null);
        }
        if (ErrorCode.NO_ROLE_HERE.is(code)) {
            return new Refused(Reason.NO_ROLE, 0, null);
        }
        if (ErrorCode.PASSWORD_REJECTED.is(code)) {
            return new Refused(Reason.WEAK_PASSWORD, 0, error.message());
        }
        return new Refused(Reason.OTHER, 0, code);
    }
}
