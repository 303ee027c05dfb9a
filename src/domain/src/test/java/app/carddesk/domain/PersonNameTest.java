package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "Maja, Lindqvist, Maja Lindqvist",
            "小明, 王, 王小明",
            "さくら, 山田, 山田さくら",
            "민지, 김, 김 민지",
            "Hua, 李, Hua 李",
            "فاطمة, الخطيب, فاطمة الخطيب",
            "' Åse ', ' Ås ', Åse Ås",
            "Amira, '', Amira",
    })
    void writesTheNameInTheOrderItsScriptIsWrittenIn(String given, String surname, String full) {
        assertThat(PersonName.full(given, surname)).isEqualTo(full);
    }
}
