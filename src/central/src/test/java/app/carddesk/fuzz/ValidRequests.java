package app.carddesk.fuzz;

import app.carddesk.fuzz.FuzzState.Call;
import app.carddesk.fuzz.FuzzState.Known;
import app.carddesk.fuzz.FuzzState.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Valid-looking requests for any route of the document: bodies built from its schemas, with
 * realistic values where a field's name says what it holds, real patrons' ids, cards and
 * documents (fetched and edited as staff would), and fresh idempotency keys.
 */
final class ValidRequests {

    private static final String[] SURNAMES = {"Berg", "Østergaard", "Nguyễn", "O'Brien", "Müller-Lüdenscheidt",
        "Hansen", "Åberg", "Kim", "Lindqvist", "Haugen"};
    private static final String[] NATIONAL_IDS = {"1503901001", "150390-1001", "0211852003", "3006014002",
        "0101654002", "14839512318", "02870151236", "51929023467", "07888834537", "1234567890", "x"};

    private static final String[] WORDS = {"harbour", "kite", "tram", "meadow", "copper", "violin"};

    private final OpenApiRoutes api;
    private final Mutations odd;
    private final Random random;
    private final FuzzState state;
    /** Every patron the fuzzer registers chose this PIN; the desk sends its Argon2id hash. */
    static final String PIN = "4826";
    static final String PIN_HASH = new app.carddesk.security.Argon2PinHasher(1024, 1).hash(PIN);
    private final Function<Call, HttpResponse<String>> fetch;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** @param fetch sends a GET for a document to edit, as one of the run's requests */
    ValidRequests(OpenApiRoutes api, Mutations odd, Random random, FuzzState state,
                  Function<Call, HttpResponse<String>> fetch) {
        this.api = api;
        this.odd = odd;
        this.random = random;
        this.state = state;
        this.fetch = fetch;
    }

    Call build(OpenApiRoutes.Route route, Library library) {
        Call call = new Call(route, library);
        if (route.secured()) {
            call.authorization = "Bearer " + (route.operator() ? app.carddesk.central.CentralConfig.DEMO_ADMIN_TOKEN
                    : library.token);
        }
        String path = route.path();
        for (OpenApiRoutes.Param p : route.in("path")) {
            String value;
            if (p.name().equals("id")) {
                call.target = route.path().endsWith("/activation") ? activationTarget(library) : state.pickVisible(library);
                value = call.target == null ? odd.uuid().toString() : call.target.id.toString();
            } else if (p.name().equals("code") && odd.chance(0.9)) {
                value = library.code;
            } else if (p.name().equals("deskId") && odd.chance(0.9)) {
                value = library.code + "-desk-" + random.nextInt(3);
                call.deskId = value;
            } else {
                value = generate(api.resolve(p.schema()), p.name(), call, 0).asText();
            }
            path = path.replace("{" + p.name() + "}", FuzzState.encode(value));
        }
        call.path = path;
        for (OpenApiRoutes.Param p : route.in("query")) {
            if (p.required() || odd.chance(0.7)) {
                call.query.put(p.name(), generate(api.resolve(p.schema()), p.name(), call, 0).asText());
            }
        }
        for (OpenApiRoutes.Param p : route.in("header")) {
            if (p.name().equalsIgnoreCase("Idempotency-Key")) {
                call.headers.put(p.name(), state.newKey());
            } else if (p.name().equalsIgnoreCase("If-Match")) {
                call.headers.put(p.name(), "1");
            } else if (p.name().equalsIgnoreCase(app.carddesk.api.Api.SESSION_HEADER)) {
                // Signing out ends the session it is sent with: that one is signed in for the purpose.
                call.headers.put(p.name(), route.method().equals("DELETE") && route.path().equals(
                        "/api/v1/sessions/current") ? library.freshSession.get()
                        : route.path().equals("/api/v1/audit") ? library.auditSession : library.session);
            } else if (p.name().equalsIgnoreCase(app.carddesk.api.Api.ACTING_FOR_HEADER)) {
                // A queued change names who made it: mostly the library's administrator, now and then
                // someone unknown, whose change is refused.
                if (p.required() || odd.chance(0.3)) {
                    call.headers.put(p.name(), odd.chance(0.9) ? library.user : "left.long.ago");
                }
            } else if (p.required() || odd.chance(0.7)) {
                call.headers.put(p.name(), generate(api.resolve(p.schema()), p.name(), call, 0).asText());
            }
        }
        if (odd.chance(0.3)) {
            call.headers.put("X-CardDesk-Desk", "fuzz-desk-" + random.nextInt(3));
        }
        if (call.deskId != null && odd.chance(0.9)) {
            call.headers.put("X-CardDesk-Desk", call.deskId);
        }
        if (route.body() != null) {
            JsonNode body = route.method().equals("PUT") && call.target != null && isPatron(route.body())
                    ? editedPatron(call)
                    : route.method().equals("PUT") && isConfiguration(route.body()) && odd.chance(0.8)
                    ? editedConfiguration(call) : generate(route.body(), "", call, 0);
            call.body = body.toString();
        }
        return call;
    }

