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

/** Writes a title and paragraphs as an A4 PDF, onto as many pages as they need. */
final class SimplePdf {

    private static final float MARGIN = 64;
    private static final float BODY_SIZE = 11;
    private static final float LEADING = 15;

    private SimplePdf() {
    }

    /** Writes to a temporary file first, so a failed write never leaves half a document behind. */
    static void write(String title, List<String> paragraphs, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "carddesk", ".pdf.tmp");
        try (PDDocument doc = new PDDocument()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<List<String>> blocks = new ArrayList<>();
            for (String p : paragraphs) {
                blocks.add(wrap(regular, BODY_SIZE, p, width));
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream out = new PDPageContentStream(doc, page);
            try {
                float y = page.getMediaBox().getHeight() - MARGIN;
                for (String line : wrap(bold, 18, title, width)) {
                    text(out, bold, 18, line, y);
                    y -= 24;
                }
                y -= 12;
                for (List<String> block : blocks) {
                    for (String line : block) {
                        if (y < MARGIN) {
                            out.close();
                            page = new PDPage(PDRectangle.A4);
                            doc.addPage(page);
                            out = new PDPageContentStream(doc, page);
                            y = page.getMediaBox().getHeight() - MARGIN;
                        }
                        text(out, regular, BODY_SIZE, line, y);
                        y -= LEADING;
                    }
                    y -= 8;
                }
            } finally {
                out.close();
            }
            doc.save(tmp.toFile());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void text(PDPageContentStream out, PDType1Font font, float size, String line, float y)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN, y);
        out.showText(line);
        out.endText();
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
