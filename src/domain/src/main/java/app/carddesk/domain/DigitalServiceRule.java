package app.carddesk.domain;

import java.util.Set;

/**
 * What a library's digital service asks of a patron's identity: one of some kinds of national
 * ID (none asked: anyone), and a minimum age. Kept as data per country profile, so a new service
 * or a changed age limit is a change of data, not of code.
 *
 * @param service          a code such as {@code MITID_LOGIN}; its name is in the desk's texts
 * @param requiredIdentity the identity kinds that qualify; empty when any patron qualifies
 * @param minAge           the youngest age that qualifies, 0 for any
 */
public record DigitalServiceRule(String service, Set<IdentityKind> requiredIdentity, int minAge) {

    public DigitalServiceRule {
        requiredIdentity = Set.copyOf(requiredIdentity);
    }
}
