package app.carddesk.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of the central API as its OpenAPI document describes them, with their parameters and
 * request bodies, so that a route added to the document is fuzzed without touching the fuzzer.
 */
final class OpenApiRoutes {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options",
            "trace");
    private static final Set<String> SENDABLE = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    /** A parameter: its name, where it goes (path, query, header) and its schema. */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One route.
     *
     * @param body    the JSON schema of the request body, or null when it takes none
     * @param secured  whether it needs a credential
     * @param operator whether that credential is the operator's (no workstation's will do)
     */
    record Route(String method, String path, List<Param> params, JsonNode body, boolean bodyRequired,
                 boolean secured, boolean operator) {

        String name() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    private final JsonNode doc;
    private final List<Route> routes = new ArrayList<>();

    private OpenApiRoutes(JsonNode doc) {
        this.doc = doc;
        boolean securedByDefault = doc.path("security").isArray() && !doc.path("security").isEmpty();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            List<Param> shared = params(path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode operation = op.getValue();
                List<Param> params = new ArrayList<>(shared);
                for (Param p : params(operation.path("parameters"))) {
                    params.removeIf(q -> q.name().equalsIgnoreCase(p.name()) && q.in().equals(p.in()));
                    params.add(p);
                }
                JsonNode requestBody = resolve(operation.path("requestBody"));
                JsonNode json = requestBody.path("content").path("application/json");
                JsonNode body = requestBody.isMissingNode() ? null
                        : json.isMissingNode() ? requestBody : json.path("schema");
                JsonNode security = operation.has("security") ? operation.get("security") : doc.path("security");
                boolean secured = operation.has("security") ? !security.isEmpty() : securedByDefault;
                boolean operatorOnly = secured && security.isArray() && java.util.stream.StreamSupport
                        .stream(security.spliterator(), false).allMatch(s -> s.has("operator"));
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params), body,
                        requestBody.path("required").asBoolean(false), secured, operatorOnly));
            }
        }
    }

    static OpenApiRoutes read(InputStream yaml) {
        try {
            return new OpenApiRoutes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.yaml cannot be read", e);
        }
    }

    List<Route> routes() {
        return routes;
    }

    private List<Param> params(JsonNode list) {
        List<Param> out = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = resolve(raw);
            out.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    p.path("schema")));
        }
        return out;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); other nodes come back as they are. */
    JsonNode resolve(JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at.has("$ref") && hops < 20; hops++) {
            String ref = at.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            at = doc.at(ref.substring(1));
        }
        return at;
    }

    /** The name of the component schema a {@code $ref} points to, if it does. */
    static Optional<String> componentName(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? Optional.of(ref.substring("#/components/schemas/".length()))
                : Optional.empty();
    }

    /**
     * What keeps a route from being fuzzed: a method that cannot be sent, a path template without
     * its parameter, a parameter outside path, query and header, a body that is not JSON, or a
     * schema the fuzzer cannot build a document from. Each problem names the route.
     */
    List<String> unsupported(Route r) {
        List<String> problems = new ArrayList<>();
        if (!SENDABLE.contains(r.method())) {
            problems.add(r.name() + ": the method cannot be fuzzed");
        }
        Matcher m = TEMPLATE.matcher(r.path());
        while (m.find()) {
            String name = m.group(1);
            if (r.in("path").stream().noneMatch(p -> p.name().equals(name))) {
                problems.add(r.name() + ": path parameter {" + name + "} is not described");
            }
        }
        for (Param p : r.params()) {
            if (!Set.of("path", "query", "header").contains(p.in())) {
                problems.add(r.name() + ": parameter " + p.name() + " in " + p.in() + " cannot be fuzzed");
            }
            checkSchema(r, "parameter " + p.name(), p.schema(), problems, 0);
        }
        if (r.body() != null) {
            if (!r.body().has("type") && !r.body().has("$ref") && !r.body().has("allOf") && !r.body().has("oneOf")
                    && !r.body().has("anyOf")) {
                problems.add(r.name() + ": the request body is not described as application/json with a schema");
            } else {
                checkSchema(r, "request body", r.body(), problems, 0);
            }
        }
        return problems;
    }

    private void checkSchema(Route r, String where, JsonNode schema, List<String> problems, int depth) {
        if (depth > 12 || schema.isMissingNode()) {
            return;
        }
        JsonNode s = resolve(schema);
        if (s.isMissingNode()) {
            problems.add(r.name() + ": " + where + " refers to " + schema.path("$ref").asText() + ", which is not there");
            return;
        }
        for (String combination : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : s.path(combination)) {
                checkSchema(r, where, part, problems, depth + 1);
            }
        }
        String type = s.path("type").asText("");
        if (!type.isEmpty() && !TYPES.contains(type)) {
            problems.add(r.name() + ": " + where + " has type " + type + ", which the fuzzer cannot build");
        }
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            checkSchema(r, where + "." + p.getKey(), p.getValue(), problems, depth + 1);
        }
        if (s.has("items")) {
            checkSchema(r, where + "[]", s.get("items"), problems, depth + 1);
        }
    }
}
