package app.carddesk.central;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The central's {@code openapi.yaml} as a contract the API tests hold the service to: every request
 * a test sends and every answer it gets is checked against it, and what breaks it is kept until
 * the test ends, so one run lists every mismatch.
 */
final class ApiContract {

    private static final String SPEC = "/app/carddesk/central/openapi.yaml";

    /** Parsing the document takes a while; it is the same for every test. */
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(withNullableCopies(read(SPEC)))
            // A query parameter the contract does not name is a mistake in the test or the document.
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR).build())
            .build();

    private final List<String> problems = new ArrayList<>();

    /**
     * Checks one exchange.
     *
     * @param malformed whether the test breaks the request on purpose (to see it refused): then only
     *                  the answer is checked, and the request must really be one the contract refuses
     */
    void check(String method, String pathAndQuery, Map<String, String> headers, String body,
               HttpResponse<String> response, boolean malformed) {
        Request request = request(method, pathAndQuery, headers, body);
        String call = method + " " + pathAndQuery.replaceAll("\\?.*", "") + " -> " + response.statusCode()
                + " (" + caller() + ")";
        ValidationReport requestReport = VALIDATOR.validateRequest(request);
        if (malformed && !requestReport.hasErrors()) {
            problems.add(call + ": sent as malformed, yet openapi.yaml accepts this request; send it with send()");
        } else if (!malformed) {
            keep(call, "request", requestReport);
        }
        keep(call, "answer", VALIDATOR.validateResponse(request.getPath(), request.getMethod(),
                response(response)));
    }

    /** Fails when any exchange broke the contract, naming each call and what openapi.yaml says. */
    void assertKept() {
        if (!problems.isEmpty()) {
            throw new AssertionError("The central API broke its contract (src/central/src/main/resources" + SPEC + ") in "
                    + problems.size() + " place(s):\n  " + String.join("\n  ", problems));
        }
    }

    private void keep(String call, String side, ValidationReport report) {
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String operation = m.getContext().flatMap(ValidationReport.MessageContext::getApiOperation)
                    .map(o -> o.getOperation().getOperationId()).orElse("no operation");
            StringBuilder line = new StringBuilder(call).append(" [").append(operation).append("] ").append(side)
                    .append(": ").append(m.getKey()).append(" - ").append(m.getMessage());
            m.getNestedMessages().forEach(n -> line.append("\n      ").append(n.getMessage()));
            problems.add(line.toString());
        }
    }

    private static Request request(String method, String pathAndQuery, Map<String, String> headers, String body) {
        int q = pathAndQuery.indexOf('?');
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, q < 0 ? pathAndQuery
                : pathAndQuery.substring(0, q));
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                b.withQueryParam(decode(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        headers.forEach(b::withHeader);
        if (body != null) {
            b.withBody(body);
        }
        return b.build();
    }

    private static SimpleResponse response(HttpResponse<String> r) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(r.statusCode());
        r.headers().map().forEach(b::withHeader);
        if (!r.body().isEmpty()) {
            b.withBody(r.body());
        }
        return b.build();
    }

    /** Where in the test the call was made (the helper and the line that called it), to find it again. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith(ApiContract.class.getPackageName() + ".")
                        && !f.getClassName().equals(ApiContract.class.getName())
                        && !f.getClassName().equals(CentralFixture.class.getName()))
                .limit(2).map(f -> f.getFileName() + ":" + f.getLineNumber())
                .reduce((inner, outer) -> inner + " < " + outer).orElse("?"));
    }

    /**
     * OpenAPI 3.0 makes a referenced schema nullable with {@code nullable: true} beside
     * {@code allOf: [$ref]}; the validator disregards {@code nullable} there and refuses the null.
     * So each such use is pointed at a nullable copy of the schema: the same contract, in a form
     * the validator reads.
     */
    static String withNullableCopies(String yaml) {
        try {
            ObjectNode root = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(yaml);
            ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
            java.util.Set<String> nullable = new java.util.TreeSet<>();
            pointAtNullableCopies(root, nullable);
            for (String name : nullable) {
                schemas.set(name + "OrNull", ((ObjectNode) schemas.get(name).deepCopy()).put("nullable", true));
            }
            return root.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pointAtNullableCopies(JsonNode node, java.util.Set<String> nullable) {
        if (node instanceof ObjectNode o && o.path("nullable").asBoolean() && o.path("allOf").size() == 1
                && o.path("allOf").get(0).has("$ref")) {
            String ref = o.get("allOf").get(0).get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            nullable.add(name);
            o.removeAll();
            o.put("$ref", "#/components/schemas/" + name + "OrNull");
            return;
        }
        node.forEach(child -> pointAtNullableCopies(child, nullable));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String read(String resource) {
        try (InputStream in = ApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
