package app.carddesk.store;

import app.carddesk.domain.CardSeries;
import app.carddesk.domain.CheckDigit;
import app.carddesk.domain.Country;
import app.carddesk.domain.DigitalServiceRule;
import app.carddesk.domain.IdentityKind;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.Letterhead;
import app.carddesk.domain.PatronCategory;
import app.carddesk.domain.PickupLibrary;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Loads a whole {@link LibraryProfile} from the store. */
public final class ProfileRepository {

    private final Jdbi jdbi;

    public ProfileRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<LibraryProfile> load(String code) {
        return jdbi.withExtension(ProfileDao.class, dao -> dao.profile(code).map(p -> new LibraryProfile(
                p.code(), p.name(), Country.valueOf(p.country()), p.testProfile(), p.maxShortStayDays(),
                p.homeLibraryCode(),
                dao.series(code).stream()
                        .map(s -> new CardSeries(s.prefix(), s.digits(), CheckDigit.valueOf(s.checkDigit()))).toList(),
                dao.pickupLibraries(code).stream().map(l -> new PickupLibrary(l.code(), l.name())).toList(),
                dao.categories(code).stream()
                        .map(c -> new PatronCategory(c.code(), c.nameDa(), c.nameNb(), c.nameEn())).toList(),
                dao.digitalServices(code).stream().map(ProfileRepository::rule).toList(), p.guardianAge(),
                new Letterhead(p.name(), p.addressLine(), p.postalCode(), p.city(), p.phone(), p.email(),
                        p.website(), p.logoFile()), p.reportNamesStaff())));
    }

    private static DigitalServiceRule rule(ProfileDao.ServiceRow row) {
        Set<IdentityKind> kinds = Arrays.stream(row.requiredIdentity().split(",")).map(String::trim)
                .filter(k -> !k.isEmpty()).map(IdentityKind::valueOf).collect(Collectors.toSet());
        return new DigitalServiceRule(row.service(), kinds, row.minAge());
    }

    public List<String> codes() {
        return jdbi.withExtension(ProfileDao.class, ProfileDao::codes);
    }
}
