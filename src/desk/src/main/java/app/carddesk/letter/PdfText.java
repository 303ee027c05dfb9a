package app.carddesk.letter;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text as typed (logical order) into what a PDF draws: Arabic letters joined into their
 * contextual forms, right-to-left runs put in visual order, and each piece given a font that has
 * its characters. Characters no font has are drawn as the replacement mark, never an error.
 */
final class PdfText {

    /** A piece of a line drawn with one font. */
    record Run(PdfFonts.Face face, String text) {
    }

    private static final int REPLACEMENT = 0xFFFD;

    private final PdfFonts fonts;

    PdfText(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** One line (no line breaks), ready to draw from left to right. */
    List<Run> visualRuns(String logical, boolean bold) throws IOException {
        List<Run> runs = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        PdfFonts.Face current = null;
        String visual = visual(logical);
        for (int i = 0; i < visual.length(); ) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            if (invisible(cp)) {
                continue;
            }
            PdfFonts.Face face = fonts.faceFor(cp, bold);
            if (face == null) {
                face = fonts.main(bold);
                cp = REPLACEMENT;
            }
            if (face != current && !piece.isEmpty()) {
                runs.add(new Run(current, piece.toString()));
                piece.setLength(0);
            }
            current = face;
            piece.appendCodePoint(cp);
        }
        if (!piece.isEmpty()) {
            runs.add(new Run(current, piece.toString()));
        }
        return runs;
    }

    float width(String logical, boolean bold, float size) throws IOException {
        float w = 0;
        for (Run r : visualRuns(logical, bold)) {
            w += r.face().font().getStringWidth(r.text()) / 1000 * size;
        }
        return w;
    }

    /** Breaks a paragraph into lines no wider than {@code width}, at spaces, in logical order. */
    List<String> wrap(String logical, boolean bold, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : logical.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(candidate, bold, size) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Joined Arabic letters, and the whole line in the order it is seen. */
    static String visual(String logical) {
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical;
        }
        Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    /** Joiners, variation selectors and other marks that change how text looks but draw nothing. */
    private static boolean invisible(int cp) {
        return cp == 0x200D || cp == 0x200C || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || Character.getType(cp)
                == Character.CONTROL;
    }
}
