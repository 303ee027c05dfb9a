package app.carddesk.letter;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.awt.image.BufferedImage;

/** A card number as a Code 128 barcode, the symbology library scanners read everywhere. */
final class Barcode {

    private Barcode() {
    }

    /** Black bars on white, one pixel per module, {@code height} pixels high, with quiet zones. */
    static BufferedImage code128(String text, int height) {
        BitMatrix bars = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, height);
        BufferedImage image = new BufferedImage(bars.getWidth(), bars.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < bars.getWidth(); x++) {
            for (int y = 0; y < bars.getHeight(); y++) {
                image.setRGB(x, y, bars.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }
}
