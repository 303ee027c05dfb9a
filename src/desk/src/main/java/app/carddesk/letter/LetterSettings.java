package app.carddesk.letter;

import java.nio.file.Path;

/**
 * How this desk's letters come out.
 *
 * @param paper           A4 or US Letter
 * @param dataDir         where the library's own logo file lives
 * @param centralRegister whether the desk reaches its central register now (so an e-mailed PIN goes out
 *                        within minutes; otherwise once the desk is connected)
 */
public record LetterSettings(PaperSize paper, Path dataDir, boolean centralRegister) {
}
