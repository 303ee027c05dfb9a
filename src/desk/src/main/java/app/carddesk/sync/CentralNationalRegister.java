package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.api.PinMail;
import app.carddesk.api.RetentionApi;
import app.carddesk.issuing.NationalRegister;
import app.carddesk.issuing.PinMailStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The national register through the central API: the wire's documents become the port's values here. */
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
    public Optional<NationalPatron> find(String cardNumber, String identity) {
        CentralClient.Response r = call(() -> client.post("/api/v1/national/search", null,
                new Api.NationalSearch(cardNumber, identity)));
        if (r.status() == 404) {
            return Optional.empty();
        }
        Api.NationalPatron p = client.read(ok(r), Api.NationalPatron.class);
        return Optional.of(new NationalPatron(p.id(), p.cardNumber(), p.surname(), p.givenName(), p.birthDate(),
                p.homeLibrary(), p.homeLibraryName(), p.activeHere()));
    }

    @Override
    public LoanRules loanRules(String language) {
        Api.LoanRules r = client.read(ok(call(() -> client.get("/api/v1/loan-rules?lang=" + ("en".equals(language)
                ? "en" : "nb")))), Api.LoanRules.class);
        return new LoanRules(r.library(), r.version(), r.text());
    }

    @Override
    public void activate(UUID id, int rulesVersion, boolean makeHome, String pin) {
        Api.Patron patron = client.read(ok(call(() -> client.post("/api/v1/patrons/" + id + "/activation", null,
                new Api.Activation(rulesVersion, makeHome, pin)))), Api.Patron.class);
        ledger.applyPatron(patron);
    }

    @Override
    public List<Membership> memberships(UUID id) {
        return java.util.Arrays.stream(client.read(ok(call(() -> client.get("/api/v1/patrons/" + id
                + "/memberships"))), Api.Membership[].class)).map(CentralNationalRegister::membership).toList();
    }

    @Override
    public List<HistoryEntry> history(UUID id) {
        return java.util.Arrays.stream(client.read(ok(call(() -> client.get("/api/v1/patrons/" + id + "/history"))),
                Api.HistoryEntry[].class)).map(e -> new HistoryEntry(e.at(), e.library(), e.libraryName(), e.roles(),
                e.action())).toList();
    }

    @Override
    public Retention retention() {
        RetentionApi.RetentionPolicy p = client.read(ok(call(() -> client.get("/api/v1/retention"))),
                RetentionApi.RetentionPolicy.class);
        return new Retention(p.runsAt() == null ? null : java.time.LocalTime.parse(p.runsAt()), p.auditKeptMonths(),
                p.maxShortStayDays(), p.inactiveYears(), p.noticeDays());
    }

    @Override
    public PinMailStatus pinMail(UUID id) {
        PinMail m = client.read(ok(call(() -> client.get("/api/v1/patrons/" + id + "/pin-email"))),
                PinMail.class);
        return new PinMailStatus(PinMailStatus.Where.valueOf(m.state().name()), m.at(), m.attempts(),
                m.nextAttemptAt());
    }

    @Override
    public Removal unsubscribe(UUID id) {
        Api.Unsubscribed u = client.read(ok(call(() -> client.post("/api/v1/patrons/" + id + "/unsubscribe", null,
                null))), Api.Unsubscribed.class);
        return new Removal(u.deleted(), u.remaining().stream().map(CentralNationalRegister::membership).toList());
    }

    @Override
    public Membership reportStanding(UUID id, int loans, int reminders, int claims) {
        Api.Standing standing = new Api.Standing(loans, reminders, claims, null);
        return membership(client.read(ok(call(() -> client.putJson("/api/v1/patrons/" + id + "/standing",
                standing))), Api.Membership.class));
    }

    private static Membership membership(Api.Membership m) {
        return new Membership(m.library(), m.libraryName(), m.home(), m.rulesVersion(), m.rulesAcceptedAt(), m.loans(),
                m.reminders(), m.claims());
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
