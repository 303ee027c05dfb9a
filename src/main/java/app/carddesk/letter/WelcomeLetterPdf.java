package app.carddesk.letter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link WelcomeLetter} as a one-page A4 PDF. */
public final class WelcomeLetterPdf {

    private WelcomeLetterPdf() {
    }

    public static void write(WelcomeLetter letter, Path target) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(letter.greeting());
        paragraphs.addAll(letter.paragraphs());
        paragraphs.add(letter.closing());
        SimplePdf.write(letter.title(), paragraphs, target);
    }
}
