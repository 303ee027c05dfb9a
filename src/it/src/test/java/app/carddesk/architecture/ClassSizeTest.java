package app.carddesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No source file of the products grows past 400 lines (the house style): a class that does is
 * doing more than one job and is split along them. Runs from {@code src/it}, reading every
 * module's {@code src/main/java} beside it.
 */
class ClassSizeTest {

    static final int MOST_LINES = 400;

    @Test
    void noProductSourceFileIsLongerThanTheHouseLimit() throws IOException {
        Path modules = Path.of("..").toAbsolutePath().normalize();
        List<Path> sources;
        try (Stream<Path> all = Files.walk(modules, 12)) {
            sources = all.filter(p -> p.toString().endsWith(".java") && p.toString().contains(
                    "src" + java.io.File.separator + "main" + java.io.File.separator + "java")).toList();
        }
        assertThat(sources).as("the products' sources under %s", modules).hasSizeGreaterThan(100);
        List<String> tooLong = sources.stream().filter(p -> lines(p) > MOST_LINES)
                .map(p -> modules.relativize(p) + " (" + lines(p) + " lines)").toList();
        assertThat(tooLong).as("files over %d lines", MOST_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
