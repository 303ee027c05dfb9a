package app.carddesk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The installed desk, measured as staff start it: cold starts of the desk's application image (the
 * one its installer packages) to the first window, the sign-in screen ready and ready-to-scan (signed in
 * at once, and after a person's typing time: from the Enter), beside a bare JavaFX window
 * packaged the same way, and the desk's resident memory after a minute with its register open.
 *
 * <p>Build the image first, then run under a display (the desk's starts share one register, as a desk's
 * starts do; the first start, which creates it, is printed on its own):
 * {@code mvn -Dinstaller -pl src/desk -am package -DskipTests} and
 * {@code xvfb-run -a mvn test-compile exec:exec@bench-desk}. It fails when a start does not report
 * ready, so its figures always come from desks that started.
 */
public final class DeskImageBenchmark {

    private static final boolean SMOKE = "smoke".equals(System.getProperty("carddesk.bench"));
    private static final int STARTS = SMOKE ? 2 : 7;
    private static final int IDLE_SECONDS = SMOKE ? 5 : 60;
    private static final Path DESK_IMAGE = Path.of(System.getProperty("carddesk.image",
            "../desk/target/installer/dist/CardDesk"));
    private static final Path JAVAFX = Path.of("../desk/target/installer/javafx");
    /** The desktop entry the package installs: the desk is measured as its menu entry starts it. */
    private static final Path DESKTOP_ENTRY = Path.of("../../assets/CardDesk.desktop");
    /** The time a person takes to type user name and password, in the series that models one. */
    private static final long TYPING_MILLIS = 3000;

    /** One start's times in ms from process start (-1: not reported): window, sign-in ready, Enter, ready to scan. */
    private record Start(long shown, long signInReady, long submitted, long ready) {
    }

    private DeskImageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.isExecutable(DESK_IMAGE.resolve("bin/CardDesk"))) {
            throw new IllegalStateException("no desk image at " + DESK_IMAGE.toAbsolutePath()
                    + ": build it with mvn -Dinstaller -pl src/desk -am package -DskipTests");
        }
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("no DISPLAY: run under xvfb-run -a");
        }
        Path bare = bareWindowImage();
        Path desk = install();
        Path work = BenchFolder.create("carddesk-image-bench").path();
        launch(bare.resolve("bin/BareWindow"), null, null, false, 0);
        Start first = launch(desk.resolve("bin/CardDesk"), desk, work.resolve("register"), false, 0);
        List<Long> bareShown = new ArrayList<>();
        List<Long> deskShown = new ArrayList<>();
        List<Long> signInReady = new ArrayList<>();
        List<Long> deskReady = new ArrayList<>();
        List<Long> enterToReady = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            bareShown.add(launch(bare.resolve("bin/BareWindow"), null, null, false, 0).shown());
            Start d = launch(desk.resolve("bin/CardDesk"), desk, work.resolve("register"), false, 0);
            deskShown.add(d.shown());
            signInReady.add(d.signInReady());
            deskReady.add(d.ready());
            Start typed = launch(desk.resolve("bin/CardDesk"), desk, work.resolve("register"), false, TYPING_MILLIS);
            enterToReady.add(typed.ready() - typed.submitted());
        }
        System.out.printf("desk start-up as installed, %d starts each after one warm-up (ms from process start; "
                + "image %s, installed to %s with its CDS archive made there):%n", STARTS, DESK_IMAGE.normalize(), desk);
        System.out.printf("  the very first start, creating its register: shown %d, ready %d%n", first.shown(),
                first.ready());
        System.out.printf("  bare JavaFX window shown   median %5d  (runs %s)%n", median(bareShown), bareShown);
        System.out.printf("  CardDesk window shown      median %5d  (runs %s)%n", median(deskShown), deskShown);
        System.out.printf("  sign-in screen ready       median %5d  (runs %s; laid out, staff can type)%n",
                median(signInReady), signInReady);
        // Each desk start comes right after a bare window's, so their difference is what the desk adds to
        // what JavaFX takes at that moment, whatever the machine's speed (decision 0016).
        List<Long> afterBare = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            afterBare.add(signInReady.get(i) - bareShown.get(i));
        }
        System.out.printf("  sign-in ready, after bare  median %+5d  (runs %s; each beside the bare window started just "
                + "before it: what the desk adds)%n", median(afterBare), afterBare);
        System.out.printf("  CardDesk ready to scan     median %5d  (runs %s; the demo account signed in the moment "
                + "the sign-in screen was ready, its register opened with the unsealed key)%n",
                median(deskReady), deskReady);
        System.out.printf("  Enter to ready to scan     median %5d  (runs %s; ms after the sign-in's Enter, which came "
                + "%d ms after the sign-in screen was ready, as a person types)%n", median(enterToReady),
                enterToReady, TYPING_MILLIS);
        long rss = idleResidentKb(desk, work.resolve("register"));
        System.out.printf("desk memory: %,d MB resident after %d s idle with its register open (goal: at most 200)%n",
                rss / 1024, IDLE_SECONDS);
    }

    /**
     * Installs the image as the package does: copied to a folder of its own, where postinst's step makes
     * the class-data sharing archive (an archive is valid only in the folder it was made in).
     */
    private static Path install() throws Exception {
        Path target = Path.of("target/bench-desk/CardDesk").toAbsolutePath();
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(DESK_IMAGE)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(DESK_IMAGE.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().equals("carddesk.jsa")) {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Process cds = new ProcessBuilder("sh", target.resolve("lib/app/cds-archive.sh").toString(), target.toString())
                .inheritIO().start();
        if (cds.waitFor() != 0 || !Files.exists(target.resolve("lib/app/carddesk.jsa"))) {
            throw new IllegalStateException("no CDS archive was made in " + target);
        }
        return target;
    }

    /** A bare JavaFX window as an application image, packaged with the same runtime options as the desk. */
    private static Path bareWindowImage() throws Exception {
        Path dir = Path.of("target/bench-bare");
        Path input = dir.resolve("input");
        Path image = dir.resolve("dist/BareWindow");
        if (Files.isExecutable(image.resolve("bin/BareWindow"))) {
            return image;
        }
        Files.createDirectories(input);
        try (OutputStream out = Files.newOutputStream(input.resolve("bare.jar"));
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> classes = Files.list(Path.of("target/test-classes/app/carddesk/bench"))) {
            for (Path c : classes.filter(p -> p.getFileName().toString().startsWith("BareWindow")).toList()) {
                jar.putNextEntry(new JarEntry("app/carddesk/bench/" + c.getFileName()));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jpackage").toString(),
                "--type", "app-image", "--name", "BareWindow", "--input", input.toString(), "--main-jar", "bare.jar",
                "--main-class", "app.carddesk.bench.BareWindow$Start", "--module-path", JAVAFX.toString(),
                "--add-modules", "javafx.controls,java.management", "--jlink-options",
                "--strip-native-commands --strip-debug --no-man-pages --no-header-files --compress=2",
                "--dest", dir.resolve("dist").toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jpackage could not build the bare window's image");
        }
        return image;
    }

    /**
     * Starts an image and times it until it reports its window and (the desk) ready. The launcher takes
     * JVM options from its .cfg only, so the desk's benchmark settings go there.
     */
    private static Start launch(Path launcher, Path image, Path home, boolean stay, long typingMillis)
            throws Exception {
        if (image != null) {
            configure(image, home, stay, typingMillis);
        }
        ProcessBuilder b = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
        if (image != null) {
            b.environment().putAll(desktopEnvironment());
        }
        long start = System.nanoTime();
        Process p = b.start();
        Start times = read(p, start, image != null, stay);
        if (!stay && !p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return times;
    }

    private static Start read(Process p, long start, boolean desk, boolean stopAtReady) throws IOException {
        long shown = -1;
        long signInReady = -1;
        long submitted = -1;
        long ready = -1;
        StringBuilder log = new StringBuilder();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (line.startsWith("FIRST_SHOWN")) {
                shown = at;
            } else if (line.startsWith("SIGN_IN_READY")) {
                signInReady = at;
            } else if (line.startsWith("SIGN_IN_SUBMITTED")) {
                submitted = at;
            } else if (line.startsWith("READY")) {
                ready = at;
                if (stopAtReady) {
                    break;
                }
            } else {
                log.append(line).append('\n');
            }
        }
        if (shown < 0 || (desk && (signInReady < 0 || submitted < 0 || ready < 0))) {
            throw new IllegalStateException("the image did not report its window" + (desk
                    ? ", its sign-in screen ready, the sign-in sent and ready to scan" : "") + "; its output:\n" + log);
        }
        return new Start(shown, signInReady, submitted, ready);
    }

    private static void configure(Path image, Path home, boolean stay, long typingMillis) throws IOException {
        Path cfg = image.resolve("lib/app/CardDesk.cfg");
        Path saved = image.resolve("lib/app/CardDesk.cfg.installed");
        if (!Files.exists(saved)) {
            Files.copy(cfg, saved);
        }
        String options = Files.readString(saved) + "java-options=-Dcarddesk.benchmark=true\n"
                + "java-options=-Dcarddesk.home=" + home + "\n"
                + "java-options=-Dcarddesk.benchmark.typingMillis=" + typingMillis + "\n"
                + (stay ? "java-options=-Dcarddesk.benchmark.stay=true\n" : "");
        Files.writeString(cfg, options);
    }

    /** The variables the desktop entry's {@code Exec=env NAME=value ... APPLICATION_LAUNCHER} sets. */
    static java.util.Map<String, String> desktopEnvironment() throws IOException {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(DESKTOP_ENTRY)) {
            if (line.startsWith("Exec=env ")) {
                for (String word : line.substring("Exec=env ".length()).split(" ")) {
                    int eq = word.indexOf('=');
                    if (eq > 0) {
                        env.put(word.substring(0, eq), word.substring(eq + 1));
                    }
                }
            }
        }
        return env;
    }

    /** Starts the desk, waits a while after it is ready, and reads its resident set size from /proc. */
    private static long idleResidentKb(Path image, Path home) throws Exception {
        configure(image, home, true, 0);
        ProcessBuilder b = new ProcessBuilder(image.resolve("bin/CardDesk").toString()).redirectErrorStream(true);
        b.environment().putAll(desktopEnvironment());
        Process p = b.start();
        try {
            read(p, System.nanoTime(), true, true);
            Thread drain = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException closed) {
                    // the desk was stopped
                }
            });
            drain.setDaemon(true);
            drain.start();
            TimeUnit.SECONDS.sleep(IDLE_SECONDS);
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for the desk's process");
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
