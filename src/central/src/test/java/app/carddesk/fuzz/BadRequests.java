package app.carddesk.fuzz;

import app.carddesk.fuzz.FuzzState.Call;
import app.carddesk.fuzz.FuzzState.Known;
import app.carddesk.fuzz.FuzzState.Library;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Changes a valid-looking request for the worse: its token, headers, query, document or path. */
final class BadRequests {

    private final Mutations odd;
    private final Random random;
    private final FuzzState state;
    private final ObjectMapper json = new ObjectMapper();

    BadRequests(Mutations odd, Random random, FuzzState state) {
        this.odd = odd;
        this.random = random;
        this.state = state;
    }

    void mutate(Call call) {
        List<Runnable> ways = new ArrayList<>();
        ways.add(() -> mutateAuth(call));
        ways.add(() -> mutateHeaders(call));
        ways.add(() -> mutateQuery(call));
        if (call.body != null) {
            for (int i = 0; i < 4; i++) {
                ways.add(() -> mutateField(call));
            }
            ways.add(() -> {
                call.mutation = "broken body";
                call.body = odd.brokenBody(call.body);
            });
        } else {
            ways.add(() -> {
                call.mutation = "unexpected body";
                call.body = odd.brokenBody("{\"a\":1}");
            });
        }
        if (!call.route.in("path").isEmpty()) {
            ways.add(() -> mutatePath(call));
            ways.add(() -> mutatePath(call));
        }
        if (odd.chance(0.02)) {
            call.mutation = "body over the size limit";
            call.body = "{\"x\":\"" + "y".repeat(300 * 1024) + "\"}";
            return;
        }
        odd.pick(ways).run();
        if (odd.chance(0.15)) {
            odd.pick(ways).run();
            call.mutation += " +more";
        }
    }

    private void mutateAuth(Call call) {
        call.mutation = "token";
        Library other = odd.pick(state.libraries);
        call.authorization = switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> "Bearer ";
            case 2 -> "Bearer not-a-token";
            case 3 -> "Basic " + call.library.token;
            case 4 -> "Bearer " + "t".repeat(odd.between(100, 6000));
            case 5 -> "Bearer " + call.library.token.toUpperCase(Locale.ROOT); // tokens are case-sensitive
            default -> "Bearer " + other.token;
        };
    }

    private void mutateHeaders(Call call) {
        call.mutation = "headers";
        String which = odd.pick("Idempotency-Key", "If-Match", "X-CardDesk-Desk", "Content-Type", "X-Padding");
        switch (random.nextInt(4)) {
            case 0 -> call.headers.remove(which);
            case 1 -> call.headers.put(which, "");
            default -> call.headers.put(which, switch (which) {
                case "If-Match" -> odd.pick("abc", "-1", "\"2\"", "W/\"1\"", "1234567890", "0", "99999999999999999999",
                        " 1 ", "*");
                case "Content-Type" -> odd.pick("text/plain", "application/xml", "application/json; charset=latin1",
                        "multipart/form-data; boundary=x");
                case "X-Padding" -> "p".repeat(odd.between(1000, 12_000));
                default -> odd.chance(0.5) ? "k".repeat(odd.pick(List.of(41, 100, 101, 1000, 5000)))
                        : safeHeader(odd.oddText());
            });
        }
    }

    /** HTTP header values cannot carry line breaks or NUL: the client refuses to send them. */
    private static String safeHeader(String value) {
        String s = value.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return s.length() > 6000 ? s.substring(0, 6000) : s;
    }

    private void mutateQuery(Call call) {
        call.mutation = "query";
        List<String> names = new ArrayList<>(call.route.in("query").stream().map(OpenApiRoutes.Param::name).toList());
        names.add(odd.pick("identity", "unexpected", "limit", "after", "cardNumber", "lang"));
        String name = odd.pick(names);
        call.query.put(name, odd.chance(0.5) ? odd.pick("abc", "-1", "1.5", "", "9".repeat(30),
                String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "0x10", "1e3", "\u0000", "%00")
                : odd.oddText());
    }

    private void mutateField(Call call) {
        call.mutation = "document";
        try {
            call.body = odd.mutate(json.readTree(call.body)).toString();
        } catch (IOException e) {
            call.body = odd.brokenBody(call.body);
        }
    }

    private void mutatePath(Call call) {
        call.mutation = "path";
        String id = switch (random.nextInt(9)) {
            case 0 -> odd.uuid().toString();
            case 1 -> "not-a-uuid";
            case 2 -> "00000000-0000-0000-0000-000000000000";
            case 3 -> "..";
            case 4 -> "a".repeat(odd.between(37, 3000));
            case 5 -> call.target == null ? "1" : call.target.id.toString().toUpperCase(Locale.ROOT);
            case 6 -> state.gone.isEmpty() ? odd.uuid().toString() : odd.pick(state.gone).toString();
            case 7 -> odd.oddText();
            default -> {
                Known someone = state.known.isEmpty() ? null : odd.pick(state.known);
                yield someone == null ? "" : someone.id.toString();
            }
        };
        String template = call.route.path();
        for (OpenApiRoutes.Param p : call.route.in("path")) {
            template = template.replace("{" + p.name() + "}", FuzzState.encode(id));
        }
        call.path = template;
    }
}
