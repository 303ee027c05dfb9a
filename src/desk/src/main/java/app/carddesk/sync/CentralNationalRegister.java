package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.issuing.NationalRegister;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The national register through the central API. */
public final class CentralNationalRegister implements NationalRegister {

    private final CentralClient client;
    private final SyncLedger ledger;

    public CentralNationalRegister(CentralClient client, SyncLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<Api.NationalPatron> find(String cardNumber, String identity) {
        CentralClient.Response r = call(() -> client.post("/api/v1/national/search", null,
                new Api.NationalSearch(cardNumber, identity)));
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(client.read(ok(r), Api.NationalPatron.class));
    }

    @Override
    public Api.LoanRules loanRules(String language) {
        return client.read(ok(call(() -> client.get("/api/v1/loan-rules?lang=" + ("en".equals(language) ? "en"
                : "nb")))), Api.LoanRules.class);
    }

    @Override
    public void activate(UUID id, int rulesVersion, boolean makeHome, String pin) {
        Api.Patron patron = client.read(ok(call(() -> client.post("/api/v1/patrons/" + id + "/activation", null,
                new Api.Activation(rulesVersion, makeHome, pin)))), Api.Patron.class);
        ledger.applyPatron(patron);
    }

    @Override
    public List<Api.Membership> memberships(UUID id) {
        return List.of(client.read(ok(call(() -> client.get("/api/v1/patrons/" + id + "/memberships"))),
                Api.Membership[].class));
    }

    @Override
    public Api.Unsubscribed unsubscribe(UUID id) {
        return client.read(ok(call(() -> client.post("/api/v1/patrons/" + id + "/unsubscribe", null, null))),
                Api.Unsubscribed.class);
    }

    @Override
    public Api.Membership reportStanding(UUID id, Api.Standing standing) {
        return client.read(ok(call(() -> client.putJson("/api/v1/patrons/" + id + "/standing", standing))),
                Api.Membership.class);
    }

    private static CentralClient.Response call(java.util.function.Supplier<CentralClient.Response> request) {
        try {
            return request.get();
        } catch (CentralClient.UnreachableException e) {
            throw new UnavailableException(e.getMessage());
        }
    }

    private CentralClient.Response ok(CentralClient.Response r) {
        if (r.ok()) {
            return r;
        }
        if (r.status() >= 500 || r.status() == 401 || r.status() == 429) {
            throw new UnavailableException("central answered " + r.status());
        }
        Api.Error error;
        try {
            error = client.read(r, Api.Error.class);
        } catch (IllegalStateException e) {
            throw new RefusedException("http_" + r.status(), "");
        }
        throw new RefusedException(error.error(), error.message());
    }
}