    private static boolean isPatron(JsonNode schema) {
        return OpenApiRoutes.componentName(schema).map("Patron"::equals).orElse(false);
    }

    private static boolean isConfiguration(JsonNode schema) {
        return OpenApiRoutes.componentName(schema).map("LibraryConfiguration"::equals).orElse(false);
    }

    /**
     * A library's real configuration, fetched, with a name changed or a loan-rules version added, as
     * its administrator would change it; a generated one when there is none to fetch.
     */
    private JsonNode editedConfiguration(Call call) {
        Call get = new Call(call.route, call.library);
        get.path = call.path;
        get.authorization = call.authorization;
        get.headers.putAll(call.headers);
        get.mutation = "fetch for an edit";
        HttpResponse<String> r = fetch.apply(get);
        if (r == null || r.statusCode() != 200) {
            return generate(call.route.body(), "", call, 0);
        }
        try {
            ObjectNode doc = (ObjectNode) json.readTree(r.body());
            switch (random.nextInt(3)) {
                case 0 -> doc.put("name", odd.pick(SURNAMES) + " bibliotek");
                case 1 -> {
                    if (doc.withArray("categories").get(0) instanceof ObjectNode category
                            && category.get("names") instanceof ObjectNode names) {
                        names.put("en", odd.pick(WORDS) + " readers");
                    }
                }
                default -> {
                    int next = doc.withArray("loanRules").size() == 0 ? 1
                            : doc.withArray("loanRules").get(doc.withArray("loanRules").size() - 1).path("version").asInt() + 1;
                    doc.withArray("loanRules").addObject().put("version", next).putObject("text")
                            .put("en", "Loan rules, version " + next + ".");
                }
            }
            return doc;
        } catch (IOException e) {
            return generate(call.route.body(), "", call, 0);
        }
    }

    /** For an activation, mostly a patron of another library of the caller's country. */
    private Known activationTarget(Library l) {
        List<Known> elsewhere = state.known.stream().filter(k -> !k.members.contains(l.code) && state.libraries.stream()
                .anyMatch(o -> o.code.equals(k.home) && o.country.equals(l.country))).toList();
        return !elsewhere.isEmpty() && odd.chance(0.8) ? odd.pick(elsewhere) : state.pickVisible(l);
    }

