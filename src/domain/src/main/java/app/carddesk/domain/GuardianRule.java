package app.carddesk.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * Children are registered with a guardian who consents. The age under which that is required is a
 * setting of the library profile (15 in Norway, 18 in Denmark by default); from that birthday on the
 * link stays on record but is no longer required.
 */
public final class GuardianRule {

    private GuardianRule() {
    }

    public static boolean required(LocalDate birthDate, LocalDate today, int ageLimit) {
        return birthDate != null && !birthDate.isAfter(today) && Period.between(birthDate, today).getYears() < ageLimit;
    }
}
