package app.carddesk.letter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes a {@link WelcomeLetter} as a one-page A4 PDF. */
public final class WelcomeLetterPdf {

    private static final float MARGIN = 64;
    private static final float BODY_SIZE = 11;
    private static final float LEADING = 15;

    private WelcomeLetterPdf() {
    }

    /** Writes to a temporary file first, so a failed write never leaves half a letter behind. */
    public static void write(WelcomeLetter letter, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "letter", ".pdf.tmp");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = page.getMediaBox().getHeight() - MARGIN;
                y = block(out, bold, 18, 24, letter.title(), width, y) - 12;
                y = block(out, regular, BODY_SIZE, LEADING, letter.greeting(), width, y) - 8;
                for (String p : letter.paragraphs()) {
                    y = block(out, regular, BODY_SIZE, LEADING, p, width, y) - 8;
                }
                block(out, regular, BODY_SIZE, LEADING, letter.closing(), width, y - 8);
            }
            doc.save(tmp.toFile());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static float block(PDPageContentStream out, PDType1Font font, float size, float leading, String text,
                               float width, float y) throws IOException {
        for (String line : wrap(font, size, text, width)) {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(line);
            out.endText();
            y -= leading;
        }
        return y;
    }

    private static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
