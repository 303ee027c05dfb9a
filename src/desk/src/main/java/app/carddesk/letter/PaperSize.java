package app.carddesk.letter;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a library prints on: A4 in Denmark and Norway, US Letter where that is the custom. */
public enum PaperSize {
    A4(PDRectangle.A4),
    LETTER(PDRectangle.LETTER);

    private final PDRectangle rectangle;

    PaperSize(PDRectangle rectangle) {
        this.rectangle = rectangle;
    }

    PDRectangle rectangle() {
        return rectangle;
    }

    /** A4 unless {@code name} says letter (any case); never fails on a typo in a settings file. */
    public static PaperSize of(String name) {
        return name != null && name.trim().equalsIgnoreCase("letter") ? LETTER : A4;
    }
}
