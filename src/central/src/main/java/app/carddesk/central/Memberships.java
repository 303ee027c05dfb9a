package app.carddesk.central;

import app.carddesk.domain.Checked;
import app.carddesk.domain.MergePlan;
import app.carddesk.api.ChangeKind;
import app.carddesk.api.ErrorCode;
import app.carddesk.api.FieldLimit;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.IdentityValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A patron's memberships of libraries: Norwegian national cards activated at a new library after
 * the patron accepts its loan rules, the standing each library's own system reports, unsubscribing,
 * and merging two records of one person.
 */
public final class Memberships {

    /** The most loans, reminders or claims a library reports (a merge adds two up without overflowing). */
    private static final int MAX_COUNT = 1_000_000;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private final Jdbi jdbi;
    private final PatronRegistry registry;
    private final Clock clock;

    public Memberships(Jdbi jdbi, PatronRegistry registry, Clock clock) {
        this.jdbi = jdbi;
        this.registry = registry;
        this.clock = clock;
    }

    /** A search by a card number or a national ID (one of them), checked before it is made. */
    public Api.NationalPatron findNationally(Caller caller, Api.NationalSearch q) {
        if (blank(q.cardNumber()) == blank(q.identity())) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "cardNumber", "Search by a card number or a national ID.");
        }
        FieldLimit.CARD_NUMBER.problem(q.cardNumber()).ifPresent(problem -> {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "cardNumber", problem);
        });
        if (q.identity() != null && (q.identity().length() > 40
                || FieldLimit.hasControlCharacter(q.identity()))) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "identity", "A national ID is one short line of digits.");
        }
        return findNationally(caller, blank(q.cardNumber()) ? null : q.cardNumber(), q.identity());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Finds a patron registered at any library of the caller's country, with as little data as activation needs. */
    public Api.NationalPatron findNationally(Caller caller, String card, String identity) {
        return jdbi.withHandle(h -> {
            CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
            Optional<CentralPatronRow> row = card != null ? patrons.byCard(card.trim().toUpperCase(Locale.ROOT))
                    : patrons.byIdentity(IdentityValidator.normalise(identity));
            CentralDaos.Libraries libraries = Daos.on(h, CentralDaos.Libraries.class);
            // Who looked up whom in the country's register is audited, found or not.
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "NATIONAL_SEARCH", row.map(CentralPatronRow::id).orElse(null), card != null ? "by=card" : "by=id");
            return row.flatMap(r -> libraries.byCode(r.libraryCode())
                            .filter(home -> home.country().equals(caller.library().country()))
                            .map(home -> {
                                boolean here = PatronRegistry.visible(patrons, caller, r);
                                // Found by national ID, a library the patron has not joined learns only the
                                // end of their card's number (enough to ask "the card ending 0001?"), not a
                                // card number it could use.
                                String shown = card != null || here ? r.cardNumber() : cardEnd(r.cardNumber());
                                return new Api.NationalPatron(r.id(), shown, r.surname(), r.givenName(),
                                        r.birthDate(), home.code(), home.name(), here);
                            }))
                    .orElseThrow(() -> new ApiException(404, ErrorCode.PATRON_NOT_FOUND, null,
                            "Nobody in the country's register has this card number or national ID."));
        });
    }

    /** A card number's last four characters after dots, as a patron's card is named to someone not to have it. */
    static String cardEnd(String number) {
        if (number == null) {
            return null;
        }
        int shown = Math.min(4, number.length() / 2);
        return "\u2022".repeat(number.length() - shown) + number.substring(number.length() - shown);
    }

    public Api.LoanRules loanRules(Caller caller, String language) {
        // The library's own language unless English is asked for: Danish at a Danish library.
        String lang = "en".equals(language) ? "en" : "DK".equals(caller.library().country()) ? "da" : "nb";
        return jdbi.withExtension(CentralDaos.Memberships.class, m -> m.currentRulesVersion(caller.library().code())
                .map(v -> new Api.LoanRules(caller.library().code(), v,
                        m.rulesText(caller.library().code(), v, lang).orElseThrow()))
                .orElseThrow(() -> new ApiException(404, ErrorCode.NO_LOAN_RULES, null,
                        "This library has published no loan rules.")));
    }

    /**
     * Activates a patron registered elsewhere at the caller's library, with the patron present:
     * they accepted this version of the loan rules and typed their PIN, which is checked against the
     * hash their home library holds (wrong PINs count towards a lock). The proof is recorded.
     * Activating twice answers as the first time did.
     */
    public Api.Patron activate(Caller caller, UUID id, Api.Activation body) {
        String library = caller.library().code();
        Instant now = clock.instant();
        boolean member = jdbi.withHandle(h -> {
            CentralPatronRow patron = inCountry(h, caller, id);
            return Daos.on(h, CentralDaos.Memberships.class).isMember(patron.id(), library);
        });
        if (!member) {
            // A wrong PIN is counted in a transaction of its own, committed before the refusal is answered.
            Optional<ApiException> refused = jdbi.inTransaction(h -> {
                CentralPatronRow patron = inCountry(h, caller, id);
                Instant lockedUntil = Daos.on(h, CentralPatronDao.class).pinLockedUntil(id).orElse(null);
                return PinProof.check(h, id, patron.pinHash(), lockedUntil, body.pin(), now);
            });
            if (refused.isPresent()) {
                jdbi.useHandle(h -> Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, "ACTIVATION_REFUSED", id, refused.get().code().code()));
                throw refused.get();
            }
        }
        jdbi.useTransaction(h -> {
            CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
            CentralDaos.Memberships members = Daos.on(h, CentralDaos.Memberships.class);
            // A deletion of the patron, or another activation, waits for this one or has happened before it.
            patrons.lock(id);
            inCountry(h, caller, id);
            if (members.isMember(id, library)) {
                return;
            }
            int current = members.currentRulesVersion(library).orElseThrow(() -> new ApiException(422,
                    ErrorCode.NO_LOAN_RULES, null, "This library has published no loan rules to accept."));
            if (body.rulesVersion() == null || body.rulesVersion() != current) {
                throw new ApiException(422, ErrorCode.LOAN_RULES_OUTDATED, "rulesVersion", "The patron must accept version "
                        + current + " of this library's loan rules; show them again.");
            }
            members.add(id, library, now, current, now);
            members.provedByPin(id, library);
            patrons.touch(id, now);
            if (Boolean.TRUE.equals(body.makeHome())) {
                patrons.moveHome(id, library, now);
            }
            registry.changed(h, caller, id, ChangeKind.UPDATED, "PATRON_ACTIVATED", "rules=" + current + " proof=PIN"
                    + (Boolean.TRUE.equals(body.makeHome()) ? " home" : ""));
        });
        return jdbi.withHandle(h -> PatronAccess.shown(caller, Daos.on(h, CentralPatronDao.class).byId(id)
                .orElseThrow(() -> new ApiException(404, ErrorCode.PATRON_NOT_FOUND, "id", "The patron was deleted meanwhile.")),
                Daos.on(h, CentralDaos.Guardians.class).ofChild(id)));
    }

    /** The patron, when registered at a library of the caller's country. */
    private static CentralPatronRow inCountry(Handle h, Caller caller, UUID id) {
        CentralPatronRow patron = Daos.on(h, CentralPatronDao.class).byId(id).orElseThrow(() -> new ApiException(404,
                ErrorCode.PATRON_NOT_FOUND, "id", "Nobody in the register has that id."));
        boolean sameCountry = Daos.on(h, CentralDaos.Libraries.class).byCode(patron.libraryCode())
                .map(l -> l.country().equals(caller.library().country())).orElse(false);
        if (!sameCountry) {
            throw new ApiException(404, ErrorCode.PATRON_NOT_FOUND, "id", "Nobody in this country's register has that id.");
        }
        return patron;
    }

    /** The library system reports a patron's open loans, reminders and claims at the caller's library. */
    public Api.Membership reportStanding(Caller caller, UUID id, Api.Standing standing) {
        if (standing.loans() == null || standing.reminders() == null || standing.claims() == null
                || standing.loans() < 0 || standing.reminders() < 0 || standing.claims() < 0
                || standing.loans() > MAX_COUNT || standing.reminders() > MAX_COUNT || standing.claims() > MAX_COUNT) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "loans",
                    "Send loans, reminders and claims as whole numbers from 0 to " + MAX_COUNT + ".");
        }
        if (standing.lastActivity() != null && standing.lastActivity().isBefore(EARLIEST)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "lastActivity", "The last activity lies after 1900.");
        }
        String library = caller.library().code();
        return jdbi.inTransaction(h -> {
            CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
            registry.ownPatron(patrons, caller, id);
            Instant now = clock.instant();
            CentralDaos.Memberships members = Daos.on(h, CentralDaos.Memberships.class);
            if (members.setStanding(id, library, standing.loans(), standing.reminders(), standing.claims(), now) == 0) {
                // Registered here before memberships were recorded: the membership is implied.
                members.add(id, library, now, null, null);
                members.setStanding(id, library, standing.loans(), standing.reminders(), standing.claims(), now);
            }
            if (standing.lastActivity() != null && !standing.lastActivity().isAfter(now)) {
                Daos.on(h, CentralPatronDao.class).activeAt(id, standing.lastActivity());
            }
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, "STANDING_REPORTED", id,
                    "loans=" + standing.loans() + " reminders=" + standing.reminders() + " claims="
                            + standing.claims());
            return memberships(h, caller, id).stream().filter(m -> m.library().equals(library)).findFirst()
                    .orElseThrow();
        });
    }

    public List<Api.Membership> memberships(Caller caller, UUID id) {
        return jdbi.withHandle(h -> {
            registry.ownPatron(Daos.on(h, CentralPatronDao.class), caller, id);
            return memberships(h, caller, id);
        });
    }

    /**
     * Who saw and changed the patron's record (and the records merged into it), for "what is
     * stored about me": library and roles, never staff names. Reading it is itself audited.
     */
    public List<Api.HistoryEntry> history(Caller caller, UUID id) {
        return jdbi.inTransaction(h -> {
            registry.ownPatron(Daos.on(h, CentralPatronDao.class), caller, id);
            java.util.Map<String, String> names = new java.util.HashMap<>();
            List<Api.HistoryEntry> entries = Daos.on(h, CentralDaos.Audit.class).history(id, caller.deskId()).stream()
                    .map(e -> new Api.HistoryEntry(e.at(), e.libraryCode(), names.computeIfAbsent(e.libraryCode(),
                            code -> Daos.on(h, CentralDaos.Libraries.class).byCode(code).map(CentralDaos.Library::name)
                                    .orElse(code)),
                            e.staffRoles() == null || e.staffRoles().isBlank() ? List.of()
                                    : List.of(e.staffRoles().split(",")), e.action())).toList();
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "PATRON_HISTORY_READ", id,
                    "entries=" + entries.size());
            return entries;
        });
    }

    private static List<Api.Membership> memberships(Handle h, Caller caller, UUID id) {
        String home = Daos.on(h, CentralPatronDao.class).byId(id).map(CentralPatronRow::libraryCode).orElse("");
        return Daos.on(h, CentralDaos.Memberships.class).of(id).stream().map(m -> new Api.Membership(m.libraryCode(),
                m.libraryName(), m.libraryCode().equals(home), m.rulesVersion(), m.rulesAcceptedAt(), m.loans(),
                m.reminders(), m.claims())).toList();
    }

    /**
     * Unsubscribes a patron: they leave every library where nothing is outstanding. Where loans,
     * reminders or claims remain, the membership stays and is listed; with none left the patron is
     * deleted from the register and their card number retired.
     */
    public Api.Unsubscribed unsubscribe(Caller caller, UUID id) {
        return jdbi.inTransaction(h -> {
            CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
            CentralPatronRow patron = registry.ownPatron(patrons, caller, id);
            List<Api.Membership> all = memberships(h, caller, id);
            if (!PatronAccess.isHome(caller, patron)) {
                return leave(h, caller, id, all);
            }
            List<Api.Membership> remaining = all.stream().filter(m -> !m.clear()).toList();
            if (remaining.isEmpty()) {
                registry.changed(h, caller, id, ChangeKind.DELETED, "PATRON_UNSUBSCRIBED", "memberships=" + all.size());
                registry.erase(h, patron, "UNSUBSCRIBED");
                return new Api.Unsubscribed(true, List.of());
            }
            Instant now = clock.instant();
            CentralDaos.Memberships members = Daos.on(h, CentralDaos.Memberships.class);
            CentralDaos.ChangeFeed feed = Daos.on(h, CentralDaos.ChangeFeed.class);
            for (Api.Membership m : all) {
                if (m.clear()) {
                    members.remove(id, m.library());
                    // LEFT, not DELETED: the card still works at the libraries that keep the patron.
                    feed.append(m.library(), id, ChangeKind.LEFT, now,
                            m.library().equals(caller.library().code()) ? caller.deskId() : null);
                }
            }
            if (remaining.stream().noneMatch(Api.Membership::home)) {
                Daos.on(h, CentralPatronDao.class).moveHome(id, remaining.get(0).library(), now);
            }
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, "PATRON_UNSUBSCRIBED", id, "kept at " + remaining.size() + " of " + all.size() + " libraries");
            return new Api.Unsubscribed(false, memberships(h, caller, id));
        });
    }

    /**
     * A member library's unsubscription: the patron leaves this library only (when nothing is
     * outstanding here); their home library and every other membership stay as they are.
     */
    private Api.Unsubscribed leave(Handle h, Caller caller, UUID id, List<Api.Membership> all) {
        String library = caller.library().code();
        Api.Membership here = all.stream().filter(m -> m.library().equals(library)).findFirst().orElseThrow();
        List<Api.Membership> remaining = all.stream().filter(m -> !m.library().equals(library)).toList();
        if (!here.clear()) {
            remaining = all;
        } else {
            Instant now = clock.instant();
            Daos.on(h, CentralDaos.Memberships.class).remove(id, library);
            Daos.on(h, CentralDaos.ChangeFeed.class).append(library, id, ChangeKind.LEFT, now, caller.deskId());
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, now, "PATRON_LEFT", id,
                    "kept at " + remaining.size() + " libraries");
        }
        return new Api.Unsubscribed(false, remaining);
    }

    /**
     * Merges {@code other} into {@code survivor} in one transaction: the card staff chose stays and
     * the other number is retired (its card to be destroyed); balances are added up; memberships
     * with their loans, reminders and claims, guardians and children, and the history move over.
     */
    public Api.Patron merge(Caller caller, UUID survivorId, Api.MergeRequest request) {
        return jdbi.inTransaction(h -> mergeIn(h, caller, survivorId, request));
    }

    /** The merge, inside the caller's transaction (which may also remember the answer to a retry). */
    Api.Patron mergeIn(Handle h, Caller caller, UUID survivorId, Api.MergeRequest request) {
        if (request.otherId() == null || request.otherId().equals(survivorId)) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "otherId", "Name the other patron's id to merge.");
        }
        CentralPatronDao patrons = Daos.on(h, CentralPatronDao.class);
        CentralPatronRow keep = PatronAccess.home(h, caller, survivorId);
        CentralPatronRow other = PatronAccess.home(h, caller, request.otherId());
        // Other libraries' systems hold the loans of the record that goes by its id: they settle first.
        PatronAccess.requireNothingOutstanding(h, other.id(), caller.library().code(), "merged away");
        String requested = request.keepCardNumber() == null ? null
                : request.keepCardNumber().trim().toUpperCase(Locale.ROOT);
        Checked<MergePlan> checked = MergePlan.of(new MergePlan.Side(keep.cardNumber(), keep.identityNumber()),
                new MergePlan.Side(other.cardNumber(), other.identityNumber()), requested);
        if (!checked.isOk()) {
            app.carddesk.domain.Problem problem = checked.firstError().orElseThrow();
            String message = CentralTexts.ENGLISH.text(problem);
            throw "merge.identitiesDiffer".equals(problem.key())
                    ? new ApiException(409, ErrorCode.IDENTITIES_DIFFER, "otherId", message)
                    : new ApiException(422, ErrorCode.INVALID_FIELD, "keepCardNumber", message);
        }
        MergePlan plan = checked.value();
        String keepCard = plan.keptCard();
        Instant now = clock.instant();
        String library = caller.library().code();
        // The other record's libraries hear that it is gone, before its memberships move; when its
        // card is the one kept, desks forget it (LEFT) rather than retire it, and get it back on the survivor.
        boolean keepsOthersCard = plan.takesOthersCard();
        registry.changed(h, caller, other.id(), keepsOthersCard ? ChangeKind.LEFT : ChangeKind.DELETED, "PATRONS_MERGED",
                "into=" + keep.id());
        CentralDaos.Memberships members = Daos.on(h, CentralDaos.Memberships.class);
        MergeStatements statements = Daos.on(h, MergeStatements.class);
        List<CentralDaos.Memberships.Row> keepRows = members.of(keep.id());
        for (CentralDaos.Memberships.Row m : members.of(other.id())) {
            Optional<CentralDaos.Memberships.Row> same = keepRows.stream()
                    .filter(k -> k.libraryCode().equals(m.libraryCode())).findFirst();
            if (same.isPresent()) {
                members.setStanding(keep.id(), m.libraryCode(), same.get().loans() + m.loans(),
                        same.get().reminders() + m.reminders(), same.get().claims() + m.claims(), now);
            } else {
                statements.moveMembership(keep.id(), other.id(), m.libraryCode());
            }
        }
        moveRelations(h, statements, other.id(), keep.id());
        statements.passAliases(keep.id(), other.id());
        statements.alias(keep.id(), other.id());
        String retired = plan.retiredCard();
        String pinHash = plan.cardOf(keep.pinHash(), other.pinHash());
        String identityKind = plan.identityOf(keep.identityKind(), other.identityKind());
        String identityNumber = plan.identityOf(keep.identityNumber(), other.identityNumber());
        String registration = plan.nationalId() ? "NATIONAL_ID" : keep.registrationKind();
        if (keepsOthersCard) {
            statements.takePinMails(keep.id(), other.id());
        }
        registry.erase(h, other, "MERGED");
        if (retired != null && patrons.cardStatus(retired).map("ISSUED"::equals).orElse(false)) {
            patrons.retireCard(retired, now, "MERGED");
        }
        if (keepsOthersCard) {
            statements.reissueCard(keep.id(), keepCard);
        }
        statements.takeOver(new MergeStatements.Survivor(keep.id(), keepCard, identityKind, identityNumber, registration,
                "NATIONAL_ID".equals(registration) ? null : keep.expiresOn(), other.feesOwedMinor(),
                other.printCreditMinor(), pinHash, now));
        registry.changed(h, caller, keep.id(), ChangeKind.UPDATED, "PATRONS_MERGED", "from=" + other.id() + " kept="
                + (keepCard == null ? "-" : keepCard) + " retired=" + (retired == null ? "-" : retired));
        if (!members.isMember(keep.id(), library)) {
            members.add(keep.id(), library, now, null, null);
        }
        return PatronAccess.shown(caller, Daos.on(h, CentralPatronDao.class).byId(survivorId).orElseThrow(),
                Daos.on(h, CentralDaos.Guardians.class).ofChild(survivorId));
    }

    /** Guardianships of and by the other record become the survivor's, without duplicates. */
    private static void moveRelations(Handle h, MergeStatements statements, UUID from, UUID to) {
        CentralDaos.Guardians links = Daos.on(h, CentralDaos.Guardians.class);
        List<UUID> ownGuardians = new ArrayList<>(links.ofChild(to).stream().map(CentralDaos.Guardians.Link::guardianId)
                .toList());
        for (CentralDaos.Guardians.Link l : links.ofChild(from)) {
            if (!ownGuardians.contains(l.guardianId()) && !l.guardianId().equals(to)) {
                statements.moveGuardian(to, from, l.guardianId());
                ownGuardians.add(l.guardianId());
            }
        }
        statements.dropGuardiansOf(from);
        statements.dropSharedChildren(to, from);
        statements.moveChildren(to, from);
        statements.dropChildrenOf(from);
    }
}
