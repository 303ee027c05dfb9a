package app.carddesk.sync;

import app.carddesk.api.Api;
import app.carddesk.api.AuditApi;
import app.carddesk.api.ErrorCode;
import app.carddesk.staff.StaffAdministration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link StaffAdministration} through the central register's API, for the signed-in person. */
public final class CentralStaffAdministration implements StaffAdministration {

    private final CentralClient person;

    /** {@code person}: a client whose requests carry the signed-in person's session. */
    public CentralStaffAdministration(CentralClient person) {
        this.person = person;
    }

    @Override
    public Decided create(NewAccount account) {
        Api.StaffAccountIssued made = person.read(ok(call(() -> person.post("/api/v1/staff",
                UUID.randomUUID().toString(), new Api.NewStaffAccount(account.userName(), account.displayName(),
                        account.workEmail(), account.roles(), null, null)))), Api.StaffAccountIssued.class);
        return new Decided(account(made.account()), made.oneTimePassword());
    }

    @Override
    public List<Account> staff() {
        return person.read(ok(call(() -> person.get("/api/v1/staff"))), Api.StaffAccounts.class).accounts().stream()
                .map(CentralStaffAdministration::account).toList();
    }

    @Override
    public Account lock(UUID account) {
        return account(person.read(ok(call(() -> person.sendAs("POST", "/api/v1/staff/" + account + "/lock", null,
                null))), Api.StaffAccount.class));
    }

    @Override
    public Account unlock(UUID account) {
        return account(person.read(ok(call(() -> person.sendAs("POST", "/api/v1/staff/" + account + "/unlock", null,
                null))), Api.StaffAccount.class));
    }

    @Override
    public Account setRoles(UUID account, List<String> roles) {
        // Repeatable: the same roles sent twice leave the account as once.
        return account(person.read(ok(call(() -> person.sendAs("PUT", "/api/v1/staff/" + account + "/roles", null,
                new Api.StaffRoles(roles), true))), Api.StaffAccount.class));
    }

    private static Account account(Api.StaffAccount a) {
        return new Account(a.id(), a.userName(), a.displayName(), a.workEmail(), a.roles(), a.status(), null);
    }

    @Override
    public Account rename(UUID account, String displayName) {
        return account(person.read(ok(call(() -> person.sendAs("PUT", "/api/v1/staff/" + account + "/name", null,
                new Api.StaffName(displayName), true))), Api.StaffAccount.class));
    }

    @Override
    public EnrolmentCode enrolmentCode(String workstationName) {
        Api.EnrolmentCode c = person.read(ok(call(() -> person.post("/api/v1/enrolment-codes", null,
                new Api.EnrolmentRequest(workstationName)))), Api.EnrolmentCode.class);
        return new EnrolmentCode(c.code(), c.expiresAt(), c.workstationName());
    }

    @Override
    public List<Desk> desks() {
        return person.read(ok(call(() -> person.get("/api/v1/workstations"))), Api.Workstations.class).workstations()
                .stream().map(CentralStaffAdministration::desk).toList();
    }

    @Override
    public Desk revoke(UUID desk) {
        // Repeatable: a second revocation changes nothing.
        return desk(person.read(ok(call(() -> person.sendAs("POST", "/api/v1/workstations/" + desk + "/revoke", null,
                null, true))), Api.Workstation.class));
    }

    private static Desk desk(Api.Workstation w) {
        return new Desk(w.id(), w.name(), w.enrolledAt(), w.revokedAt());
    }

    @Override
    public Optional<Round> round() {
        CentralClient.Response r = call(() -> person.get("/api/v1/verification-rounds/current"));
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(round(person.read(ok(r), Api.VerificationRound.class)));
    }

    @Override
    public List<Account> roundAccounts() {
        return person.read(ok(call(() -> person.get("/api/v1/verification-rounds/current/accounts"))),
                Api.RoundAccounts.class).accounts().stream().map(CentralStaffAdministration::account).toList();
    }

    @Override
    public Decided decide(UUID account, String decision, boolean mail) {
        Api.RoundDecided d = person.read(ok(call(() -> person.post("/api/v1/verification-rounds/current/accounts/"
                + account, null, new Api.RoundDecision(decision, mail)))), Api.RoundDecided.class);
        return new Decided(account(d.account()), d.oneTimePassword());
    }

