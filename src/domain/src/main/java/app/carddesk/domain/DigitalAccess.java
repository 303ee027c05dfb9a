package app.carddesk.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which digital services a patron can use given their identity and age, and why not where they
 * cannot, so staff can explain it at the desk.
 */
public final class DigitalAccess {

    /** One service for one patron: usable, or not with the reason. */
    public record Access(String service, boolean allowed, Problem reason) {
    }

    private DigitalAccess() {
    }

    /** The service of logging in with the card's number and the PIN: a patron without a card has none. */
    public static final String CARD_PIN_LOGIN = "CARD_PIN_LOGIN";

    /** For a patron with a card. */
    public static List<Access> of(List<DigitalServiceRule> rules, IdentityKind identity, LocalDate birthDate,
                                  LocalDate today) {
        return of(rules, identity, birthDate, today, true);
    }

    public static List<Access> of(List<DigitalServiceRule> rules, IdentityKind identity, LocalDate birthDate,
                                  LocalDate today, boolean hasCard) {
        return rules.stream().map(rule -> !hasCard && CARD_PIN_LOGIN.equals(rule.service())
                ? new Access(rule.service(), false, Problem.of("service.reason.needsCard"))
                : access(rule, identity, birthDate, today)).toList();
    }

    private static Access access(DigitalServiceRule rule, IdentityKind identity, LocalDate birthDate,
                                 LocalDate today) {
        if (!rule.requiredIdentity().isEmpty() && !rule.requiredIdentity().contains(identity)) {
            String kinds = rule.requiredIdentity().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(","));
            return new Access(rule.service(), false, Problem.of("service.reason.needsIdentity", kinds));
        }
        if (rule.minAge() > 0 && (birthDate == null || Period.between(birthDate, today).getYears() < rule.minAge())) {
            return new Access(rule.service(), false, Problem.of("service.reason.tooYoung", rule.minAge()));
        }
        return new Access(rule.service(), true, null);
    }
}
