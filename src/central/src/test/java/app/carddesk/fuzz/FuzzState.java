package app.carddesk.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** What the fuzzer knows: the libraries it calls as, the patrons it registered, the requests it makes. */
final class FuzzState {

    /** A library the fuzzer calls as, with its token and the card numbers it may issue. */
    static final class Library {
        final String code;
        final String token;
        final String country;
        final String cardPrefix;
        final int cardDigits;
        final int rulesVersion;
        final String pickup;
        long nextCard;
        /** The library's demo administrator, as signed in at the start: user name, password, session. */
        String user;
        String password;
        String session;
        /**
         * Staff accounts the run created at this library (never the administrators it signs in as):
         * another library's accounts are not found there, so a change is tried on the library's own.
         */
        final List<UUID> accounts = new ArrayList<>();
        /** Signs in a session of a second account, for requests that end their session. */
        java.util.function.Supplier<String> freshSession;
        /** A data-protection officer's session: the one reading the audit is sent with. */
        String auditSession;

        Library(String code, String token, String country, String cardPrefix, int cardDigits, long firstCard,
                int rulesVersion, String pickup) {
            this.code = code;
            this.token = token;
            this.country = country;
            this.cardPrefix = cardPrefix;
            this.cardDigits = cardDigits;
            this.nextCard = firstCard;
            this.rulesVersion = rulesVersion;
            this.pickup = pickup;
        }

        String newCard() {
            return cardPrefix + String.format("%0" + cardDigits + "d", nextCard++);
        }
    }

    /** A patron the fuzzer registered, and the libraries that see them. */
    static final class Known {
        final UUID id;
        String home;
        String card;
        String email;
        final Set<String> members = new HashSet<>();

        Known(UUID id, String home, String card, String email) {
            this.id = id;
            this.home = home;
            this.card = card;
            this.email = email;
            members.add(home);
        }
    }

    /** One request as it is sent. */
    static final class Call {
        final OpenApiRoutes.Route route;
        final Library library;
        String path;
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String authorization;
        String body;
        String mutation = "valid";
        Known target;
        /** The desk a register key is sent for (the route's path), named in X-CardDesk-Desk as well. */
        String deskId;

        Call(OpenApiRoutes.Route route, Library library) {
            this.route = route;
            this.library = library;
        }

        String url() {
            StringBuilder b = new StringBuilder(path);
            char sep = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                b.append(sep).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                sep = '&';
            }
            return b.toString();
        }

        String describe() {
            String text = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "... (" + body.length()
                    + " chars)" : body;
            String url = url();
            return route.method() + " " + (url.length() > 300 ? url.substring(0, 300) + "..." : url) + " as "
                    + library.code + " [" + mutation + "] headers=" + headers.keySet()
                    + (authorization == null ? " no token" : "") + " body=" + text;
        }
    }

    final List<Library> libraries;
    final List<Known> known = new ArrayList<>();
    final List<UUID> gone = new ArrayList<>();
    /** Enrolment codes the run made and has not used, and the workstations it enrolled with them. */
    final List<String> enrolmentCodes = new ArrayList<>();
    final List<UUID> workstations = new ArrayList<>();
    /** Card series the run reserved (with the operator's credential) and has not withdrawn. */
    final List<Long> series = new ArrayList<>();
    private final Random random;
    private int keys;

    FuzzState(List<Library> libraries, Random random) {
        this.libraries = libraries;
        this.random = random;
    }

    Library pickLibrary() {
        int n = random.nextInt(10);
        return libraries.get(n < 5 ? 0 : n < 8 ? 1 : 2);
    }

    List<Known> visibleTo(Library l) {
        return known.stream().filter(k -> k.members.contains(l.code)).toList();
    }

    Known pickVisible(Library l) {
        List<Known> own = visibleTo(l);
        return own.isEmpty() ? null : own.get(random.nextInt(own.size()));
    }

    String newKey() {
        return "fz-" + (++keys) + "-" + Long.toHexString(random.nextLong());
    }

    void registered(Library l, JsonNode p) {
        Known k = new Known(UUID.fromString(p.path("id").asText()), l.code,
                p.path("cardNumber").isTextual() ? p.path("cardNumber").asText().trim().toUpperCase(Locale.ROOT) : null,
                p.path("email").isTextual() && !p.path("email").asText().isBlank() ? p.path("email").asText() : null);
        known.removeIf(other -> other.id.equals(k.id));
        known.add(k);
    }

    void forget(UUID id) {
        known.removeIf(k -> k.id.equals(id));
        gone.add(id);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
