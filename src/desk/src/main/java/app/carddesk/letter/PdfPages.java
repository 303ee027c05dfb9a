package app.carddesk.letter;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes text and pictures down a page, starting a new page when one is full. Every string goes
 * through {@link PdfText}, so any name a person can type is drawn, and saving goes through a
 * temporary file, so a failed write never leaves half a document behind.
 */
final class PdfPages implements Closeable {

    static final float MARGIN = 56;

    private final PDDocument doc = new PDDocument();
    private final PDRectangle size;
    private final PdfText text;
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    PdfPages(PaperSize paper) throws IOException {
        this.size = paper.rectangle();
        this.text = new PdfText(new PdfFonts(doc));
        newPage();
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    int pages() {
        return doc.getNumberOfPages();
    }

    void down(float points) throws IOException {
        y -= points;
        if (y < MARGIN) {
            newPage();
        }
    }

    /** A paragraph wrapped to the page's width, and space after it. */
    void paragraph(String s, boolean bold, float fontSize, float after) throws IOException {
        for (String line : text.wrap(s, bold, fontSize, width())) {
            line(line, bold, fontSize, MARGIN);
        }
        y -= after;
    }

    /** One line at {@code x}, moving down by its height. */
    void line(String s, boolean bold, float fontSize, float x) throws IOException {
        float leading = fontSize * 1.35f;
        if (y - leading < MARGIN) {
            newPage();
        }
        y -= leading;
        draw(s, bold, fontSize, x, y + fontSize * 0.3f);
    }

    /** One line ending at the right margin, without moving down. */
    void rightAligned(String s, float fontSize, float baseline) throws IOException {
        draw(s, false, fontSize, size.getWidth() - MARGIN - text.width(s, false, fontSize), baseline);
    }

    void draw(String s, boolean bold, float fontSize, float x, float baseline) throws IOException {
        List<PdfText.Run> runs = text.visualRuns(s, bold);
        if (runs.isEmpty()) {
            return;
        }
        out.beginText();
        out.newLineAtOffset(x, baseline);
        for (PdfText.Run r : runs) {
            out.setFont(r.face().font(), fontSize);
            out.showText(r.text());
        }
        out.endText();
    }

    /** A picture with its top-left corner at ({@code x}, {@code top}), {@code height} points high. */
    float image(BufferedImage picture, float x, float top, float height) throws IOException {
        PDImageXObject image = LosslessFactory.createFromImage(doc, picture);
        float width = height * picture.getWidth() / picture.getHeight();
        out.drawImage(image, x, top - height, width, height);
        return width;
    }

    /** A thin rule across the page, below the current line. */
    void rule() throws IOException {
        y -= 6;
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y);
        out.lineTo(size.getWidth() - MARGIN, y);
        out.stroke();
        y -= 10;
    }

    /** Moves down to keep {@code height} points together on one page. */
    void keep(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void save(Path target) throws IOException {
        out.close();
        out = null;
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "carddesk", ".pdf.tmp");
        try {
            doc.save(tmp.toFile());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        page = new PDPage(size);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = size.getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
        doc.close();
    }
}
