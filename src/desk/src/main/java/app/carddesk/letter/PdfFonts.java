package app.carddesk.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document, in the order they are tried for each character: the first that has
 * a glyph draws it. They are read when a character first needs them and embedded as subsets, so a
 * letter in Latin letters carries only a little of one font.
 */
final class PdfFonts {

    private static final String DIR = "/app/carddesk/letter/fonts/";
    private static final String[] FALLBACKS = {"DroidSansFallbackFull.ttf", "NanumGothicHangul.ttf",
        "SymbolaEmoji.ttf"};

    /** One font of the document: its glyph table for look-ups and the font PDFBox draws with. */
    record Face(TrueTypeFont glyphs, PDType0Font font) {

        boolean has(int codePoint) {
            try {
                return glyphs.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final PDDocument doc;
    private final Face regular;
    private final Face bold;
    private final List<Face> fallbacks = new ArrayList<>();
    private int fallbacksLoaded;

    PdfFonts(PDDocument doc) throws IOException {
        this.doc = doc;
        this.regular = load("DejaVuSans.ttf");
        this.bold = load("DejaVuSans-Bold.ttf");
    }

    /** The font that draws {@code codePoint}: the main face if it can, else the first fallback that can. */
    Face faceFor(int codePoint, boolean wantBold) throws IOException {
        Face main = wantBold ? bold : regular;
        if (main.has(codePoint)) {
            return main;
        }
        for (int i = 0; ; i++) {
            if (i == fallbacksLoaded) {
                if (fallbacksLoaded == FALLBACKS.length) {
                    return null;
                }
                fallbacks.add(load(FALLBACKS[fallbacksLoaded++]));
            }
            if (fallbacks.get(i).has(codePoint)) {
                return fallbacks.get(i);
            }
        }
    }

    Face main(boolean wantBold) {
        return wantBold ? bold : regular;
    }

    private Face load(String file) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IOException("font " + file + " is missing from the desk");
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // PDFBox closes the font with the document, once the subset is written.
            return new Face(ttf, PDType0Font.load(doc, ttf, true));
        }
    }
}
