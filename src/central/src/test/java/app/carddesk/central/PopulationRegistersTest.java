package app.carddesk.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.carddesk.domain.Country;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which population register a library's look-ups go to, with adapters installed in a folder or none. */
class PopulationRegistersTest {

    @TempDir
    Path dir;

    private static final IdentityNumber INGRID = new IdentityNumber(IdentityKind.CPR, TestAdapters.INGRID,
            TestAdapters.birthOfIngrid());

    @Test
    void withoutAdaptersATestLibraryAsksTheStandInAndARealLibraryNone() {
        for (String folder : new String[] {null, " "}) {
            PopulationRegisters registers = PopulationRegisters.load(folder, Map.<String, String>of()::get);
            assertThat(registers.forLibrary(true, Country.DK)).hasValueSatisfying(r -> assertThat(r.synthetic()).isTrue());
            assertThat(registers.forLibrary(false, Country.DK)).isEmpty();
            assertThat(registers.forLibrary(false, Country.NO)).isEmpty();
        }
    }

    @Test
    void anInstalledAdapterServesTheRealLibrariesOfItsCountryOnly() throws Exception {
        TestAdapters.jar(dir, TestAdapters.Cpr.class);
        Files.writeString(dir.resolve("README.txt"), "not a jar: passed over");

        PopulationRegisters registers = PopulationRegisters.load(dir.toString(),
                Map.of(TestAdapters.PERSON, TestAdapters.INGRID)::get);

        assertThat(registers.forLibrary(false, Country.DK).orElseThrow().find(INGRID))
                .hasValueSatisfying(p -> assertThat(p.surname()).isEqualTo("Lund"));
        assertThat(registers.forLibrary(false, Country.NO)).as("no Norwegian register installed").isEmpty();
        assertThat(registers.forLibrary(true, Country.DK).orElseThrow().synthetic())
                .as("test libraries keep the stand-in's synthetic people").isTrue();
    }

    @Test
    void whatStopsTheServiceNamesTheSettingOrTheAdapter() throws Exception {
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> PopulationRegisters.load(missing.toString(), Map.<String, String>of()::get))
                .hasMessage("CARDDESK_POPULATION_ADAPTERS names " + missing + ", which is not a folder the "
                        + "service can read.");

        Path one = dir.resolve("one");
        TestAdapters.jar(one, TestAdapters.Cpr.class);
        assertThatThrownBy(() -> PopulationRegisters.load(one.toString(), Map.<String, String>of()::get))
                .hasMessage("The population register CPR (test register) could not be connected: set "
                        + TestAdapters.PERSON + " to the CPR number of its one person");

        Path two = dir.resolve("two");
        TestAdapters.jar(two, TestAdapters.Cpr.class, TestAdapters.OtherCpr.class);
        assertThatThrownBy(() -> PopulationRegisters.load(two.toString(),
                Map.of(TestAdapters.PERSON, TestAdapters.INGRID)::get))
                .hasMessage("CARDDESK_POPULATION_ADAPTERS holds two population registers for DK: CPR (test register) "
                        + "and CPR (another register). Keep one.");
    }
}
