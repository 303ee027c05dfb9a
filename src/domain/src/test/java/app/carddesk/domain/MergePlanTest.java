package app.carddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MergePlanTest {

    private static final MergePlan.Side TEMPORARY = new MergePlan.Side("T100", null);
    private static final MergePlan.Side WITH_ID = new MergePlan.Side("N200", "0101901234");

    @Test
    void keepsTheSurvivorsCardWhenStaffChoseNone() {
        MergePlan plan = MergePlan.of(WITH_ID, TEMPORARY, null).value();
        assertThat(plan.keptCard()).isEqualTo("N200");
        assertThat(plan.retiredCard()).isEqualTo("T100");
        assertThat(plan.takesOthersCard()).isFalse();
        assertThat(plan.cardOf("pin of N200", "pin of T100")).isEqualTo("pin of N200");
    }

    @Test
    void theCardChosenStaysWithItsPinAndTheOtherIsRetired() {
        MergePlan plan = MergePlan.of(WITH_ID, TEMPORARY, "T100").value();
        assertThat(plan.keptCard()).isEqualTo("T100");
        assertThat(plan.retiredCard()).isEqualTo("N200");
        assertThat(plan.takesOthersCard()).isTrue();
        assertThat(plan.cardOf("pin of N200", "pin of T100")).isEqualTo("pin of T100");
    }

    @Test
    void theNationalIdComesFromWhicheverRecordHasIt() {
        MergePlan intoTemporary = MergePlan.of(TEMPORARY, WITH_ID, "T100").value();
        assertThat(intoTemporary.identityFromOther()).isTrue();
        assertThat(intoTemporary.nationalId()).isTrue();
        assertThat(intoTemporary.identityOf("none", "0101901234")).isEqualTo("0101901234");
        assertThat(intoTemporary.retiredCard()).isEqualTo("N200");

        MergePlan intoNational = MergePlan.of(WITH_ID, TEMPORARY, "N200").value();
        assertThat(intoNational.identityFromOther()).isFalse();
        assertThat(intoNational.identityOf("0101901234", "none")).isEqualTo("0101901234");

        MergePlan twoTemporary = MergePlan.of(TEMPORARY, new MergePlan.Side("T101", null), null).value();
        assertThat(twoTemporary.nationalId()).isFalse();
    }

    @Test
    void aRecordWithoutCardLeavesNothingToRetire() {
        MergePlan plan = MergePlan.of(WITH_ID, new MergePlan.Side(null, null), null).value();
        assertThat(plan.keptCard()).isEqualTo("N200");
        assertThat(plan.retiredCard()).isNull();
    }

    @Test
    void refusesTwoNationalIdsAndACardOfNeitherRecord() {
        assertThat(MergePlan.of(WITH_ID, new MergePlan.Side("N300", "0202902345"), null).firstError())
                .contains(Problem.of("merge.identitiesDiffer"));
        assertThat(MergePlan.of(WITH_ID, TEMPORARY, "X999").firstError()).contains(Problem.of("merge.chooseCard"));
        assertThat(MergePlan.of(WITH_ID, new MergePlan.Side("N300", "0101901234"), null).isOk())
                .as("the same national ID twice is one person").isTrue();
    }
}
