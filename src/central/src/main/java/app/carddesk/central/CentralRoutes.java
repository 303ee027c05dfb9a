package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.CentralActor;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.LibraryConfiguration;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central API's routes over HTTP: who calls (the operator, a workstation, the person signed
 * in at it), what each route hands to its part, and every refusal as JSON with a stable code. No
 * request body, query string or personal data is ever logged.
 */
final class CentralRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(CentralRoutes.class);
    private static final String CALLER = "carddesk.caller";
    private static final String OPERATOR = "carddesk.operator";

    private CentralRoutes() {
    }

    /**
     * Where a request comes from, for rate limits and blocks: the connection's address, or behind a
     * trusted reverse proxy the address that proxy saw (the last one in X-Forwarded-For).
     */
    static String source(Context ctx, CentralConfig config) {
        String peer = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !config.trustedProxies().contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 45 ? peer : last;
    }

    /** Every route of the API, the checks that run before them, and the answers to what goes wrong. */
    static void install(Javalin app, CentralServer.Parts parts, CentralDatabase db, RetentionJob retention,
                        RateLimits limits, CentralConfig config, OperatorCredential operator) {
        Envelope envelope = parts.envelope();
        Memberships memberships = parts.memberships();
        Patrons patrons = parts.patrons();
        SeriesRegister series = parts.series();
        app.before(ctx -> {
            // Refused before any route runs: a route that never reads its body (the API document, a GET)
            // answered while the body was still arriving, and its answer could arrive cut off.
            if (ctx.req().getContentLengthLong() > Api.MAX_BODY_BYTES) {
                ctx.header("Connection", "close");
                throw new ApiException(413, ErrorCode.BODY_TOO_LARGE, null, "A request body is at most "
                        + Api.MAX_BODY_BYTES + " bytes; send large batches in parts.");
            }
        });
        app.get("/health", ctx -> ctx.json(Map.of("status", "ok", "mode", config.demo() ? "demo" : "production")));
        // Readiness: the service answers and its database does, within a second.
        app.get("/ready", ctx -> {
            if (db.answers()) {
                ctx.json(Map.of("status", "ready"));
            } else {
                ctx.status(503).json(Map.of("status", "not_ready", "reason", "database"));
            }
        });
        app.get("/api/v1/openapi.yaml", ctx -> {
            try (InputStream in = CentralRoutes.class.getResourceAsStream("/app/carddesk/central/openapi.yaml")) {
                ctx.contentType("application/yaml").result(in.readAllBytes());
            }
        });
        app.before("/api/v1/*", ctx -> {
            if (ctx.path().equals("/api/v1/openapi.yaml")) {
                return;
            }
            String source = source(ctx, config);
            if (ctx.path().equals("/api/v1/enrolment")) {
                // A new desk has no credential yet: its one-time code is checked by the route, and a
                // wrong code counts as a failed authentication of the address.
                limits.requireNotBlocked(source);
                return;
            }
            limits.requireNotBlocked(source);
            String authorization = ctx.header("Authorization");
            if (operator.presentedIn(authorization)) {
                ctx.attribute(OPERATOR, Boolean.TRUE);
                return;
            }
            Caller caller;
            try {
                caller = parts.workstations().authenticate(authorization).withDesk(ctx.header("X-CardDesk-Desk"));
            } catch (ApiException refused) {
                limits.failed(source);
                throw refused;
            }
            String session = ctx.header(Api.SESSION_HEADER);
            if (session != null) {
                try {
                    caller = parts.staff().resolve(caller, session);
                } catch (ApiException refused) {
                    limits.failed(source);
                    throw refused;
                }
                if (caller.staff().mustChangePassword() && !ctx.path().startsWith("/api/v1/sessions/current")) {
                    throw new ApiException(403, ErrorCode.PASSWORD_CHANGE_REQUIRED, null, "Choose a new password "
                            + "first: the one you signed in with was set by an administrator.");
                }
            } else if (ctx.header(Api.ACTING_FOR_HEADER) != null && !ctx.path().startsWith("/api/v1/sessions")) {
                // A change queued at the desk, sent by the workstation for the person who made it.
                caller = parts.staff().actingFor(caller, ctx.header(Api.ACTING_FOR_HEADER));
            }
            ctx.attribute(CALLER, caller);
        });
        StaffSessions staff = parts.staff();
        StaffAccounts accounts = parts.accounts();
        app.post("/api/v1/sessions", ctx -> {
            if (ctx.header(Api.SESSION_HEADER) != null) {
                throw new ApiException(400, ErrorCode.INVALID_QUERY, Api.SESSION_HEADER, "Sign in without a session; "
                        + "sign out first to switch user.");
            }
            Api.Session session = staff.signIn(caller(ctx), ctx.body(), envelope);
            // The desk's register key comes back to this desk's own credential only (decision 0012).
            ctx.status(201).json(parts.registerKeys().forSignIn(caller(ctx)).map(session::withRegisterKey)
                    .orElse(session));
        });
        app.get("/api/v1/sessions/current", ctx -> ctx.json(staff.current(caller(ctx))));
        app.delete("/api/v1/sessions/current", ctx -> {
            staff.signOut(caller(ctx));
            ctx.status(204);
        });
        app.post("/api/v1/sessions/current/password", ctx -> {
            staff.changePassword(caller(ctx), ctx.body(), envelope);
            ctx.status(204);
        });
        app.post("/api/v1/enrolment-codes", ctx -> ctx.status(201).json(parts.enrolment().newCode(caller(ctx),
                envelope.parse(ctx.body(), Api.EnrolmentRequest.class))));
        app.post("/api/v1/enrolment", ctx -> {
            try {
                ctx.status(201).json(parts.enrolment().enrol(envelope.parse(ctx.body(), Api.Enrol.class),
                        ctx.header("X-CardDesk-Desk")));
            } catch (ApiException refused) {
                if (refused.status() == 422) {
                    limits.failed(source(ctx, config));
                }
                throw refused;
            }
        });
        app.put("/api/v1/desks/{deskId}/register-key", ctx -> {
            parts.registerKeys().hold(caller(ctx), ctx.pathParam("deskId"),
                    envelope.parse(ctx.body(), Api.RegisterKey.class));
            ctx.status(204);
        });
        app.get("/api/v1/workstations", ctx -> ctx.json(parts.enrolment().list(caller(ctx))));
        app.post("/api/v1/workstations/{accountId}/revoke", ctx -> ctx.json(parts.enrolment().revoke(caller(ctx),
                accountId(ctx))));
        app.get("/api/v1/staff", ctx -> ctx.json(accounts.accounts(caller(ctx))));
        app.get("/api/v1/staff/signs", ctx -> ctx.json(parts.signs().signs(caller(ctx))));
        app.get("/api/v1/staff/acting", ctx -> ctx.json(staff.acting(caller(ctx))));
        app.get("/api/v1/library/hours", ctx -> ctx.json(parts.signs().hours(caller(ctx))));
        app.put("/api/v1/library/hours", ctx -> ctx.json(parts.signs().setHours(caller(ctx), ctx.body(), envelope)));
        app.post("/api/v1/staff", ctx -> ctx.status(201).json(accounts.create(caller(ctx), ctx.body(), envelope)));
        app.post("/api/v1/verification-rounds", ctx -> ctx.status(201).json(parts.rounds().schedule(caller(ctx),
                ctx.body(), envelope)));
        app.get("/api/v1/verification-rounds/current", ctx -> ctx.json(parts.rounds().current(caller(ctx))));
        app.delete("/api/v1/verification-rounds/current", ctx -> {
            parts.rounds().cancel(caller(ctx));
            ctx.status(204);
        });
        app.get("/api/v1/verification-rounds/current/accounts", ctx -> ctx.json(parts.rounds().accounts(caller(ctx))));
        app.post("/api/v1/verification-rounds/current/accounts/{accountId}", ctx -> ctx.json(parts.rounds()
                .decide(caller(ctx), accountId(ctx), ctx.body(), envelope)));
        app.post("/api/v1/staff/{accountId}/lock", ctx -> ctx.json(accounts.setLocked(caller(ctx), accountId(ctx), true)));
        app.put("/api/v1/staff/{accountId}/roles", ctx -> ctx.json(accounts.setRoles(caller(ctx), accountId(ctx),
                ctx.body(), envelope)));
        app.put("/api/v1/staff/{accountId}/name", ctx -> ctx.json(accounts.rename(caller(ctx), accountId(ctx),
                ctx.body(), envelope)));
        app.post("/api/v1/staff/{accountId}/unlock", ctx -> ctx.json(accounts.setLocked(caller(ctx), accountId(ctx),
                false)));
        app.post("/api/v1/patrons", ctx -> answer(ctx,
                parts.registrations().register(caller(ctx, Permission.ISSUE), ctx.header("Idempotency-Key"), ctx.body())));
        app.post("/api/v1/patrons/batch", ctx -> ctx.json(parts.registrations().registerBatch(caller(ctx, Permission.ISSUE), ctx.body())));
        app.get("/api/v1/patrons", ctx -> {
            String card = ctx.queryParam("cardNumber");
            String identity = ctx.queryParam("identity");
            if (identity != null) {
                // Proxies and access logs keep URLs: a national ID never travels in one.
                throw new ApiException(400, ErrorCode.IDENTITY_IN_URL, "identity", "A national ID is never sent in a URL. "
                        + "Use POST /api/v1/patrons/search with {\"identity\": ...} in the body.");
            }
            if (card != null) {
                ctx.json(patrons.findByCard(caller(ctx), card));
            } else {
                throw new ApiException(400, ErrorCode.QUERY_MISSING, null, "Ask by ?cardNumber=, or search with "
                        + "POST /api/v1/patrons/search.");
            }
        });
        app.post("/api/v1/patrons/search", ctx -> ctx.json(parts.search().search(caller(ctx),
                envelope.parse(ctx.body(), Api.PatronSearch.class))));
        app.get("/api/v1/patrons/{id}", ctx -> ctx.json(patrons.get(caller(ctx), id(ctx))));
        app.put("/api/v1/patrons/{id}", ctx -> answer(ctx, patrons.update(caller(ctx, Permission.EDIT), id(ctx),
                ctx.header("If-Match"), ctx.header("Idempotency-Key"), ctx.body(), ctx.header(Api.CARD_RETIRED_HEADER))));
        app.delete("/api/v1/patrons/{id}", ctx -> {
            Answer a = patrons.delete(caller(ctx, Permission.UNSUBSCRIBE), id(ctx), ctx.header("Idempotency-Key"));
            ctx.status(a.status());
        });
        app.get("/api/v1/patrons/{id}/pin-email", ctx -> ctx.json(parts.pinMails().state(caller(ctx, Permission.ISSUE),
                id(ctx))));
        app.post("/api/v1/patrons/{id}/pin-email", ctx -> answer(ctx,
                parts.pinMails().emailPin(caller(ctx, Permission.ISSUE), id(ctx), ctx.header("Idempotency-Key"), ctx.body())));
        // A POST, so that national IDs stay out of URLs and access logs.
        app.post("/api/v1/national/search", ctx -> {
            caller(ctx, Permission.REGISTER_NATIONAL_ID);
            Api.NationalSearch q = envelope.parse(ctx.body(), Api.NationalSearch.class);
            limits.nationalSearch(caller(ctx).library().code() + "/" + caller(ctx).workstation());
            ctx.json(memberships.findNationally(caller(ctx), q));
        });
        app.get("/api/v1/loan-rules", ctx -> ctx.json(memberships.loanRules(caller(ctx), ctx.queryParam("lang"))));
        app.post("/api/v1/patrons/{id}/activation", ctx -> ctx.json(memberships.activate(caller(ctx, Permission.ISSUE), id(ctx),
                envelope.parse(ctx.body(), Api.Activation.class))));
        app.get("/api/v1/patrons/{id}/history", ctx -> ctx.json(memberships.history(caller(ctx), id(ctx))));
        app.get("/api/v1/patrons/{id}/memberships", ctx -> ctx.json(memberships.memberships(caller(ctx), id(ctx))));
        app.put("/api/v1/patrons/{id}/standing", ctx -> ctx.json(memberships.reportStanding(caller(ctx, Permission.EDIT), id(ctx),
                envelope.parse(ctx.body(), Api.Standing.class))));
        app.post("/api/v1/patrons/{id}/unsubscribe", ctx -> ctx.json(memberships.unsubscribe(caller(ctx, Permission.UNSUBSCRIBE), id(ctx))));
        app.post("/api/v1/patrons/{id}/merge", ctx -> answer(ctx, patrons.merge(caller(ctx, Permission.MERGE), id(ctx),
                ctx.header("Idempotency-Key"), ctx.body())));
        app.post("/api/v1/audit/desk-entries", ctx -> ctx.json(parts.audit().receive(caller(ctx), ctx.body())));
        app.get("/api/v1/audit", ctx -> ctx.json(parts.audit().read(caller(ctx), new AuditTrail.AuditQuery(
                ctx.queryParam("patronId"), ctx.queryParam("cardNumber"), ctx.queryParam("staffUser"),
                ctx.queryParam("since"), ctx.queryParam("until")), number(ctx.queryParam("before"), 0),
                number(ctx.queryParam("limit"), 100))));
        app.get("/api/v1/retention", ctx -> ctx.json(retention.policy(caller(ctx).library().code(),
                config.retentionTime())));
        app.get("/api/v1/retention/held", ctx -> ctx.json(retention.held(caller(ctx, Permission.HELD_LIST).library().code())));
        app.get("/api/v1/changes", ctx -> ctx.json(parts.feed().changes(caller(ctx),
                number(ctx.queryParam("after"), 0), (int) number(ctx.queryParam("limit"), Api.FEED_PAGE_DEFAULT))));
        app.get("/api/v1/card-series", ctx -> ctx.json(operator(ctx) ? series.allSeries()
                : series.series(caller(ctx))));
        app.post("/api/v1/card-series", ctx -> {
            requireOperator(ctx);
            ctx.status(201).json(series.reserveSeries(ctx.body()));
        });
        app.delete("/api/v1/card-series/{seriesId}", ctx -> {
            requireOperator(ctx);
            series.withdrawSeries(seriesId(ctx));
            ctx.status(204);
        });
        app.get("/api/v1/library/configuration", ctx -> {
            // A desk asks at every sync whether its library's configuration changed: 304 when not.
            String code = caller(ctx).library().code();
            int version = parts.configurations().version(code).orElseThrow(() -> LibraryConfigurations.unknown(code));
            String etag = "\"" + version + "\"";
            ctx.header("ETag", etag);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.json(parts.configurations().get(code).orElseThrow(() -> LibraryConfigurations.unknown(code)));
        });
        app.get("/api/v1/libraries/{code}/configuration", ctx -> {
            String code = ctx.pathParam("code");
            configurationAuthor(ctx, code);
            ctx.json(parts.configurations().get(code).orElseThrow(() -> LibraryConfigurations.unknown(code)));
        });
        app.put("/api/v1/libraries/{code}/configuration", ctx -> {
            String code = ctx.pathParam("code");
            LibraryConfigurations.Author author = configurationAuthor(ctx, code);
            ConfigurationFile.Read read = ConfigurationFile.read(ctx.bodyAsBytes());
            if (!read.ok()) {
                LibraryConfiguration.Problem first = read.problems().get(0);
                throw "(file)".equals(first.field()) ? new ApiException(400, ErrorCode.MALFORMED_JSON, null,
                        first.reason()) : LibraryConfigurations.refused(read.problems());
            }
            LibraryConfigurations.Stored stored = parts.configurations().put(code, read.configuration(), author);
            ctx.status(stored.created() ? 201 : 200).json(stored.configuration());
        });
        app.get("/api/v1/libraries/{code}/card-series/stock", ctx -> {
            String code = ctx.pathParam("code");
            configurationAuthor(ctx, code);
            ctx.json(parts.configurations().stock(code));
        });
        app.post("/api/v1/population/lookup", ctx -> {
            limits.populationLookup(caller(ctx, Permission.REGISTER_NATIONAL_ID).library().code() + "/" + caller(ctx).workstation());
            ctx.json(parts.population().lookup(caller(ctx), ctx.body()));
        });

        app.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            ctx.status(e.status()).json(e.toError());
        });
        app.exception(Exception.class, (e, ctx) -> {
            // Exception messages can quote data (database errors quote values), so only where it failed is logged.
            StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
            LOG.error("Request failed: {} {} ({} at {})", ctx.method(), ctx.matchedPath(), e.getClass().getName(), at);
            ctx.status(500).json(new Api.Error(ErrorCode.INTERNAL_ERROR.code(), null,
                    "The central service failed; nothing was changed by this request. Try again later.", null));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(new Api.Error(ErrorCode.NOT_FOUND.code(), null, "No such resource in API v1.", null));
            }
        });
    }

    private static void answer(Context ctx, Answer answer) {
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    private static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new ApiException(401, ErrorCode.WORKSTATION_ONLY, null, "This route is for a library's workstations; "
                    + "the operator credential reserves and withdraws card series only.");
        }
        return caller;
    }

    /** The caller, refused (403, the permission named) when the signed-in person may not do this. */
    private static Caller caller(Context ctx, Permission permission) {
        Caller caller = caller(ctx);
        caller.require(permission);
        return caller;
    }

    private static UUID accountId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("accountId"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "accountId", "A staff account id is a UUID.");
        }
    }

    /**
     * Who may see and change a library's configuration: the operator, an organisation administrator,
     * or the library's own administrator (library_config), who changes everything but its series.
     */
    private static LibraryConfigurations.Author configurationAuthor(Context ctx, String code) {
        if (operator(ctx)) {
            return LibraryConfigurations.Author.operator(CentralActor.OPERATOR.stored());
        }
        Caller caller = caller(ctx);
        StaffSessions.Staff staff = caller.requireStaffSession();
        if (staff.permissions().contains(Permission.ORGANISATION_ADMIN)) {
            return LibraryConfigurations.Author.of(caller, true);
        }
        if (!caller.library().code().equals(code)) {
            throw StaffSessions.denied(Permission.ORGANISATION_ADMIN, caller.library().code());
        }
        caller.require(Permission.LIBRARY_CONFIG);
        return LibraryConfigurations.Author.of(caller, false);
    }

    private static boolean operator(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(OPERATOR));
    }

    /** Card series are reserved by the organisation's operator, never by a workstation. */
    private static void requireOperator(Context ctx) {
        if (!operator(ctx)) {
            throw new ApiException(403, ErrorCode.OPERATOR_ONLY, null, "Only the organisation's operator credential "
                    + "(CARDDESK_CENTRAL_ADMIN_TOKEN) reserves or withdraws card series.");
        }
    }

    private static long seriesId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("seriesId"));
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "seriesId", "A card series id is a whole number.");
        }
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCode.INVALID_ID, "id", "A patron id is a UUID.");
        }
    }

    private static long number(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCode.INVALID_QUERY, null, "'" + text + "' is not a whole number.");
        }
    }
}
