package app.carddesk.ui.scan;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.ui.scan.ScanDetector.Scan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanDetectorTest {

    private static final long MS = 1_000_000L;
    private final ScanDetector detector = ScanDetector.forCardScanners();
    private long now = 1_000 * MS;

    private void type(String text, long gapMs) {
        for (char c : text.toCharArray()) {
            now += gapMs * MS;
            detector.onCharacter(c, now);
        }
    }

    private Optional<Scan> enter(long afterMs) {
        now += afterMs * MS;
        return detector.onEnter(now);
    }

    /** A scan's text and where it began, as {@code text@start}. */
    private static Optional<String> read(Optional<Scan> scan) {
        return scan.map(s -> s.text() + "@" + s.start());
    }

    @Test
    void aFastBurstEndedByEnterIsAScan() {
        type("409912345", 4);
        assertThat(read(enter(4))).contains("409912345@0");
    }

    @Test
    void aPersonTypingIsNoScan() {
        type("409912345", 120);
        assertThat(enter(150)).isEmpty();
    }

    @Test
    void aQuickTypistIsNoScan() {
        type("409912345", 70);
        assertThat(enter(40)).isEmpty();
    }

    @Test
    void shortBurstsAreNoScan() {
        type("abc", 2);
        assertThat(enter(2)).isEmpty();
    }

    @Test
    void oneLateKeyEventDoesNotSplitAScan() {
        type("N00", 3);
        type("0", 120);
        type("000042", 3);
        assertThat(read(enter(3))).contains("N000000042@0");
    }

    @Test
    void anEnterHeldUpAfterAFastBurstStillEndsTheScan() {
        // The desk busy (a garbage collection) as the scanner's Enter arrives: the burst itself was a scan.
        type("409912345", 4);
        assertThat(read(enter(250))).contains("409912345@0");
        // Only one late event is forgiven: a late key and a late Enter are not a scanner's.
        type("40991", 4);
        type("2", 200);
        type("345", 4);
        assertThat(enter(250)).isEmpty();
        // A person's typing followed by a slow Enter stays typing.
        type("409912345", 120);
        assertThat(enter(250)).isEmpty();
    }

    @Test
    void aScanRightAfterTypingIsToldApartFromTheTyping() {
        type("Mette", 120);
        now += 100 * MS;
        type("409900061", 2);
        assertThat(read(enter(2))).contains("409900061@5");
    }

    @Test
    void aScanHeldUpAfterItsFirstKeyIsReadWholeWhenOnlyThatIsACard() {
        // The desk busy drawing what the first key changed: the scanner's other keys wait and come in a rush.
        type("4", 4);
        type("0", 150);
        type("9900090", 3);
        Scan scan = enter(3).orElseThrow();
        assertThat(scan.text()).isEqualTo("09900090");
        java.util.function.Predicate<String> card = n -> n.matches("4099\\d{5}");
        assertThat(scan.likelier(card)).extracting(Scan::text, Scan::start).containsExactly("409900090", 0);
        // Typing right before a scan stays apart from it: the scan alone is a card.
        type("Mette", 120);
        now += 300 * MS;
        type("409900061", 2);
        assertThat(enter(2).orElseThrow().likelier(card)).extracting(Scan::text, Scan::start)
                .containsExactly("409900061", 5);
        // Keys typed by machine-fast hands, or held up and sent in a rush, run into the scan right after them.
        java.util.function.Predicate<String> danish = n -> n.matches("9990\\d{5}");
        type("Hua", 12);
        now += 100 * MS;
        type("999000007", 5);
        Scan rushed = enter(5).orElseThrow();
        assertThat(rushed.text()).isEqualTo("Hua999000007");
        assertThat(rushed.likelier(danish)).extracting(Scan::text, Scan::start).containsExactly("999000007", 3);
        // A longer pause makes the whole too slow for a scanner: the fast run before Enter is the scan.
        type("Hua", 12);
        now += 300 * MS;
        type("999000007", 5);
        assertThat(read(enter(5))).contains("999000007@3");
        // Neither reading a card: the scan as the keys' pace tells it, for the desk to refuse.
        type("x", 4);
        type("123456", 150);
        assertThat(read(enter(3).map(s -> s.likelier(card)))).isEmpty();
        type("x", 4);
        type("1", 150);
        type("23456", 3);
        assertThat(read(enter(3).map(s -> s.likelier(card)))).contains("123456@1");
    }

    @Test
    void aSpaceRightBeforeAScanIsNotPartOfIt() {
        // Space chose "the guardian has a card" and the card was scanned at once into the field it opened.
        type(" ", 4);
        type("N000100001", 4);
        assertThat(read(enter(4))).contains("N000100001@1");
    }

    @Test
    void aLongPauseStartsANewBurst() {
        assertThat(detector.onCharacter('x', 0)).isZero();
        assertThat(detector.onCharacter('y', 10 * MS)).isEqualTo(1);
        assertThat(detector.onCharacter('4', 5_000 * MS)).isZero();
    }
}
