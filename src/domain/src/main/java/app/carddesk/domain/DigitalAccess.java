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

    /**
     * A service whose code ends so is a way of logging in; the others are used after logging in, so a
     * patron with no way in (no card, and too young or without the national ID a login asks for)
     * cannot use them either.
     */
    public static final String LOGIN_SUFFIX = "_LOGIN";

    public static List<Access> of(List<DigitalServiceRule> rules, IdentityKind identity, LocalDate birthDate,
                                  LocalDate today, boolean hasCard) {
        List<Access> access = rules.stream().map(rule -> !hasCard && CARD_PIN_LOGIN.equals(rule.service())
                ? new Access(rule.service(), false, Problem.of("service.reason.needsCard"))
                : access(rule, identity, birthDate, today)).toList();
        boolean knowsLogins = access.stream().anyMatch(a -> isLogin(a.service()));
        boolean canLogIn = access.stream().anyMatch(a -> isLogin(a.service()) && a.allowed());
        if (!knowsLogins || canLogIn) {
            return access;
        }
        return access.stream().map(a -> a.allowed() && !isLogin(a.service())
                ? new Access(a.service(), false, Problem.of("service.reason.needsLogin")) : a).toList();
    }

    private static boolean isLogin(String service) {
        return service.endsWith(LOGIN_SUFFIX);
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
