package app.carddesk.ui.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanDetectorTest {

    private static final long MS = 1_000_000L;
    private final ScanDetector detector = ScanDetector.forCardScanners();

    private Optional<String> type(String text, long gapMs, long enterAfterMs) {
        long t = 1_000 * MS;
        for (char c : text.toCharArray()) {
            detector.onCharacter(c, t);
            t += gapMs * MS;
        }
        return detector.onEnter(t - gapMs * MS + enterAfterMs * MS);
    }

    @Test
    void aFastBurstEndedByEnterIsAScan() {
        assertThat(type("409912345", 4, 4)).contains("409912345");
    }

    @Test
    void aPersonTypingIsNoScan() {
        assertThat(type("409912345", 120, 150)).isEmpty();
    }

    @Test
    void shortBurstsAreNoScan() {
        assertThat(type("abc", 2, 2)).isEmpty();
    }

    @Test
    void oneLateKeyEventDoesNotSplitAScan() {
        long t = 0;
        String text = "N000000042";
        for (int i = 0; i < text.length(); i++) {
            t += (i == 3 ? 120 : 3) * MS;
            detector.onCharacter(text.charAt(i), t);
        }
        assertThat(detector.onEnter(t + 3 * MS)).contains("N000000042");
    }

    @Test
    void aPauseStartsANewBurstAndReportsIt() {
        assertThat(detector.onCharacter('x', 0)).isTrue();
        assertThat(detector.onCharacter('y', 10 * MS)).isFalse();
        assertThat(detector.onCharacter('4', 2_000 * MS)).isTrue();
        for (char c : "09912345".toCharArray()) {
            detector.onCharacter(c, 2_000 * MS);
        }
        assertThat(detector.onEnter(2_001 * MS)).contains("409912345");
    }
}
