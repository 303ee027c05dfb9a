package app.carddesk.issuing;

import app.carddesk.domain.Checked;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.PatronQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds a patron by card number, national ID, e-mail, phone or name: in this desk's register,
 * and through the central register when the desk has one and reaches it. Every search is
 * audited with the key used, never with what was typed.
 */
public final class PatronFinder {

    /** The most patrons one search lists. */
    public static final int LIMIT = 50;

    /**
     * @param central whether the central register answered too; false when the desk has none or it was unreachable
     * @param unreachable the desk has a central register but could not reach it: these are local results only
     */
    public record Found(List<PatronSummary> patrons, boolean more, boolean central, boolean unreachable) {
    }

    private final LibraryProfile profile;
    private final PatronStore store;
    private final CentralLookup centralLookup;
    private final StaffContext staff;
    private final Clock clock;

    public PatronFinder(LibraryProfile profile, PatronStore store, CentralLookup central, StaffContext staff,
                        Clock clock) {
        this.profile = profile;
        this.store = store;
        this.centralLookup = central;
        this.staff = staff;
        this.clock = clock;
    }

    public Checked<PatronQuery> parse(String text, String birthDate) {
        return PatronQuery.parse(text, birthDate, profile.cardNumberPolicy(), profile.identityValidator(),
                LocalDate.now(clock));
    }

    public Found find(PatronQuery query) {
        List<PatronSummary> local = store.search(query, LIMIT + 1);
        Optional<CentralLookup.SearchAnswer> remote = centralLookup.search(query);
        List<PatronSummary> all = new ArrayList<>(local);
        Set<UUID> seen = new HashSet<>();
        local.forEach(p -> seen.add(p.id()));
        boolean more = local.size() > LIMIT;
        if (remote.isPresent()) {
            for (PatronSummary p : remote.get().patrons()) {
                if (seen.add(p.id())) {
                    all.add(p);
                }
            }
            more |= remote.get().more();
        }
        if (all.size() > LIMIT) {
            more = true;
            all = all.subList(0, LIMIT);
        }
        store.recordAudit(staff.audit(clock, "PATRON_SEARCH",
                null, "by=" + query.kind() + ";found=" + all.size() + ";central=" + remote.isPresent()));
        return new Found(List.copyOf(all), more, remote.isPresent(), remote.isEmpty() && centralLookup.configured());
    }

    /** The patron to open: found here, or taken from the central register first. */
    public Optional<UUID> open(PatronSummary found) {
        if (store.patron(found.id()).isPresent()) {
            return Optional.of(found.id());
        }
        return centralLookup.pullById(found.id());
    }
}
