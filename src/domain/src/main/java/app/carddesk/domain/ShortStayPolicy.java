package app.carddesk.domain;

import java.time.LocalDate;
import java.util.Optional;

/** A short-stay patron's expiry date: required, after today, and not beyond the profile's maximum. */
public record ShortStayPolicy(int maxDays) {

    public Optional<Problem> check(LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return Optional.of(Problem.of("expiry.required"));
        }
        if (!expiresOn.isAfter(today)) {
            return Optional.of(Problem.of("expiry.notFuture"));
        }
        LocalDate latest = today.plusDays(maxDays);
        if (expiresOn.isAfter(latest)) {
            return Optional.of(Problem.of("expiry.tooLate", maxDays, latest));
        }
        return Optional.empty();
    }
}
