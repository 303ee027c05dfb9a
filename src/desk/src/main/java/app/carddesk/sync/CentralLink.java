package app.carddesk.sync;

import java.time.Instant;

/** How the central register answered last: online, offline or refusing the token, and when. */
final class CentralLink {

    private volatile SyncStatus.State state = SyncStatus.State.OFFLINE;
    private volatile Instant lastAnswerAt;

    SyncStatus.State state() {
        return state;
    }

    Instant lastAnswerAt() {
        return lastAnswerAt;
    }

    void online() {
        state = SyncStatus.State.ONLINE;
    }

    void offline() {
        SyncStatus.State was = state;
        state = SyncStatus.State.OFFLINE;
        if (was != SyncStatus.State.OFFLINE) {
            lost.run();
        }
    }

    private volatile Runnable lost = () -> { };

    /** Told when the central register stops answering, whichever request found it out (a search, say). */
    void whenLost(Runnable told) {
        this.lost = told;
    }

    /** The central register's certificate is not trusted: nothing is sent until IT sets the trust store. */
    void untrusted() {
        state = SyncStatus.State.UNTRUSTED;
    }

    void unauthorized() {
        state = SyncStatus.State.UNAUTHORIZED;
    }

    /** A 401: the token refused, or this workstation revoked, as the answer's code says. */
    void refused(CentralClient.Response r) {
        state = r.body().contains("\"" + app.carddesk.api.ErrorCode.WORKSTATION_REVOKED.code() + "\"")
                ? SyncStatus.State.REVOKED : SyncStatus.State.UNAUTHORIZED;
    }

    /** The central register answered a request (whatever it said). */
    void answered(Instant at) {
        lastAnswerAt = at;
    }
}
