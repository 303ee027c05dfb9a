package app.carddesk.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.config.ConfigurationFile;
import app.carddesk.domain.CheckDigit;
import app.carddesk.domain.Country;
import app.carddesk.domain.LibraryConfiguration;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The Library settings' forms make the same configuration a file would, checked by the same rules. */
class LibraryEditorViewModelTest {

    private static LibraryConfiguration demo() throws IOException {
        try (InputStream in = ConfigurationFile.class.getResourceAsStream("/app/carddesk/config/demo/DEMO-DK.json")) {
            return ConfigurationFile.read(in.readAllBytes()).configuration();
        }
    }

    @Test
    void formsFilledFromAConfigurationGiveItBackUnchanged() throws IOException {
        LibraryConfiguration demo = demo().withVersion(4);
        LibraryEditorViewModel editor = new LibraryEditorViewModel();
        editor.load(demo);

        LibraryEditorViewModel.Edited edited = editor.edited();

        assertThat(edited.problems()).isEmpty();
        assertThat(edited.configuration()).isEqualTo(demo);
    }

    @Test
    void aNewLibraryIsTypedPartByPart() {
        LibraryEditorViewModel editor = new LibraryEditorViewModel();
        editor.startNew(Country.NO, "Bergen kommune");
        assertThat(editor.edited().problems()).extracting(LibraryConfiguration.Problem::field)
                .contains("code", "name", "pickupLibraries", "categories");

        editor.code.set("BERGEN-TEST");
        editor.name.set("Bergen Test Library");
        editor.branchCode.set("BER-HOV");
        editor.branchName.set("Hovedbiblioteket");
        assertThat(editor.branches.add()).isTrue();
        editor.branchCode.set("BER-LAKS");
        editor.branchName.set("Loddefjord");
        assertThat(editor.branches.add()).isTrue();
        assertThat(editor.branchCode.get()).as("the form is empty for the next").isEmpty();
        assertThat(editor.branchCodes).containsExactly("BER-HOV", "BER-LAKS");
        editor.homeLibrary.set("BER-HOV");
        editor.seriesPrefix.set("N");
        editor.seriesDigits.set("7");
        editor.seriesFrom.set("1");
        editor.seriesTo.set("999999");
        editor.seriesCheckDigit.set(CheckDigit.MOD11);
        assertThat(editor.series.add()).isTrue();
        editor.categoryCode.set("STUDENT");
        editor.categoryEn.set("Student");
        editor.categoryNb.set("Student");
        editor.categoryMinAge.set("16");
        editor.categoryMaxAge.set("30");
        assertThat(editor.categories.add()).isTrue();

        LibraryEditorViewModel.Edited edited = editor.edited();
        assertThat(edited.problems()).isEmpty();
        LibraryConfiguration c = edited.configuration();
        assertThat(c.version()).as("a new library has no version before the register gives it one").isNull();
        assertThat(c.code()).isEqualTo("BERGEN-TEST");
        assertThat(c.country()).isEqualTo(Country.NO);
        assertThat(c.languages()).containsExactly("nb", "en");
        assertThat(c.organisation()).isEqualTo("Bergen kommune");
        assertThat(c.pickupLibraries()).extracting(LibraryConfiguration.Branch::code)
                .containsExactly("BER-HOV", "BER-LAKS");
        assertThat(c.cardSeries()).containsExactly(new LibraryConfiguration.Series("N", 7, 1L, 999999L,
                CheckDigit.MOD11));
        assertThat(c.categories()).containsExactly(new LibraryConfiguration.Category("STUDENT",
                new LibraryConfiguration.Texts(null, "Student", "Student"), 16, 30));
        assertThat(c.guardianAge()).isEqualTo(18);
    }

    @Test
    void anEntryWithAProblemIsNotTakenAndTheProblemNamesItsPlace() throws IOException {
        LibraryEditorViewModel editor = new LibraryEditorViewModel();
        editor.load(demo());
        int before = editor.categories.items.size();

        editor.categoryCode.set("ADULT");
        editor.categoryEn.set("Adult");
        editor.categoryMinAge.set("eighteen");
        assertThat(editor.categories.add()).isFalse();
        assertThat(editor.problems).extracting(LibraryConfiguration.Problem::field)
                .containsExactly("categories[" + before + "].minAge");

        editor.categoryMinAge.set("40");
        editor.categoryMaxAge.set("20");
        assertThat(editor.categories.add()).isFalse();
        assertThat(editor.problems).extracting(LibraryConfiguration.Problem::toString)
                .containsExactly("categories[" + before + "].maxAge: At least the lowest age, 40.");
        assertThat(editor.categories.items).hasSize(before);
        assertThat(editor.categoryCode.get()).as("what was typed stays to be put right").isEqualTo("ADULT");

        editor.categoryMaxAge.set("");
        assertThat(editor.categories.add()).isTrue();
        assertThat(editor.problems).isEmpty();
        assertThat(editor.categories.items).hasSize(before + 1);
    }

    @Test
    void theChosenEntryIsChangedOrRemoved() throws IOException {
        LibraryEditorViewModel editor = new LibraryEditorViewModel();
        editor.load(demo());
        assertThat(editor.categories.change()).as("nothing chosen").isFalse();

        editor.categories.chosen.set(0);
        assertThat(editor.categoryCode.get()).isEqualTo(editor.categories.items.get(0).code());
        editor.categoryEn.set("Degree student");
        assertThat(editor.categories.change()).isTrue();
        assertThat(editor.edited().configuration().categories().get(0).names().en()).isEqualTo("Degree student");

        String second = editor.categories.items.get(1).code();
        editor.categories.chosen.set(0);
        editor.categories.remove();
        assertThat(editor.categories.items.get(0).code()).isEqualTo(second);
    }

    @Test
    void aNumberThatIsNotOneIsNamedOnce() throws IOException {
        LibraryEditorViewModel editor = new LibraryEditorViewModel();
        editor.load(demo());
        editor.guardianAge.set("18 years");
        editor.homeLibrary.set("NOWHERE");

        assertThat(editor.edited().problems()).extracting(LibraryConfiguration.Problem::toString).containsExactly(
                "guardianAge: A whole number, such as 18.",
                "homeLibrary: The code of one of the pickup libraries above.");
    }
}
