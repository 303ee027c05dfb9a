package app.carddesk.central;

import app.carddesk.api.ErrorCode;
import app.carddesk.api.Api;
import app.carddesk.api.FieldLimit;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.CardNumber;
import app.carddesk.domain.CardNumberPolicy;
import app.carddesk.domain.CardSeries;
import app.carddesk.domain.CheckDigit;
import app.carddesk.domain.Checked;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.GuardianRule;
import app.carddesk.domain.IdentityKind;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.IdentityValidator;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.domain.ShortStayPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a patron as a desk sends them may be registered or stored: every text fits its column,
 * the domain's rules as at the desk, and card numbers from the library's reserved series.
 */
public final class PatronValidation {

    /** The oldest a patron can be, as at the desk. */
    private static final int MAX_AGE_YEARS = 130;
    /** Dates and times outside these are typing errors (and outside what PostgreSQL stores). */
    private static final LocalDate EARLIEST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DAY = LocalDate.of(2999, 12, 31);
    private static final Instant EARLIEST = EARLIEST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    private final Jdbi jdbi;
    private final Clock clock;

    public PatronValidation(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A registration that passed every rule, with the warnings staff overrode. */
    public record Valid(CentralPatronRow row, List<String> warnings, List<Api.Guardian> guardians) {
    }

    public Valid validate(Caller caller, Api.Patron p, int version, Instant createdAt) {
        return validate(caller, p, version, createdAt, () -> reservedSeries(caller), false);
    }

    public Valid validate(Caller caller, Api.Patron p, int version, Instant createdAt,
                          java.util.function.Supplier<List<CentralDaos.CardSeries.Row>> series) {
        return validate(caller, p, version, createdAt, series, false);
    }

    /** The library's reserved card series, read once for a whole batch. */
    public List<CentralDaos.CardSeries.Row> reservedSeries(Caller caller) {
        return jdbi.withExtension(CentralDaos.CardSeries.class, d -> d.ofLibrary(caller.library().code()));
    }

    /**
     * @param guardiansStored whether the patron has guardians on record already (an update)
     */
    public Valid validate(Caller caller, Api.Patron p, int version, Instant createdAt,
                          java.util.function.Supplier<List<CentralDaos.CardSeries.Row>> series,
                          boolean guardiansStored) {
        if (p.id() == null) {
            throw invalid("id", "id is required: a UUID the desk generated");
        }
        checkLimits(p);
        LocalDate today = LocalDate.now(clock);
        List<String> warnings = new ArrayList<>();
        IdentityNumber identity = null;
        String kind = p.identity() == null || p.identity().kind() == null ? "NONE" : p.identity().kind();
        if (!"NONE".equals(kind)) {
            Checked<IdentityNumber> checked = new IdentityValidator(caller.library().testProfile())
                    .check(p.identity().number(), today);
            if (!checked.isOk()) {
                throw invalid("identity.number", checked.firstError().orElseThrow());
            }
            identity = checked.value();
            if (!identity.kind().name().equals(kind)) {
                throw invalid("identity.kind", "the number is a " + identity.kind() + ", not a " + kind);
            }
            checked.warnings().forEach(w -> warnings.add(w.key()));
        }
        String card = null;
        if (p.cardNumber() != null) {
            card = checkCard(series.get(), p.cardNumber());
        }
        require(ContactRules.checkName(p.surname(), "surname"), "surname");
        require(ContactRules.checkName(p.givenName(), "givenName"), "givenName");
        require(ContactRules.checkEmail(p.email()), "email");
        require(ContactRules.checkPhone(p.phone()), "phone");
        LocalDate birth = p.birthDate() != null ? p.birthDate() : identity == null ? null : identity.birthDate();
        if (birth == null || birth.isAfter(today) || birth.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            throw invalid("birthDate", Problem.of("details.birthDateRange"));
        }
        if (GuardianRule.required(birth, today, caller.library().guardianAge()) && p.guardians().isEmpty()
                && !guardiansStored) {
            throw new ApiException(422, ErrorCode.GUARDIAN_REQUIRED, "guardians", "A child under "
                    + caller.library().guardianAge() + " is registered with at least one guardian who consents.");
        }
        if (p.guardians().stream().anyMatch(g -> g == null || g.guardianId() == null || g.guardianId().equals(p.id())
                || g.consentAt() == null)) {
            throw invalid("guardians", "each guardian is another patron's id with the time of their consent");
        }
        if (p.guardians().stream().anyMatch(g -> g.consentAt().isBefore(EARLIEST)
                || g.consentAt().isAfter(clock.instant().plus(java.time.Duration.ofDays(1))))) {
            throw invalid("guardians", "a guardian's consent is given by now, and not before 1900");
        }
        // Named twice, a guardian is linked once.
        List<Api.Guardian> guardians = new ArrayList<>(p.guardians().stream().collect(java.util.stream.Collectors
                .toMap(Api.Guardian::guardianId, g -> g, (first, again) -> first, java.util.LinkedHashMap::new))
                .values());
        if (guardians.size() > Api.MAX_GUARDIANS) {
            throw invalid("guardians", "a patron has at most " + Api.MAX_GUARDIANS + " guardians");
        }
        if (blank(p.category())) {
            throw invalid("category", Problem.of("category.required"));
        }
        if (blank(p.pickupLibrary())) {
            throw invalid("pickupLibrary", Problem.of("pickup.required"));
        }
        RegistrationKind registration = RegistrationKind.of(identity != null, p.expectsNationalId());
        if (registration == RegistrationKind.SHORT_STAY && version == 1) {
            Optional<Problem> expiry = new ShortStayPolicy(caller.library().maxShortStayDays())
                    .check(p.expiresOn(), today);
            if (expiry.isPresent()) {
                throw invalid("expiresOn", expiry.get());
            }
        }
        if (nz(p.feesOwedMinor()) < 0 || nz(p.printCreditMinor()) < 0) {
            throw invalid("feesOwedMinor", Problem.of("balance.negative"));
        }
        if (p.pinHash() != null && !PinProof.wellFormed(p.pinHash())) {
            throw invalid("pinHash", "pinHash is the Argon2id hash of the patron's own PIN ($argon2id$...), "
                    + "at most 200 characters; leave it out when the PIN is e-mailed");
        }
        if (nz(p.feesOwedMinor()) > Api.MAX_AMOUNT_MINOR || nz(p.printCreditMinor()) > Api.MAX_AMOUNT_MINOR) {
            throw invalid(nz(p.feesOwedMinor()) > Api.MAX_AMOUNT_MINOR ? "feesOwedMinor" : "printCreditMinor",
                    "an amount is at most " + Api.MAX_AMOUNT_MINOR + " (in øre or cents)");
        }
        if (p.expiresOn() != null && (p.expiresOn().isBefore(EARLIEST_DAY) || p.expiresOn().isAfter(LATEST_DAY))) {
            throw invalid("expiresOn", "an expiry date lies between " + EARLIEST_DAY + " and " + LATEST_DAY);
        }
        return new Valid(PatronMapper.toRow(p, caller.library().code(), card, identity, birth, registration, version,
                createdAt, clock.instant()), warnings, guardians);
    }

    /** Every text fits its column and is one line of text (see {@link FieldLimit}), before any other rule. */
    private static void checkLimits(Api.Patron p) {
        Api.Address a = p.address() == null ? new Api.Address(null, null, null, null) : p.address();
        limit(FieldLimit.CARD_NUMBER, p.cardNumber());
        limit(FieldLimit.SURNAME, p.surname());
        limit(FieldLimit.GIVEN_NAME, p.givenName());
        limit(FieldLimit.EMAIL, p.email());
        limit(FieldLimit.PHONE, p.phone());
        limit(FieldLimit.ADDRESS_LINE, a.line());
        limit(FieldLimit.POSTAL_CODE, a.postalCode());
        limit(FieldLimit.CITY, a.city());
        limit(FieldLimit.COUNTRY, a.country());
        limit(FieldLimit.CATEGORY, p.category());
        limit(FieldLimit.PICKUP_LIBRARY, p.pickupLibrary());
    }

    private static void limit(FieldLimit limit, String value) {
        limit.problem(value).ifPresent(problem -> {
            throw invalid(limit.field(), problem);
        });
    }

    private String checkCard(List<CentralDaos.CardSeries.Row> reserved, String raw) {
        if (reserved.isEmpty()) {
            throw new ApiException(422, ErrorCode.CARD_NUMBER_NOT_RESERVED, "cardNumber",
                    "This library has reserved no card number series yet: reserve one before issuing cards.");
        }
        CardNumberPolicy policy = new CardNumberPolicy(reserved.stream()
                .map(r -> new CardSeries(r.prefix(), r.digits(), CheckDigit.NONE)).distinct().toList());
        Checked<CardNumber> checked = policy.check(raw);
        if (!checked.isOk()) {
            throw invalid("cardNumber", checked.firstError().orElseThrow());
        }
        CardNumber card = checked.value();
        long n = Long.parseLong(card.value().substring(card.series().prefix().length()));
        boolean inRange = reserved.stream().anyMatch(r -> r.prefix().equals(card.series().prefix())
                && r.digits() == card.series().digits() && n >= r.rangeFrom() && n <= r.rangeTo());
        if (!inRange) {
            throw new ApiException(422, ErrorCode.CARD_NUMBER_NOT_RESERVED, "cardNumber",
                    "Card " + card.value() + " is outside the number series this library reserved. Use a card "
                            + "from the library's own stack.");
        }
        return card.value();
    }

    private static void require(Optional<Problem> problem, String field) {
        problem.ifPresent(p -> {
            throw invalid(field, p);
        });
    }

    static ApiException invalid(String field, Problem problem) {
        return invalid(field, CentralTexts.ENGLISH.text(problem));
    }

    static ApiException invalid(String field, String message) {
        return new ApiException(422, ErrorCode.INVALID_FIELD, field, message);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }

    private static long nz(Long n) {
        return n == null ? 0 : n;
    }
}
