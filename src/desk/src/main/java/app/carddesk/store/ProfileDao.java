package app.carddesk.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads library profiles and their lists. */
public interface ProfileDao {

    record ProfileRow(String code, String name, String country, boolean testProfile, int maxShortStayDays,
                      String homeLibraryCode, int guardianAge, String addressLine, String postalCode,
                      String city, String phone, String email, String website, String logoFile,
                      boolean reportNamesStaff) {
    }

    record SeriesRow(String prefix, int digits, String checkDigit) {
    }

    record PickupRow(String code, String name) {
    }

    record CategoryRow(String code, String nameDa, String nameNb, String nameEn) {
    }

    record ServiceRow(String service, String requiredIdentity, int minAge) {
    }

    @SqlQuery("SELECT service, required_identity, min_age FROM digital_service_rule WHERE profile_code = :code "
            + "ORDER BY sort_order")
    @RegisterConstructorMapper(ServiceRow.class)
    List<ServiceRow> digitalServices(@Bind("code") String code);

    @SqlQuery("SELECT code, name, country, test_profile, max_short_stay_days, home_library_code, guardian_age, "
            + "address_line, postal_code, city, phone, email, website, logo_file, report_names_staff "
            + "FROM library_profile WHERE code = :code")
    @RegisterConstructorMapper(ProfileRow.class)
    Optional<ProfileRow> profile(@Bind("code") String code);

    @SqlQuery("SELECT code FROM library_profile ORDER BY code")
    List<String> codes();

    @SqlQuery("SELECT prefix, digits, check_digit FROM card_series WHERE profile_code = :code ORDER BY prefix")
    @RegisterConstructorMapper(SeriesRow.class)
    List<SeriesRow> series(@Bind("code") String code);

    @SqlQuery("SELECT code, name FROM pickup_library WHERE profile_code = :code ORDER BY sort_order")
    @RegisterConstructorMapper(PickupRow.class)
    List<PickupRow> pickupLibraries(@Bind("code") String code);

    @SqlQuery("SELECT code, name_da, name_nb, name_en FROM patron_category WHERE profile_code = :code "
            + "ORDER BY sort_order")
    @RegisterConstructorMapper(CategoryRow.class)
    List<CategoryRow> categories(@Bind("code") String code);
}