    /** A real document of the patron, fetched, with a field or two changed as staff would change them. */
    private JsonNode editedPatron(Call call) {
        Call get = new Call(call.route, call.library);
        get.path = "/api/v1/patrons/" + call.target.id;
        get.authorization = call.authorization;
        get.mutation = "fetch for an edit";
        HttpResponse<String> r = fetch.apply(get);
        if (r == null || r.statusCode() != 200) {
            return newPatron(call.library, call.target.id);
        }
        try {
            ObjectNode doc = (ObjectNode) json.readTree(r.body());
            call.headers.put("If-Match", doc.path("version").asText("1"));
            switch (random.nextInt(5)) {
                case 0 -> doc.put("email", "edited." + random.nextInt(10_000) + "@example.org");
                case 1 -> doc.put("phone", "+47 " + (20_000_000 + random.nextInt(9_000_000)));
                case 2 -> {
                    if (doc.get("address") instanceof ObjectNode address) {
                        address.put("city", odd.pick(SURNAMES) + "by");
                    }
                }
                case 3 -> doc.put("category", odd.pick("ADULT", "STUDENT", "SENIOR"));
                default -> doc.put("cardNumber", call.library.newCard());
            }
            return doc;
        } catch (IOException | RuntimeException e) {
            return newPatron(call.library, call.target.id);
        }
    }

    /** A registration that passes every rule of the caller's library, most of the time. */
    private ObjectNode newPatron(Library l, UUID id) {
        ObjectNode p = nodes.objectNode();
        p.put("id", (id == null ? odd.uuid() : id).toString());
        p.put("cardNumber", odd.chance(0.85) ? l.newCard() : null);
        ObjectNode identity = p.putObject("identity");
        if (odd.chance(0.1)) {
            identity.put("kind", l.country.equals("DK") ? "CPR" : "FNR").put("number", odd.pick(NATIONAL_IDS));
        } else {
            identity.put("kind", "NONE").putNull("number");
        }
        String surname = odd.pick(SURNAMES);
        p.put("surname", surname);
        p.put("givenName", odd.pick("Anna", "Ole", "Kari", "Mette", "Jonas", "Sofie"));
        boolean child = odd.chance(0.1);
        p.put("birthDate", LocalDate.of(child ? odd.between(2014, 2020) : odd.between(1940, 2004), odd.between(1, 12),
                odd.between(1, 28)).toString());
        p.put("email", odd.chance(0.7) ? "fuzz." + random.nextInt(1_000_000) + "@example.org" : null);
        p.put("phone", odd.chance(0.5) ? "+45 12 34 56 78" : null);
        p.putObject("address").put("line", "Gade " + odd.between(1, 200)).put("postalCode", "1000")
                .put("city", l.country.equals("DK") ? "København" : "Oslo")
                .put("country", l.country.equals("DK") ? "Danmark" : "Norge");
        p.put("pickupLibrary", l.pickup);
        p.put("category", "ADULT");
        p.putNull("expiresOn");
        p.put("expectsNationalId", true);
        p.put("feesOwedMinor", 0);
        p.put("printCreditMinor", 0);
        ArrayNode guardians = p.putArray("guardians");
        Known guardian = state.pickVisible(l);
        if ((child || odd.chance(0.05)) && guardian != null) {
            guardians.addObject().put("guardianId", guardian.id.toString())
                    .put("consentAt", Instant.now().minus(Duration.ofDays(odd.between(0, 30))).toString());
        }
        return p;
    }

