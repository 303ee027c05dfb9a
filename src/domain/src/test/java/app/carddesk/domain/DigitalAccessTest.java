package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitalAccessTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final List<DigitalServiceRule> DK = List.of(
            new DigitalServiceRule("MITID_LOGIN", Set.of(IdentityKind.CPR), 15),
            new DigitalServiceRule("CARD_PIN_LOGIN", Set.of(), 0));

    @ParameterizedTest(name = "{0} born {1}: MitID {2} ({3})")
    @CsvSource({
            "CPR,  1990-01-01, true,  ''",
            "NONE, 1990-01-01, false, service.reason.needsIdentity",
            "CPR,  2012-01-01, false, service.reason.tooYoung",
            "CPR,  2011-11-22, true,  ''",
            "CPR,  2011-11-23, false, service.reason.tooYoung",
            "DUF,  1990-01-01, false, service.reason.needsIdentity",
    })
    void mitIdNeedsACprAndAge15(IdentityKind kind, LocalDate birth, boolean allowed, String reason) {
        List<DigitalAccess.Access> access = DigitalAccess.of(DK, kind, birth, TODAY);
        assertThat(access.get(0).allowed()).isEqualTo(allowed);
        assertThat(access.get(0).reason() == null ? "" : access.get(0).reason().key()).isEqualTo(reason);
        assertThat(access.get(1).allowed()).as("card and PIN work for everyone").isTrue();
    }

    @org.junit.jupiter.api.Test
    void withoutACardThereIsNoCardAndPinLogin() {
        List<DigitalAccess.Access> access = DigitalAccess.of(DK, IdentityKind.CPR, LocalDate.of(1980, 1, 1), TODAY,
                false);
        assertThat(access.get(0).allowed()).as("MitID needs no card").isTrue();
        assertThat(access.get(1).allowed()).isFalse();
        assertThat(access.get(1).reason().key()).isEqualTo("service.reason.needsCard");
    }

    @org.junit.jupiter.api.Test
    void servicesUsedAfterLoggingInNeedAWayToLogIn() {
        List<DigitalServiceRule> rules = List.of(DK.get(0), DK.get(1),
                new DigitalServiceRule("SELF_SERVICE_RENEWAL", Set.of(), 0));
        // A guardian registered without a card and without a CPR number has no way to log in.
        List<DigitalAccess.Access> cardless = DigitalAccess.of(rules, IdentityKind.NONE, LocalDate.of(1980, 1, 1),
                TODAY, false);
        assertThat(cardless.get(2).allowed()).isFalse();
        assertThat(cardless.get(2).reason().key()).isEqualTo("service.reason.needsLogin");
        // With a CPR number, MitID lets them in without a card; with a card, card and PIN do.
        assertThat(DigitalAccess.of(rules, IdentityKind.CPR, LocalDate.of(1980, 1, 1), TODAY, false).get(2)
                .allowed()).isTrue();
        assertThat(DigitalAccess.of(rules, IdentityKind.NONE, LocalDate.of(1980, 1, 1), TODAY, true).get(2)
                .allowed()).isTrue();
        // A child under 15 with a CPR number but no card cannot log in either.
        assertThat(DigitalAccess.of(rules, IdentityKind.CPR, LocalDate.of(2016, 1, 1), TODAY, false).get(2)
                .reason().key()).isEqualTo("service.reason.needsLogin");
    }
}
