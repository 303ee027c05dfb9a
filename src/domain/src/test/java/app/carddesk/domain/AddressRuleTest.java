package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressRuleTest {

    @ParameterizedTest(name = "{0} {1} {2} {3} at a {4} library: {5}")
    @CsvSource({
            "Nørregade 1, 1165, København K, '', DK, ''",
            "Nørregade 1, 116, København K, '', DK, details.postalCode.DK",
            "Nørregade 1, DK-1165, København K, Danmark, DK, details.postalCode.DK",
            "Storgata 1, 0150, Oslo, Norge, DK, ''",
            "Storgata 1, 150, Oslo, Norge, DK, details.postalCode.NO",
            "Storgata 1, 150, Oslo, '', NO, details.postalCode.NO",
            "Rue de Rivoli 1, 75001, Paris, France, DK, ''",
            "10 Downing St, SW1A 2AA, London, United Kingdom, NO, ''",
            "'', 1165, København K, '', DK, details.required.address",
            "Nørregade 1, '', København K, '', DK, details.required.address",
            "Nørregade 1, 1165, '', '', DK, details.required.address"})
    void asksForFourDigitsInDenmarkAndNorwayOnly(String line, String postal, String city, String country,
                                                 Country library, String problem) {
        assertThat(ContactRules.checkAddress(line, postal, city, country, library).map(Problem::key).orElse(""))
                .isEqualTo(problem);
    }
}
