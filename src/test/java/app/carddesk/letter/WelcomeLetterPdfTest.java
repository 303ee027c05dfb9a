package app.carddesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.text.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class WelcomeLetterPdfTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en, Welcome to Demo Library, come back to the desk",
            "da, Velkommen til Demo Library, komme tilbage til skranken",
            "nb, Velkommen til Demo Library, kom tilbake til skranken",
    })
    void writesAOnePageLetterInThePatronsLanguage(String language, String title, String comeBack) throws Exception {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.forLanguageTag(language)),
                new WelcomeLetter.Facts("Åse", "Demo Library", "409900001", "Søndre Campus",
                        RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.EMAIL));
        Path pdf = dir.resolve("letter.pdf");
        WelcomeLetterPdf.write(letter, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(title).contains("409900001").contains("Søndre Campus").contains("Åse")
                    .containsIgnoringCase(comeBack);
        }
    }

    @ParameterizedTest
    @CsvSource({"SHORT_STAY, 15-02-2027, true", "NATIONAL_ID, , false"})
    void mentionsTheExpiryOnlyForShortStays(RegistrationKind kind, String expires, boolean mentioned) {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH),
                new WelcomeLetter.Facts("Jo", "Lib", "409900001", "Main", kind,
                        expires == null ? null : LocalDate.of(2027, 2, 15), PinDelivery.OWN_PIN));
        assertThat(String.join(" ", letter.paragraphs()).contains("15-02-2027")).isEqualTo(mentioned);
        assertThat(String.join(" ", letter.paragraphs())).doesNotContain("come back to the desk");
    }
}