    @Override
    public Round schedule(Instant startsAt) {
        return round(person.read(ok(call(() -> person.post("/api/v1/verification-rounds", null,
                new Api.NewVerificationRound(startsAt)))), Api.VerificationRound.class));
    }

    @Override
    public void cancel() {
        ok(call(() -> person.sendAs("DELETE", "/api/v1/verification-rounds/current", null, null)));
    }

    @Override
    public List<Sign> signs() {
        return person.read(ok(call(() -> person.get("/api/v1/staff/signs"))), Api.StaffSigns.class).signs().stream()
                .map(s -> new Sign(s.userName(), s.kind(), s.count(), s.lastAt())).toList();
    }

    @Override
    public app.carddesk.domain.LibraryConfiguration configuration(String library) {
        return configurationIn(ok(call(() -> person.get(libraryPath(library) + "/configuration"))));
    }

    @Override
    public app.carddesk.domain.LibraryConfiguration publish(app.carddesk.domain.LibraryConfiguration configuration) {
        com.fasterxml.jackson.databind.JsonNode document;
        try {
            document = JSON.readTree(app.carddesk.config.ConfigurationFile.write(configuration));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a configuration could not be written", e);
        }
        return configurationIn(ok(call(() -> person.putJson(libraryPath(configuration.code()) + "/configuration",
                document))));
    }

    @Override
    public List<Stock> stock(String library) {
        Stock[] rows = person.read(ok(call(() -> person.get(libraryPath(library) + "/card-series/stock"))),
                Stock[].class);
        return List.of(rows);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String libraryPath(String library) {
        return "/api/v1/libraries/" + java.net.URLEncoder.encode(library, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public AuditPage audit(AuditQuery about, Long before) {
        StringBuilder query = new StringBuilder("/api/v1/audit?limit=100");
        if (about.patron() != null) {
            query.append("&patronId=").append(about.patron());
        }
        if (about.cardNumber() != null) {
            query.append("&cardNumber=").append(java.net.URLEncoder.encode(about.cardNumber(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (about.staffUser() != null) {
            query.append("&staffUser=").append(java.net.URLEncoder.encode(about.staffUser(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (about.since() != null) {
            query.append("&since=").append(about.since());
        }
        if (about.until() != null) {
            query.append("&until=").append(about.until());
        }
        if (before != null) {
            query.append("&before=").append(before);
        }
        AuditApi.AuditPage page = person.read(ok(call(() -> person.get(query.toString()))), AuditApi.AuditPage.class);
        return new AuditPage(page.entries().stream().map(e -> new AuditEntry(e.at(), e.staffUser(), e.roles(),
                e.workstation(), e.action(), e.patronId(), e.cardNumber(), e.detail(), e.library(), e.libraryName()))
                .toList(), page.before());
    }

    private static app.carddesk.domain.LibraryConfiguration configurationIn(CentralClient.Response r) {
        app.carddesk.config.ConfigurationFile.Read read = app.carddesk.config.ConfigurationFile.read(r.bytes());
        if (!read.ok()) {
            throw new UnavailableException("the central register sent a configuration this desk cannot read");
        }
        return read.configuration();
    }

    private static Round round(Api.VerificationRound r) {
        return new Round(r.startsAt(), r.scheduledBy(), r.startedAt(), r.endedAt(), r.libraries().stream()
                .map(p -> new Progress(p.library(), p.libraryName(), p.pending(), p.verified(), p.reactivated(),
                        p.closed())).toList());
    }

    private static Account account(Api.RoundAccount a) {
        return new Account(a.accountId(), a.userName(), a.displayName(), a.workEmail(), a.roles(), a.state(),
                a.decidedBy());
    }

    private static CentralClient.Response call(java.util.function.Supplier<CentralClient.Response> request) {
        try {
            return request.get();
        } catch (CentralClient.UnreachableException e) {
            throw new UnavailableException(e.getMessage());
        }
    }

    private CentralClient.Response ok(CentralClient.Response r) {
        if (r.status() / 100 == 2) {
            return r;
        }
        if (r.status() >= 500 || r.status() == 429) {
            throw new UnavailableException("HTTP " + r.status());
        }
        String code;
        String message;
        String field = null;
        try {
            Api.Error error = person.read(r, Api.Error.class);
            code = error.error();
            message = error.message();
            field = error.field();
        } catch (IllegalStateException unreadable) {
            code = ErrorCode.INTERNAL_ERROR.code();
            message = "HTTP " + r.status();
        }
        throw new RefusedException(code, message, field);
    }
}
