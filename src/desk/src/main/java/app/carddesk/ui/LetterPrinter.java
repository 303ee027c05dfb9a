package app.carddesk.ui;

import app.carddesk.letter.LetterSettings;
import app.carddesk.letter.PaperSize;
import app.carddesk.letter.WelcomeLetter;
import app.carddesk.letter.WelcomeLetterPdf;
import app.carddesk.ui.background.BackgroundWork;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Welcome letters as this desk makes them, for the checklist and the patron screen alike: on its
 * paper, with the library's logo, saying whether PINs are mailed from the central register; the
 * work done off the JavaFX thread, its answer given back on it.
 */
public final class LetterPrinter {

    /** Until the desk's own are known: A4, no logo, no central register. */
    public static final LetterSettings PLAIN = new LetterSettings(PaperSize.A4, null, false);

    private final LetterSettings settings;
    private final BackgroundWork background;

    public LetterPrinter(LetterSettings settings, BackgroundWork background) {
        this.settings = settings;
        this.background = background;
    }

    public LetterSettings settings() {
        return settings;
    }

    /** Writes {@code letter} as a PDF to {@code target}; {@code saved} hears of it. */
    public void save(WelcomeLetter letter, Path target, Consumer<Path> saved, Consumer<Throwable> failed) {
        background.submit(() -> {
            WelcomeLetterPdf.write(letter, settings.paper(), settings.dataDir(), target);
            return target;
        }, saved, failed);
    }

    /** The letter as it prints, as a PNG at {@code dpi}, handed to {@code png}. */
    public void render(WelcomeLetter letter, int dpi, Consumer<byte[]> png, Consumer<Throwable> failed) {
        background.submit(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(WelcomeLetterPdf.render(letter, settings.paper(), settings.dataDir(), dpi),
                    "png", out);
            return out.toByteArray();
        }, png, failed);
    }
}
