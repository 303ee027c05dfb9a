package app.carddesk.issuing;

import app.carddesk.domain.CardNumber;
import app.carddesk.domain.Checked;
import app.carddesk.domain.ContactRules;
import app.carddesk.domain.IdentityNumber;
import app.carddesk.domain.GuardianRule;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.Patron;
import app.carddesk.domain.PatronCategory;
import app.carddesk.domain.PatronIds;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.PinPolicy;
import app.carddesk.domain.Problem;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.identity.PopulationRegister;
import app.carddesk.security.PinHasher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card-issuing use cases of the desk: look a card up, fetch a person from the population
 * register, find possible duplicates, and issue the card. What comes later (the national ID, a new
 * card, contact, balances, a merge) is {@link PatronUpkeep}.
 * Every rule is checked here again before anything is stored, whatever the screen allowed.
 */
public final class IssuingService {

    private static final Logger LOG = LoggerFactory.getLogger(IssuingService.class);
    private static final int SIMILAR_LIMIT = 20;

    private final CurrentProfile current;
    private final PatronStore store;
    private final PopulationRegister register;
    private final PinHasher pinHasher;
    private final StaffContext staff;
    private final Clock clock;
    private final CentralLookup central;
    private final PinPolicy pinPolicy = new PinPolicy();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public IssuingService(LibraryProfile profile, PatronStore store, PopulationRegister register, PinHasher pinHasher,
                          StaffContext staff, Clock clock) {
        this(profile, store, register, pinHasher, staff, clock, CentralLookup.none());
    }

    public IssuingService(LibraryProfile profile, PatronStore store, PopulationRegister register, PinHasher pinHasher,
                          StaffContext staff, Clock clock, CentralLookup central) {
        this(new CurrentProfile(profile), store, register, pinHasher, staff, clock, central);
    }

    /** @param current the library's profile, replaced when its configuration changes */
    public IssuingService(CurrentProfile current, PatronStore store, PopulationRegister register, PinHasher pinHasher,
                          StaffContext staff, Clock clock, CentralLookup central) {
        this.central = central;
        this.current = current;
        this.store = store;
        this.register = register;
        this.pinHasher = pinHasher;
        this.staff = staff;
        this.clock = clock;
    }

    /** The library's profile now: read it each time, since a sync may replace it. */
    public LibraryProfile profile() {
        return current.get();
    }

    public CurrentProfile currentProfile() {
        return current;
    }

