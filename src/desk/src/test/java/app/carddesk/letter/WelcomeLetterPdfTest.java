package app.carddesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.Address;
import app.carddesk.domain.Letterhead;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.text.Messages;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WelcomeLetterPdfTest {

    private static final Letterhead LIBRARY = new Letterhead("Demo Library", "Søren Kierkegaards Plads 1", "1221",
            "København K", "+45 33 47 47 47", "desk@demo-library.invalid", null, null);

    @TempDir
    Path dir;

    private static WelcomeLetter.Facts facts(String surname, String givenName, RegistrationKind kind,
                                             LocalDate expires, PinDelivery pin, boolean central) {
        return new WelcomeLetter.Facts(givenName + " " + surname, givenName, new Address("Nørregade 1", "1165",
                "København K", "Danmark"), LIBRARY, "409900001", "Søndre Campus", kind, expires, pin, true, central,
                LocalDate.of(2026, 11, 30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "en, Welcome to Demo Library, come back to the desk, 30 November 2026",
            "da, Velkommen til Demo Library, komme tilbage til skranken, 30. november 2026",
            "nb, Velkommen til Demo Library, kom tilbake til skranken, 30. november 2026",
    })
    void writesAOnePageLetterInThePatronsLanguage(String language, String title, String comeBack, String date)
            throws Exception {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.forLanguageTag(language)),
                facts("Ås", "Åse", RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.EMAIL, true));
        Path pdf = dir.resolve("letter.pdf");
        WelcomeLetterPdf.write(letter, PaperSize.A4, null, pdf);
        assertThat(LetterText.pages(pdf)).isEqualTo(1);
        assertThat(LetterText.of(pdf)).contains(title).contains("409900001").contains("Søndre Campus")
                .contains("Åse Ås").contains("Nørregade 1").contains("1165 København K").contains(date)
                .contains("Søren Kierkegaards Plads 1, 1221 København K").contains("+45 33 47 47 47")
                .containsIgnoringCase(comeBack);
    }

    @org.junit.jupiter.api.Test
    void carriesTheLibrarysLogoOrNone() throws Exception {
        WelcomeLetter plain = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH),
                facts("Ås", "Åse", RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.EMAIL, true));
        Path pdf = dir.resolve("plain.pdf");
        WelcomeLetterPdf.write(plain, PaperSize.A4, dir, pdf);
        assertThat(images(pdf)).as("the card's bar code alone: no product mark in the library's letter").isEqualTo(1);

        java.awt.image.BufferedImage logo = new java.awt.image.BufferedImage(40, 20,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(logo, "png", dir.resolve("logo.png").toFile());
        Letterhead withLogo = new Letterhead(LIBRARY.name(), LIBRARY.addressLine(), LIBRARY.postalCode(),
                LIBRARY.city(), LIBRARY.phone(), LIBRARY.email(), null, "logo.png");
        WelcomeLetter.Facts f = facts("Ås", "Åse", RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.EMAIL, true);
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH), new WelcomeLetter.Facts(
                f.fullName(), f.givenName(), f.address(), withLogo, f.cardNumber(), f.pickupLibrary(), f.kind(),
                f.expiresOn(), f.pinDelivery(), f.pinChangeAdvised(), f.centralRegister(), f.today()));
        Path logoPdf = dir.resolve("logo.pdf");
        WelcomeLetterPdf.write(letter, PaperSize.A4, dir, logoPdf);
        assertThat(images(logoPdf)).as("the library's logo and the card's bar code").isEqualTo(2);
    }

    private static int images(Path pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            int n = 0;
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)) {
                    n++;
                }
            }
            return n;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Ågård-Łukasiewicz, Zoë", "Παπαδόπουλος, Σωκράτης", "Иванова, Анна", "الخطيب, فاطمة", "عبد الله, لانا",
            "לוי, דוד", "王, 小明", "さくら, 山田", "김, 민지", "Berg, Maja 🙂"})
    void printsEveryNameAsTyped(String surname, String givenName) throws Exception {
        for (PaperSize paper : PaperSize.values()) {
            WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH),
                    facts(surname, givenName, RegistrationKind.SHORT_STAY, LocalDate.of(2027, 2, 15),
                            PinDelivery.OWN_PIN, false));
            Path pdf = dir.resolve("letter-" + paper + ".pdf");
            WelcomeLetterPdf.write(letter, paper, null, pdf);
            assertThat(LetterText.pages(pdf)).as("one page on " + paper).isEqualTo(1);
            assertThat(LetterText.of(pdf)).contains(givenName + " " + surname).contains("Dear " + givenName + ",");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "EMAIL, true, is being sent to your e-mail address",
            "EMAIL, false, the next time this desk is connected to the library’s central register",
            "OWN_PIN, false, change it soon"})
    void saysHowThePinComesOnlyAsItReallyDoes(PinDelivery pin, boolean central, String says) {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH),
                facts("Berg", "Jo", RegistrationKind.NATIONAL_ID, null, pin, central));
        assertThat(String.join(" ", letter.paragraphs())).contains(says);
    }

    @ParameterizedTest(name = "{0} at a library in {1}")
    @CsvSource({"da, DK, dit CPR-nummer", "da, NO, får fødselsnummer eller D-nummer", "nb, NO, får fødselsnummer eller D-nummer",
            "nb, DK, CPR-nummeret ditt"})
    void tellsThePatronToComeBackWithTheNumberOfTheLibrarysCountry(String language, app.carddesk.domain.Country country,
                                                                   String says) {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.forLanguageTag(language), country),
                facts("Berg", "Jo", RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.EMAIL, true));
        assertThat(String.join(" ", letter.paragraphs())).contains(says);
    }

    @ParameterizedTest
    @CsvSource({"SHORT_STAY, 15-02-2027, true", "NATIONAL_ID, , false"})
    void mentionsTheExpiryOnlyForShortStays(RegistrationKind kind, String expires, boolean mentioned) {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH),
                facts("Berg", "Jo", kind, expires == null ? null : LocalDate.of(2027, 2, 15), PinDelivery.OWN_PIN,
                        false));
        assertThat(String.join(" ", letter.paragraphs()).contains("15-02-2027")).isEqualTo(mentioned);
        assertThat(String.join(" ", letter.paragraphs())).doesNotContain("come back to the desk");
    }

    @ParameterizedTest
    @EnumSource(PaperSize.class)
    void rendersThePrintedPageFromTheSameLetter(PaperSize paper) throws Exception {
        WelcomeLetter letter = WelcomeLetter.compose(Messages.bundle(Locale.ENGLISH),
                facts("Berg", "Jo", RegistrationKind.NATIONAL_ID, null, PinDelivery.OWN_PIN, false));
        var image = WelcomeLetterPdf.render(letter, paper, null, 72);
        assertThat((double) image.getWidth()).isCloseTo(paper.rectangle().getWidth(),
                org.assertj.core.data.Offset.offset(1.0));
        assertThat((double) image.getHeight()).isCloseTo(paper.rectangle().getHeight(),
                org.assertj.core.data.Offset.offset(1.0));
    }
}
