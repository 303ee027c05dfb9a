package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 738);

    @Test
    void opensInsideASmallScreenCentredWhenNothingIsRemembered() {
        Rectangle2D r = WindowPlacement.fit(null, List.of(SMALL), SMALL);
        assertThat(r.getWidth()).isEqualTo(1024);
        assertThat(r.getHeight()).isEqualTo(738);
        assertThat(SMALL.contains(r)).isTrue();
    }

    @Test
    void opensWhereItWasWhenThatIsStillOnAScreen() {
        Rectangle2D big = new Rectangle2D(0, 0, 1920, 1050);
        Rectangle2D last = new Rectangle2D(100, 80, 1200, 800);
        assertThat(WindowPlacement.fit(last, List.of(big), big)).isEqualTo(last);
    }

    @Test
    void aPlaceOnAScreenThatIsGoneFallsBackToTheCentre() {
        Rectangle2D secondScreenGone = new Rectangle2D(2000, 80, 1200, 800);
        Rectangle2D r = WindowPlacement.fit(secondScreenGone, List.of(SMALL), SMALL);
        assertThat(SMALL.contains(r)).isTrue();
    }
}