    /** Who works at this desk, for choices recorded outside issuing (sync problems). */
    public String staffUser() {
        return staff.staffUser();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Why the signed-in person may not do this ({@link StaffContext#refusal}), or empty when they may. */
    public Optional<Problem> refusal(String permission) {
        return staff.refusal(permission);
    }

    public CardLookup lookUp(String raw) {
        Checked<CardNumber> checked = profile().cardNumberPolicy().check(raw);
        if (!checked.isOk()) {
            return new CardLookup.Invalid(raw, checked.firstError().orElseThrow());
        }
        CardNumber card = checked.value();
        return store.card(card.value())
                .<CardLookup>map(r -> r.status() == CardStatus.RETIRED
                        ? new CardLookup.Retired(card, r.patronId() == null || store.patron(r.patronId()).isEmpty()
                                ? null : r.patronId(), "LOST".equals(r.retiredReason()))
                        : new CardLookup.Issued(card, r.patronId()))
                .orElseGet(() -> {
                    CentralLookup.CardAnswer known = central.card(card.value());
                    if (known instanceof CentralLookup.CardAnswer.Holder h) {
                        return new CardLookup.Issued(card, h.patronId());
                    }
                    if (known instanceof CentralLookup.CardAnswer.Retired) {
                        // Retired at another desk (lost, replaced, cut in half): never a blank card here either.
                        return new CardLookup.Retired(card, null, false);
                    }
                    return central.registeredElsewhere(card.value()) ? new CardLookup.OtherLibrary(card)
                            // A blank card is issued from the library's own numbers only.
                            : profile().cardNumberPolicy().reserved(card) ? new CardLookup.Free(card)
                            : new CardLookup.Invalid(raw, profile().cardNumberPolicy().notReserved(card));
                });
    }

    public Checked<IdentityNumber> checkIdentity(String raw) {
        return profile().identityValidator().check(raw, today());
    }

    public FetchResult fetch(IdentityNumber identity) {
        Optional<UUID> existing = store.patronIdByIdentity(identity.number())
                .or(() -> central.patronByIdentity(identity.number()));
        if (existing.isPresent()) {
            return new FetchResult.AlreadyRegistered(existing.get());
        }
        if (!identity.kind().fetchable()) {
            return new FetchResult.NotFound();
        }
        try {
            return register.find(identity).<FetchResult>map(FetchResult.Found::new)
                    .orElseGet(FetchResult.NotFound::new);
        } catch (PopulationRegister.RegisterUnavailableException e) {
            LOG.warn("Population register unavailable: {}", e.getMessage());
            return new FetchResult.Unavailable();
        } catch (PopulationRegister.NotConnectedException e) {
            LOG.warn("No population register: {}", e.getMessage());
            return new FetchResult.NotConnected();
        }
    }

    /**
     * Patrons who may be this person, each once however many reasons match, with every reason
     * (comma-separated, as {@code NAME_BIRTH,EMAIL}).
     */
    public List<PatronSummary> similar(PatronDetails d) {
        List<String> order = List.of("NAME_BIRTH", "EMAIL", "PHONE");
        java.util.Map<UUID, List<PatronSummary>> byPatron = store.similar(ContactRules.nameKey(d.surname()),
                ContactRules.nameKey(d.givenName()), d.birthDate(), ContactRules.emailKey(d.email()),
                ContactRules.phoneKey(d.phone()), SIMILAR_LIMIT).stream().collect(java.util.stream.Collectors.groupingBy(
                        PatronSummary::id, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        return byPatron.values().stream().map(all -> {
            PatronSummary s = all.get(0);
            return new PatronSummary(s.id(), s.cardNumber(), s.givenName(), s.surname(), s.birthDate(), all.stream()
                    .map(PatronSummary::reason).sorted(java.util.Comparator.comparingInt(order::indexOf))
                    .collect(java.util.stream.Collectors.joining(",")));
        }).toList();
    }

    public Optional<Patron> patron(UUID id) {
        return store.patron(id);
    }

    /** Stores the patron and their card, or refuses with the reason; nothing is stored half-way. */
    public IssueOutcome issue(IssueRequest r) {
        Optional<Problem> problem = staff.refusal("issue").or(() -> validate(r));
        if (problem.isPresent()) {
            return new IssueOutcome.Refused(problem.get());
        }
        String pinHash = r.pinDelivery() == PinDelivery.OWN_PIN ? pinHasher.hash(r.ownPin()) : null;
        Instant now = clock.instant();
        PatronDetails d = r.details();
        Patron patron = new Patron(PatronIds.next(clock), r.card().value(), r.identity(), d.surname().trim(),
                d.givenName().trim(), d.birthDate(), blankToNull(d.email()), blankToNull(d.phone()), d.address(),
                r.categoryCode(), r.pickupLibraryCode(), r.kind(),
                r.kind() == RegistrationKind.SHORT_STAY ? r.expiresOn() : null, r.pinDelivery(),
                r.pinDelivery() == PinDelivery.OWN_PIN && r.pinChangeAdvised(), 0, 0, now, staff.staffUser(), 1);
        List<OutboxEntry> outbox = new ArrayList<>();
        outbox.add(new OutboxEntry(patron.id(), OutboxKind.PATRON_CREATED, toJson(patron)));
        if (r.pinDelivery() == PinDelivery.EMAIL) {
            outbox.add(PinMailService.request(patron.id(), r.letterLanguage(), patron.email()));
        }
        AuditEntry issued = audit("PATRON_ISSUED", patron.id(),
                "kind=" + r.kind() + ";identity=" + patron.identityKind() + ";pin=" + r.pinDelivery());
        try {
            if (r.guardian() == null) {
                store.insert(patron, pinHash, issued, outbox);
            } else {
                Patron guardian = newGuardian(r, now);
                UUID guardianId = guardian == null ? r.guardian().existingId() : guardian.id();
                List<OutboxEntry> all = new ArrayList<>();
                List<AuditEntry> audits = new ArrayList<>();
                if (guardian != null) {
                    all.add(new OutboxEntry(guardian.id(), OutboxKind.PATRON_CREATED, toJson(guardian)));
                    audits.add(audit("PATRON_REGISTERED_AS_GUARDIAN", guardian.id(), "kind=" + guardian
                            .registrationKind()));
                }
                all.addAll(outbox);
                audits.add(issued);
                audits.add(audit("GUARDIAN_CONSENT", patron.id(), "guardian=" + guardianId));
                store.insertChild(patron, pinHash, guardian, guardianId, r.guardian().consentAt(), audits, all);
            }
        } catch (PatronStore.ConflictException e) {
            return new IssueOutcome.Refused(Problem.of("issue.conflict." + e.code()));
        }
        LOG.info("Issued card in series {} ({})", r.card().series().pattern(), r.kind());
        return new IssueOutcome.Issued(patron.id());
    }

    /** A new guardian registered with the child: a patron without a card, at the child's address. */
    private Patron newGuardian(IssueRequest r, Instant now) {
        PatronDetails g = r.guardian().newGuardian();
        if (g == null) {
            return null;
        }
        return new Patron(PatronIds.next(clock), null, null, g.surname().trim(), g.givenName().trim(), g.birthDate(),
                blankToNull(g.email()), blankToNull(g.phone()), r.details().address(), r.guardian().category(),
                r.pickupLibraryCode(), RegistrationKind.EXPECTS_NATIONAL_ID, null, PinDelivery.OWN_PIN, false, 0, 0,
                now, staff.staffUser(), 1);
    }

    /** Whether a patron born on this day is registered with a guardian, by the profile's age limit. */
    public boolean needsGuardian(LocalDate birthDate) {
        return GuardianRule.required(birthDate, today(), profile().guardianAge());
    }

    /** The guardian's problem, if any: an existing patron must be an adult; a new one needs valid details. */
    public Optional<Problem> checkGuardian(GuardianChoice g) {
        if (g == null) {
            return Optional.of(Problem.of("guardian.required", profile().guardianAge()));
        }
        if (g.existingId() != null) {
            Optional<Patron> existing = store.patron(g.existingId());
            if (existing.isEmpty()) {
                return Optional.of(Problem.of("guardian.notFound"));
            }
            if (needsGuardian(existing.get().birthDate())) {
                return Optional.of(Problem.of("guardian.notAdult", profile().guardianAge()));
            }
        } else {
            PatronDetails d = g.newGuardian();
            if (d == null) {
                return Optional.of(Problem.of("guardian.required", profile().guardianAge()));
            }
            Optional<Problem> detail = contactProblem(d);
            if (detail.isPresent()) {
                return detail;
            }
            if (d.birthDate() == null || d.birthDate().isAfter(today())) {
                return Optional.of(Problem.of("details.birthDateRange"));
            }
            if (needsGuardian(d.birthDate())) {
                return Optional.of(Problem.of("guardian.notAdult", profile().guardianAge()));
            }
            Optional<PatronCategory> category = profile().categories().stream()
                    .filter(c -> c.code().equals(g.category())).findFirst();
            if (category.isEmpty()) {
                return Optional.of(Problem.of("guardian.category"));
            }
            Optional<Problem> age = category.get().ageProblem(d.birthDate(), today());
            if (age.isPresent()) {
                // The same limits, said of the guardian: guardian.tooYoung or guardian.tooOld.
                return Optional.of(new Problem(age.get().key().replace("category.", "guardian."), age.get().args()));
            }
        }
        if (g.consentAt() == null) {
            return Optional.of(Problem.of("guardian.consent"));
        }
        return Optional.empty();
    }

    /** The first problem with a person's name, e-mail or phone, for a patron and a new guardian alike. */
    private static Optional<Problem> contactProblem(PatronDetails d) {
        return ContactRules.checkName(d.surname(), "surname")
                .or(() -> ContactRules.checkName(d.givenName(), "givenName"))
                .or(() -> ContactRules.checkEmail(d.email()))
                .or(() -> ContactRules.checkPhone(d.phone()));
    }

    private Optional<Problem> validate(IssueRequest r) {
        CardLookup lookup = lookUp(r.card().value());
        if (lookup instanceof CardLookup.Invalid invalid) {
            return Optional.of(invalid.problem());
        }
        if (lookup instanceof CardLookup.Issued) {
            return Optional.of(Problem.of("issue.conflict.card_number_taken"));
        }
        if (lookup instanceof CardLookup.Retired) {
            return Optional.of(Problem.of("issue.conflict.card_number_retired"));
        }
        if ((r.kind() == RegistrationKind.NATIONAL_ID) != (r.identity() != null)) {
            return Optional.of(Problem.of("issue.identityMissing"));
        }
        if (r.identity() != null && store.patronIdByIdentity(r.identity().number()).isPresent()) {
            return Optional.of(Problem.of("issue.conflict.identity_already_registered"));
        }
        if (r.kind() == RegistrationKind.SHORT_STAY) {
            Optional<Problem> expiry = profile().shortStayPolicy().check(r.expiresOn(), today());
            if (expiry.isPresent()) {
                return expiry;
            }
        }
        PatronDetails d = r.details();
        Optional<Problem> detail = contactProblem(d);
        if (detail.isPresent()) {
            return detail;
        }
        Optional<Problem> address = d.address() == null ? Optional.of(Problem.of("details.required.address"))
                : ContactRules.checkAddress(d.address().line(), d.address().postalCode(), d.address().city(),
                d.address().country(), profile().country());
        if (address.isPresent()) {
            return address;
        }
        if (d.birthDate() == null) {
            return Optional.of(Problem.of("date.required"));
        }
        if (needsGuardian(d.birthDate())) {
            Optional<Problem> guardian = checkGuardian(r.guardian());
            if (guardian.isPresent()) {
                return guardian;
            }
        }
        if (r.pinDelivery() == PinDelivery.EMAIL && !d.hasEmail()) {
            return Optional.of(Problem.of("pin.emailNeeded"));
        }
        if (r.pinDelivery() == PinDelivery.OWN_PIN) {
            Optional<Problem> pin = pinPolicy.check(r.ownPin(), r.ownPin(), d.birthDate(), r.card().value(),
                    r.identity() == null ? null : r.identity().number());
            if (pin.isPresent()) {
                return pin;
            }
        }
        Optional<app.carddesk.domain.PatronCategory> category = profile().categories().stream()
                .filter(c -> c.code().equals(r.categoryCode())).findFirst();
        if (category.isEmpty()) {
            return Optional.of(Problem.of("category.required"));
        }
        Optional<Problem> age = category.get().ageProblem(d.birthDate(), today());
        if (age.isPresent()) {
            return age;
        }
        if (profile().pickupLibraries().stream().noneMatch(p -> p.code().equals(r.pickupLibraryCode()))) {
            return Optional.of(Problem.of("pickup.required"));
        }
        return Optional.empty();
    }

    /** Looking after patrons once registered, with the same register, staff and card checks as issuing. */
    public PatronUpkeep upkeep() {
        return new PatronUpkeep(this, store, staff, clock);
    }

    /** Finding patrons by any key, with the same register, central register and staff as issuing. */
    public PatronFinder finder() {
        return new PatronFinder(profile(), store, central, staff, clock);
    }

    private AuditEntry audit(String action, UUID patronId, String detail) {
        return staff.audit(clock, action, patronId, detail);
    }

    private String toJson(Patron p) {
        try {
            return json.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("patron could not be written as JSON", e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
