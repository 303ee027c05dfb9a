package app.carddesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private final List<String> ana = List.of("ana.berg", "KB-SK", "Københavns Biblioteker");

    private String refusal(String password) {
        return policy.check(password, ana).map(Problem::key).orElse("accepted");
    }

    @Test
    void longPassphrasesAreAcceptedWithoutCompositionRules() {
        assertEquals("accepted", refusal("paper lantern over the harbour"));
        assertEquals("accepted", refusal("grønne-tårne-47"));
        assertEquals("accepted", refusal("zebraskovsti19"));
    }

    @Test
    void shortPasswordsAreRefusedWhateverTheyContain() {
        assertEquals("password.short", refusal("Xk#9q!Lm2@z"));
        assertEquals("password.short", refusal(null));
        // Twelve characters counted as people see them, not as UTF-16 units.
        assertEquals("accepted", refusal("æøåæøåxyzqrs"));
    }

    @Test
    void commonWordsWithDigitsAndSymbolsAroundThemAreRefused() {
        assertEquals("password.common", refusal("Bibliotek2026!"));
        assertEquals("password.common", refusal("Password123456"));
        assertEquals("password.common", refusal("Sommer2026!!!"));
        assertEquals("password.common", refusal("qwertyuiop123"));
        assertEquals("password.common", refusal("Lånekort-2026"));
        assertEquals("password.common", refusal("123456789012"));
        assertEquals("password.common", refusal("aaaaaaaaaaaaaa"));
        assertEquals("password.common", refusal("abababababab"));
    }

    @Test
    void aWalkAlongAKeyboardRowIsRefused() {
        assertEquals("password.keyboard", refusal("qwertyuiopas"));
        assertEquals("password.keyboard", refusal("asdfghjklæøå"));
        assertEquals("password.keyboard", refusal("ZXCVBNM,.-zx"));
        assertEquals("password.keyboard", refusal("poiuytrewqåå"));
        assertEquals("password.keyboard", refusal("qwertyqwerty"));
        // Passphrases have a neighbouring pair here and there, not a run.
        assertEquals("accepted", refusal("quiet reading lamp"));
        assertEquals("accepted", refusal("paper-lantern-harbour"));
        assertEquals("accepted", refusal("trykte bøger og kaffe"));
    }

    @Test
    void theUserNameAndTheLibraryAreNotInsideThePassword() {
        assertEquals("password.personal", refusal("ana.berg-forever-99"));
        assertEquals("password.personal", refusal("kbsk-night-shift-7"));
        assertEquals("password.personal", refusal("københavnsbiblioteker1"));
    }

    @Test
    void overLongPasswordsAreRefusedBeforeTheyReachTheHash() {
        assertTrue(policy.check("x".repeat(150) + "yz".repeat(30), ana).isPresent());
        assertEquals("password.long", refusal("abcdefghijklmnopqrstuvwxyz".repeat(8)));
    }
}
