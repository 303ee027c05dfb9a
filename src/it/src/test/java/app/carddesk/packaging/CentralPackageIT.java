package app.carddesk.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central register as an organisation installs it: the runnable jar the central module packages
 * starts with {@code java -jar}, answers health and readiness, refuses to start without an operator
 * credential outside demo mode, and carries nothing of the desk. The Debian package holds the jar,
 * the systemd unit and the settings file.
 */
class CentralPackageIT {

    private static final Path JAR = Path.of("../central/target/carddesk-central.jar");
    private static final Path DEB = Path.of("../central/target/carddesk-central_0.1.0_all.deb");
    private static final Path IMAGE = Path.of("../central/target/carddesk-central-image.tar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theRunnableJarCarriesNoDeskLibraries() throws IOException {
        assertThat(JAR).as("built by the central module's package phase").exists();
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            List<String> desk = zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("javafx/") || n.startsWith("com/sun/javafx/")
                            || n.startsWith("org/controlsfx/") || n.startsWith("org/apache/pdfbox/")
                            || n.startsWith("app/carddesk/ui/") || n.startsWith("app/carddesk/store/"))
                    .limit(5).toList();
            assertThat(desk).isEmpty();
            assertThat(zip.getEntry("app/carddesk/central/CentralMain.class")).isNotNull();
            assertThat(zip.getEntry("db/central/V1__central_schema.sql")).isNotNull();
            assertThat(zip.getEntry("org/postgresql/Driver.class")).isNotNull();
            String manifest = new String(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(manifest).contains("Main-Class: app.carddesk.central.CentralMain");
        }
    }

    @Test
    void javaDashJarStartsTheServiceOnItsDefaultH2() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = start(Map.of("CARDDESK_CENTRAL_PORT", String.valueOf(port),
                "CARDDESK_CENTRAL_ADMIN_TOKEN", "an-operator-credential-of-40-characters!",
                "CARDDESK_CENTRAL_DB", "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath(),
                "CARDDESK_CENTRAL_LOG_DIR", dir.resolve("log").toString(),
                "CARDDESK_RETENTION_AT", "off"));
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < until && p.isAlive()) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as("the service answered; its output: %s", output(p)).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"production\"");
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(dir.resolve("log/carddesk-central.log")).exists();
            assertThat(dir.resolve("central.mv.db")).exists();
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theAuditVerifyCommandSealsWalksTheChainAndNamesABrokenLink() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath();
        Map<String, String> env = Map.of("CARDDESK_CENTRAL_ADMIN_TOKEN", "an-operator-credential-of-40-characters!",
                "CARDDESK_CENTRAL_DB", url, "CARDDESK_CENTRAL_LOG_DIR", dir.resolve("log").toString());
        Process empty = start(env, "audit-verify");
        assertThat(empty.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(empty.exitValue()).as(output(empty)).isZero();
        assertThat(output(empty)).contains("Audit chain intact: 0 entries sealed");

        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "carddesk", "");
             java.sql.Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("INSERT INTO audit_event (at, library_code, workstation, action, detail) "
                        + "VALUES (CURRENT_TIMESTAMP, 'KB', 'front desk', 'PATRON_SEARCH', 'by=name')");
            }
            // While another process (here: this test, as the running service would) has the H2 register
            // open, a command says so and what to do, with an exit code of its own, never "broken".
            Process locked = start(env, "audit-verify");
            assertThat(locked.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(locked.exitValue()).as(output(locked)).isEqualTo(4);
            assertThat(output(locked)).contains("is open in the running central service", "Stop the service")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        Process sealed = start(env, "audit-verify");
        assertThat(sealed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sealed.exitValue()).as(output(sealed)).isZero();
        assertThat(output(sealed)).contains("Audit chain intact: 3 entries sealed, 0 waiting");

        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "carddesk", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("UPDATE audit_event SET detail = 'by=card' WHERE chain_seq = 2");
        }
        Process broken = start(env, "audit-verify");
        assertThat(broken.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(broken.exitValue()).isEqualTo(1);
        assertThat(output(broken)).contains("Audit chain BROKEN at chain position 2").doesNotContain("Exception");
    }

    @Test
    void withoutAnOperatorCredentialItRefusesToStartAndSaysWhyInItsLog() throws Exception {
        Process p = start(Map.of("CARDDESK_CENTRAL_DB", "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath(),
                "CARDDESK_CENTRAL_LOG_DIR", dir.resolve("log").toString()));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output(p)).contains("CARDDESK_CENTRAL_ADMIN_TOKEN").doesNotContain("Exception");
        // Under systemd the journal has standard error; the service's own log must say it too.
        assertThat(Files.readString(dir.resolve("log/carddesk-central.log")))
                .contains("CardDesk central service not started").contains("CARDDESK_CENTRAL_ADMIN_TOKEN");
    }

    @Test
    void theDebianPackageInstallsTheServiceItsSettingsAndNoDeskFiles() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb builds and reads the package");
        assertThat(DEB).exists();
        Process list = new ProcessBuilder("dpkg-deb", "--contents", DEB.toString()).redirectErrorStream(true).start();
        String contents = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor()).isZero();
        assertThat(contents).contains("./usr/share/carddesk-central/carddesk-central.jar", "./usr/bin/carddesk-central",
                "./lib/systemd/system/carddesk-central.service", "-rw-r----- root/root")
                .contains("./etc/carddesk-central/central.env")
                // Where root puts the population register adapters the organisation has access to.
                .contains("./usr/lib/carddesk-central/adapters/");
        Process info = new ProcessBuilder("dpkg-deb", "--info", DEB.toString()).redirectErrorStream(true).start();
        String control = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(info.waitFor()).isZero();
        assertThat(control).contains("Package: carddesk-central", "postinst", "conffiles")
                .doesNotContain("libgtk", "openjfx");
        // The settings file is a conffile: the package never writes into it (an upgrade would ask
        // about it); the operator's credential made on installation goes to a file of its own.
        Process postinst = new ProcessBuilder("dpkg-deb", "--info", DEB.toString(), "postinst").redirectErrorStream(true)
                .start();
        String script = new String(postinst.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(postinst.waitFor()).isZero();
        assertThat(script).contains("> /etc/carddesk-central/operator.env").doesNotContain("sed -i");
        Process settings = new ProcessBuilder("sh", "-c", "dpkg-deb --fsys-tarfile '" + DEB
                + "' | tar -xOf - ./etc/carddesk-central/central.env").redirectErrorStream(true).start();
        String env = new String(settings.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(settings.waitFor()).isZero();
        assertThat(env).contains("CARDDESK_CENTRAL_BIND=").doesNotContainPattern("(?m)^CARDDESK_CENTRAL_ADMIN_TOKEN=")
                .containsPattern("(?m)^CARDDESK_POPULATION_ADAPTERS=/usr/lib/carddesk-central/adapters$");
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("Installed-Size: (\\d+)").matcher(control);
        assertThat(size.find()).as("apt can say how much space it takes: %s", control).isTrue();
        assertThat(Long.parseLong(size.group(1))).as("KiB, about the jar's size").isGreaterThan(
                Files.size(JAR) / 1024 * 9 / 10);
    }

    @Test
    void theOciImageRunsTheCentralAsItsOwnUserWithNoDeskLibraries() throws Exception {
        assertThat(IMAGE).as("built by the central module's package phase, without a Docker daemon").exists();
        Path layout = unpack();
        JsonNode manifest = manifest(layout);
        JsonNode config = blob(layout, manifest.get("config")).get("config");
        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        assertThat(config.get("ExposedPorts").has("8480/tcp")).isTrue();
        assertThat(texts(config.get("Entrypoint"))).startsWith("/opt/java/bin/java")
                .endsWith("app.carddesk.central.CentralMain");
        assertThat(texts(config.get("Env"))).contains("CARDDESK_CENTRAL_BIND=0.0.0.0",
                "CARDDESK_CENTRAL_DB=jdbc:h2:file:/var/lib/carddesk-central/central");
        List<String> files = new java.util.ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            files.addAll(run("tar", "-tzf", blobPath(layout, layer).toString()).lines().toList());
        }
        assertThat(files).contains("opt/java/bin/java", "lib64/ld-linux-x86-64.so.2", "app/jib-classpath-file",
                "etc/passwd");
        assertThat(files).anyMatch(f -> f.startsWith("app/libs/postgresql-"))
                .anyMatch(f -> f.startsWith("app/libs/carddesk-domain-"))
                .noneMatch(f -> f.contains("javafx") || f.contains("controlsfx") || f.contains("pdfbox")
                        || f.contains("carddesk-desk"));
    }

    @Test
    void theImagesFilesStartTheCentralAsUser10001() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.exists(Path.of("/usr/sbin/chroot")),
                "runs the image's files under chroot, as a container runtime would");
        Path layout = unpack();
        JsonNode manifest = manifest(layout);
        JsonNode config = blob(layout, manifest.get("config")).get("config");
        // Not in the temporary folder JUnit deletes: /proc is mounted into it while the service runs.
        Path root = Path.of("target", "image-root-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(root);
        for (JsonNode layer : manifest.get("layers")) {
            run("tar", "-xzf", blobPath(layout, layer).toString(), "-C", root.toString());
        }
        Files.createDirectories(root.resolve("proc"));
        Process mount = new ProcessBuilder("mount", "--bind", "/proc", root.resolve("proc").toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor() == 0, "mounting /proc for the image's files needs privileges here");
        // The devices a container runtime gives every container. Without /dev/urandom the JVM made its
        // random seed by timing threads, some twelve seconds of a core.
        try {
            Files.createDirectories(root.resolve("dev"));
            for (String device : DEVICES) {
                Files.deleteIfExists(root.resolve("dev").resolve(device));
                Files.createFile(root.resolve("dev").resolve(device));
                run("mount", "--bind", "/dev/" + device, root.resolve("dev").resolve(device).toString());
            }
        } catch (Exception | AssertionError e) {
            unmount(root);
            throw e;
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of("/usr/sbin/chroot", "--userspec=10001:10001",
                root.toString()));
        command.addAll(texts(config.get("Entrypoint")));
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().clear();
        for (String e : texts(config.get("Env"))) {
            b.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        b.environment().putAll(Map.of("CARDDESK_CENTRAL_PORT", String.valueOf(port),
                "CARDDESK_CENTRAL_BIND", "127.0.0.1", "CARDDESK_RETENTION_AT", "off",
                "CARDDESK_CENTRAL_ADMIN_TOKEN", "an-operator-credential-of-40-characters!",
                // The entrypoint as it is; only its compiler is the quick one, as in every test JVM
                // (the optimising compiler's start-up work was half the run's six seconds of CPU).
                "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"));
        b.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        Process p = b.start();
        try {
            HttpResponse<String> health = waitForHealth(p, port);
            assertThat(health).as("the service answered; its output: %s", output(p)).isNotNull();
            assertThat(health.body()).contains("\"production\"");
            Path data = root.resolve("var/lib/carddesk-central/central.mv.db");
            assertThat(data).exists();
            assertThat(Files.getAttribute(data, "unix:uid")).isEqualTo(10001);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                    .isEqualTo("rw-------");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            unmount(root);
            run("rm", "-rf", root.toString());
        }
    }

    private static final List<String> DEVICES = List.of("null", "zero", "random", "urandom");

    /** Unmounts what the image's files were given (whatever of it is mounted), before they are deleted. */
    private static void unmount(Path root) throws Exception {
        List<String> failed = new java.util.ArrayList<>();
        List<Path> points = new java.util.ArrayList<>(List.of(root.resolve("proc")));
        DEVICES.forEach(d -> points.add(root.resolve("dev").resolve(d)));
        for (Path point : points) {
            Process umount = new ProcessBuilder("umount", point.toString()).redirectErrorStream(true).start();
            String out = new String(umount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (umount.waitFor() != 0 && !out.contains("not mounted") && !out.contains("no mount point")) {
                failed.add(point + ": " + out.strip());
            }
        }
        assertThat(failed).as("unmounted before the image's files are deleted").isEmpty();
    }

    private static HttpResponse<String> waitForHealth(Process p, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && p.isAlive()) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        return null;
    }

    /** The image's OCI layout, unpacked into the test's folder. */
    private Path unpack() throws Exception {
        Path layout = dir.resolve("oci");
        Files.createDirectories(layout);
        run("tar", "-xf", IMAGE.toString(), "-C", layout.toString());
        return layout;
    }

    /** The manifest of the one image the layout holds. */
    private static JsonNode manifest(Path layout) throws IOException {
        return blob(layout, JSON.readTree(layout.resolve("index.json").toFile()).get("manifests").get(0));
    }

    private static Path blobPath(Path layout, JsonNode descriptor) {
        String digest = descriptor.get("digest").asText();
        return layout.resolve("blobs").resolve(digest.substring(0, digest.indexOf(':')))
                .resolve(digest.substring(digest.indexOf(':') + 1));
    }

    private static JsonNode blob(Path layout, JsonNode descriptor) throws IOException {
        return JSON.readTree(blobPath(layout, descriptor).toFile());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                // Short-lived, as the test JVMs are: the quick compiler only (the build's argLine).
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().keySet().removeIf(k -> k.startsWith("CARDDESK_"));
        b.environment().putAll(env);
        b.redirectErrorStream(true);
        b.redirectOutput(dir.resolve("out.txt").toFile());
        return b.start();
    }

    private String output(Process p) throws IOException {
        return Files.readString(dir.resolve("out.txt"));
    }
}
