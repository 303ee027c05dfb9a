package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.Javalin;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * openapi.yaml describes the routes the central service really serves: every one, and no other.
 * (The API tests check each exchange against it; this checks that none is left out.)
 */
class OpenApiDocumentIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @TempDir
    Path dir;

    @Test
    void documentsEveryRouteTheServiceServesAndNoOther() throws Exception {
        Set<String> served = new TreeSet<>();
        try (CentralFixture central = new CentralFixture(dir, 0)) {
            // The server keeps its Javalin to itself; a test reads the router rather than widen the server's API.
            java.lang.reflect.Field field = CentralServer.class.getDeclaredField("app");
            field.setAccessible(true);
            Javalin app = (Javalin) field.get(central.server);
            app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                    .filter(e -> e.getEndpoint().getMethod().isHttpMethod())
                    .forEach(e -> served.add(e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath()));
        }
        Set<String> documented = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/app/carddesk/central/openapi.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }));
        }
        assertThat(served).as("routes the central service serves").isNotEmpty();
        assertThat(documented).as("operations in openapi.yaml").containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void documentsTheProtocolsCodesAndKindsAsTheTypesBothEndsUse() throws Exception {
        JsonNode schemas;
        try (InputStream in = getClass().getResourceAsStream("/app/carddesk/central/openapi.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).get("components").get("schemas");
        }
        List<String> codes = new java.util.ArrayList<>();
        schemas.get("Error").get("properties").get("error").get("enum").forEach(n -> codes.add(n.asText()));
        assertThat(codes).as("error codes in openapi.yaml").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(app.carddesk.api.ErrorCode.values()).map(app.carddesk.api.ErrorCode::code)
                        .toList());
        List<String> kinds = new java.util.ArrayList<>();
        schemas.get("Change").get("properties").get("kind").get("enum").forEach(n -> kinds.add(n.asText()));
        assertThat(kinds).as("change kinds in openapi.yaml").containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(app.carddesk.api.ChangeKind.values()).map(Enum::name).toList());
    }
}
