package app.carddesk.letter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Writes a {@link WelcomeLetter} as a one-page PDF, on A4 or US Letter. */
public final class WelcomeLetterPdf {

    private static final float BODY = 10.5f;

    private WelcomeLetterPdf() {
    }

    /**
     * @param dataDir where a library's own logo file lives; the letter has no logo without one
     */
    public static void write(WelcomeLetter letter, PaperSize paper, Path dataDir, Path target) throws IOException {
        try (PdfPages pages = new PdfPages(paper)) {
            letterhead(pages, letter, dataDir);
            pages.down(24);
            for (String line : letter.addressBlock()) {
                pages.line(line, false, BODY, PdfPages.MARGIN);
            }
            pages.down(26);
            pages.paragraph(letter.title(), true, 15, 8);
            pages.paragraph(letter.greeting(), false, BODY, 6);
            pages.paragraph(letter.cardLine(), false, BODY, 4);
            if (letter.cardNumber() != null && !letter.cardNumber().isBlank()) {
                pages.keep(52);
                pages.image(Barcode.code128(letter.cardNumber(), 40), PdfPages.MARGIN, pages.y(), 34);
                pages.down(38);
                pages.line(letter.cardNumber(), false, 9, PdfPages.MARGIN);
                pages.down(10);
            }
            for (String p : letter.paragraphs()) {
                pages.paragraph(p, false, BODY, 6);
            }
            pages.down(10);
            pages.paragraph(letter.closing(), false, BODY, 2);
            pages.paragraph(letter.signature(), true, BODY, 0);
            pages.save(target);
        }
    }

    /** The letter as it prints: the first page, drawn at {@code dpi} dots per inch. */
    public static BufferedImage render(WelcomeLetter letter, PaperSize paper, Path dataDir, float dpi)
            throws IOException {
        Path tmp = Files.createTempFile("carddesk-letter", ".pdf");
        try {
            write(letter, paper, dataDir, tmp);
            try (PDDocument doc = Loader.loadPDF(tmp.toFile())) {
                return new PDFRenderer(doc).renderImageWithDPI(0, dpi);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void letterhead(PdfPages pages, WelcomeLetter letter, Path dataDir) throws IOException {
        float top = pages.y();
        BufferedImage logo = logo(letter.letterhead().logoFile(), dataDir);
        float x = PdfPages.MARGIN;
        if (logo != null) {
            x += pages.image(logo, PdfPages.MARGIN, top, 44) + 12;
        }
        pages.rightAligned(letter.date(), BODY, top - 12);
        pages.draw(letter.letterhead().name(), true, 14, x, top - 14);
        String address = letter.letterhead().addressText();
        String contact = letter.letterhead().contactText();
        if (!address.isBlank()) {
            pages.draw(address, false, 9, x, top - 28);
        }
        if (!contact.isBlank()) {
            pages.draw(contact, false, 9, x, top - 40);
        }
        pages.down(48);
        pages.rule();
    }

    /**
     * The library's logo; none without one. The letter is the library's to its patron, so it never
     * carries the product's mark instead. A missing or broken file is left out, never an error.
     */
    private static BufferedImage logo(String file, Path dataDir) {
        try {
            if (file != null && !file.isBlank() && dataDir != null) {
                Path path = dataDir.resolve(file).normalize();
                if (path.startsWith(dataDir.normalize()) && Files.isRegularFile(path)) {
                    return ImageIO.read(path.toFile());
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