    /** A value for a schema, realistic where the name says what it is, else of the schema's type. */
    private JsonNode generate(JsonNode schemaRef, String name, Call call, int depth) {
        if (isPatron(schemaRef)) {
            return newPatron(call.library, null);
        }
        JsonNode s = api.resolve(schemaRef);
        if (depth > 8) {
            return nodes.nullNode();
        }
        if (s.has("allOf")) {
            ObjectNode merged = nodes.objectNode();
            for (JsonNode part : s.get("allOf")) {
                JsonNode v = generate(part, name, call, depth + 1);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                } else {
                    return v;
                }
            }
            return merged;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.has(choice) && !s.get(choice).isEmpty()) {
                return generate(s.get(choice).get(random.nextInt(s.get(choice).size())), name, call, depth + 1);
            }
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(random.nextInt(s.get("enum").size()));
        }
        JsonNode pooled = pool(name, s, call);
        if (pooled != null) {
            return pooled;
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode o = nodes.objectNode();
                Set<String> required = new HashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                List<String> names = new ArrayList<>();
                s.path("properties").fieldNames().forEachRemaining(names::add);
                names.removeIf(n -> s.path("properties").path(n).path("readOnly").asBoolean(false));
                // A document with no required field is often a choice of one (a search by one key):
                // one field always, the others now and then.
                String one = names.isEmpty() ? null : odd.pick(names);
                for (String n : names) {
                    boolean take = required.isEmpty() ? n.equals(one) || odd.chance(0.5 / names.size())
                            : required.contains(n) || odd.chance(0.8);
                    if (take) {
                        o.set(n, generate(s.path("properties").path(n), n, call, depth + 1));
                    }
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = nodes.arrayNode();
                int max = s.path("maxItems").asInt(5);
                for (int i = odd.between(1, Math.max(1, Math.min(max, 5))); i > 0; i--) {
                    a.add(generate(s.path("items"), name, call, depth + 1));
                }
                yield a;
            }
            case "integer" -> nodes.numberNode(Math.max(s.path("minimum").asLong(0), Math.min(
                    s.path("maximum").asLong(Long.MAX_VALUE), odd.between(0, 20))));
            case "number" -> nodes.numberNode(random.nextDouble() * 100);
            case "boolean" -> nodes.booleanNode(random.nextBoolean());
            default -> switch (s.path("format").asText("")) {
                case "uuid" -> nodes.textNode(state.pickVisible(call.library) == null || odd.chance(0.2)
                        ? odd.uuid().toString() : state.pickVisible(call.library).id.toString());
                case "date" -> nodes.textNode(LocalDate.of(odd.between(1940, 2020), odd.between(1, 12),
                        odd.between(1, 28)).toString());
                case "date-time" -> nodes.textNode(Instant.now().minus(Duration.ofDays(odd.between(0, 900)))
                        .toString());
                default -> nodes.textNode(odd.pick(SURNAMES));
            };
        };
    }

    /** Realistic values for the fields whose names say what they hold; null for the others. */
    private JsonNode pool(String name, JsonNode schema, Call call) {
        Library l = call.library;
        Known target = call.target;
        return switch (name) {
            case "idempotencyKey" -> nodes.textNode(state.newKey());
            case "action" -> nodes.textNode(odd.pick(List.of("SIGNED_IN", "PATRON_VIEWED", "PATRON_SEARCH")));
            case "staffUser" -> nodes.textNode(odd.chance(0.8) ? l.user : odd.pick(SURNAMES));
            // The audit's period: mostly one that ends after it begins.
            case "since" -> nodes.textNode(Instant.now().minus(Duration.ofDays(odd.between(1, 900))).toString());
            case "until" -> nodes.textNode(Instant.now().plus(Duration.ofHours(odd.between(-12, 48))).toString());
            case "opens" -> nodes.textNode(odd.chance(0.9) ? "0" + odd.between(7, 9) + ":00" : "25:99");
            case "closes" -> nodes.textNode(odd.chance(0.9) ? odd.between(16, 21) + ":30" : "06:00");
            case "actingFor" -> odd.chance(0.5) ? nodes.nullNode() : nodes.textNode(odd.chance(0.9) ? l.user
                    : "left.long.ago");
            case "otherId" -> {
                List<Known> others = state.visibleTo(l).stream().filter(k -> k != target).toList();
                yield nodes.textNode(others.isEmpty() ? odd.uuid().toString() : odd.pick(others).id.toString());
            }
            case "keepCardNumber" -> target == null || target.card == null || odd.chance(0.3) ? nodes.nullNode()
                    : nodes.textNode(target.card);
            case "cardNumber" -> {
                List<Known> pool = call.route.path().contains("national") ? state.known : state.visibleTo(l);
                List<Known> carded = pool.stream().filter(k -> k.card != null).toList();
                yield carded.isEmpty() ? nodes.textNode(l.newCard()) : nodes.textNode(odd.pick(carded).card);
            }
            case "identity", "number" -> schema.path("type").asText("string").equals("string")
                    ? nodes.textNode(odd.pick(NATIONAL_IDS)) : null;
            case "email" -> nodes.textNode(target != null && target.email != null ? target.email
                    : "someone@example.org");
            case "rulesVersion" -> nodes.numberNode(odd.chance(0.85) ? l.rulesVersion : odd.between(0, 3));
            case "makeHome" -> nodes.booleanNode(odd.chance(0.2));
            case "loans", "reminders", "claims" -> nodes.numberNode(odd.chance(0.7) ? 0 : odd.between(1, 3));
            case "lastActivity" -> nodes.textNode(Instant.now().minus(Duration.ofDays(odd.between(0, 400))).toString());
            case "name" -> nodes.textNode(odd.pick(SURNAMES));
            case "phone" -> nodes.textNode("+45 12 34 56 78");
            case "birthDate" -> odd.chance(0.8) ? nodes.nullNode() : nodes.textNode("1990-05-17");
            case "prefix" -> nodes.textNode(randomPrefix());
            case "library" -> nodes.textNode(odd.chance(0.9) ? l.code : odd.pick(SURNAMES));
            case "seriesId" -> nodes.textNode(state.series.isEmpty() || odd.chance(0.2)
                    ? Integer.toString(odd.between(1, 1000)) : state.series.get(random.nextInt(state.series.size()))
                    .toString());
            case "pin" -> nodes.textNode(odd.chance(0.8) ? PIN : "0000");
            case "pinHash" -> odd.chance(0.9) ? nodes.textNode(PIN_HASH) : nodes.nullNode();
            case "digits" -> nodes.numberNode(odd.between(6, 9));
            case "userName" -> nodes.textNode(call.route.path().equals("/api/v1/sessions") ? l.user
                    : "fz." + Long.toHexString(random.nextLong() & 0xffffffL));
            case "password", "currentPassword" -> nodes.textNode(odd.chance(0.97) ? l.password : "not-the-password-"
                    + random.nextInt(100));
            case "newPassword" -> nodes.textNode(odd.pick(SURNAMES) + " lantern " + odd.pick(WORDS) + " "
                    + random.nextInt(1000));
            case "displayName" -> nodes.textNode(odd.pick(SURNAMES));
            case "workEmail" -> nodes.textNode("staff" + random.nextInt(1000) + "@example.org");
            case "roles" -> schema.path("type").asText("").equals("array") ? null
                    : nodes.textNode(odd.pick(new String[] {"DESK_STAFF", "SUPERVISOR"}));
            case "accountId" -> {
                List<UUID> ids = call.route.path().startsWith("/api/v1/workstations/") ? state.workstations
                        : l.accounts;
                yield nodes.textNode(ids.isEmpty() || odd.chance(0.1) ? odd.uuid().toString()
                        : ids.get(random.nextInt(ids.size())).toString());
            }
            case "workstationName" -> nodes.textNode("Fuzz desk " + random.nextInt(100));
            case "key" -> nodes.textNode(odd.chance(0.1) ? "c2hvcnQ=" : java.util.Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf((call.deskId + (odd.chance(0.8) ? "" : random.nextInt(9)))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8), 32)));
            case "code" -> nodes.textNode(state.enrolmentCodes.isEmpty() || odd.chance(0.1)
                    ? "zzzz-zzzz-" + random.nextInt(10_000) : state.enrolmentCodes.get(0));
            case "from" -> nodes.numberNode(odd.between(0, 100_000));
            case "to" -> nodes.numberNode(odd.between(100_000, 200_000));
            default -> null;
        };
    }

    private String randomPrefix() {
        StringBuilder b = new StringBuilder();
        for (int i = odd.between(1, 4); i > 0; i--) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }
}
