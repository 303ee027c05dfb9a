package app.carddesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes library profiles and their lists. */
public interface ProfileDao {

    record ProfileRow(String code, String name, String country, boolean testProfile, int maxShortStayDays,
                      String homeLibraryCode, int guardianAge, String addressLine, String postalCode,
                      String city, String phone, String email, String website, String logoFile,
                      boolean reportNamesStaff, String organisation, String languages, Integer inactiveYears,
                      int noticeDays, Integer configVersion) {
    }

    record SeriesRow(String prefix, int digits, String checkDigit, long rangeFrom, Long rangeTo) {
    }

    record PickupRow(String code, String name) {
    }

    record CategoryRow(String code, String nameDa, String nameNb, String nameEn, Integer minAge, Integer maxAge) {
    }

    record ServiceRow(String service, String requiredIdentity, int minAge) {
    }

    record AlertRow(String containsText, String messageDa, String messageNb, String messageEn) {
    }

    record RulesRow(int version, String textDa, String textNb, String textEn, Instant publishedAt) {
    }

    @SqlQuery("SELECT service, required_identity, min_age FROM digital_service_rule WHERE profile_code = :code "
            + "ORDER BY sort_order")
    @RegisterConstructorMapper(ServiceRow.class)
    List<ServiceRow> digitalServices(@Bind("code") String code);

    @SqlQuery("SELECT code, name, country, test_profile, max_short_stay_days, home_library_code, guardian_age, "
            + "address_line, postal_code, city, phone, email, website, logo_file, report_names_staff, organisation, "
            + "languages, inactive_years, notice_days, config_version FROM library_profile WHERE code = :code")
    @RegisterConstructorMapper(ProfileRow.class)
    Optional<ProfileRow> profile(@Bind("code") String code);

    @SqlQuery("SELECT code FROM library_profile ORDER BY code")
    List<String> codes();

    @SqlQuery("SELECT prefix, digits, check_digit, range_from, range_to FROM card_series WHERE profile_code = :code "
            + "ORDER BY prefix, range_from")
    @RegisterConstructorMapper(SeriesRow.class)
    List<SeriesRow> series(@Bind("code") String code);

    @SqlQuery("SELECT code, name FROM pickup_library WHERE profile_code = :code ORDER BY sort_order")
    @RegisterConstructorMapper(PickupRow.class)
    List<PickupRow> pickupLibraries(@Bind("code") String code);

    @SqlQuery("SELECT code, name_da, name_nb, name_en, min_age, max_age FROM patron_category "
            + "WHERE profile_code = :code ORDER BY sort_order")
    @RegisterConstructorMapper(CategoryRow.class)
    List<CategoryRow> categories(@Bind("code") String code);

    @SqlQuery("SELECT contains_text, message_da, message_nb, message_en FROM address_alert WHERE profile_code = :code "
            + "ORDER BY sort_order")
    @RegisterConstructorMapper(AlertRow.class)
    List<AlertRow> alerts(@Bind("code") String code);

    @SqlQuery("SELECT version, text_da, text_nb, text_en, published_at FROM loan_rules WHERE profile_code = :code "
            + "ORDER BY version")
    @RegisterConstructorMapper(RulesRow.class)
    List<RulesRow> loanRules(@Bind("code") String code);

    @SqlUpdate("MERGE INTO library_profile (code, name, country, test_profile, max_short_stay_days, home_library_code, "
            + "guardian_age, address_line, postal_code, city, phone, email, website, report_names_staff, organisation, "
            + "languages, inactive_years, notice_days, config_version) KEY (code) VALUES (:code, :name, :country, "
            + ":testProfile, :maxShortStayDays, :homeLibraryCode, :guardianAge, :addressLine, :postalCode, :city, "
            + ":phone, :email, :website, :reportNamesStaff, :organisation, :languages, :inactiveYears, :noticeDays, "
            + ":configVersion)")
    void putProfile(@BindMethods ProfileRow row);

    @SqlUpdate("DELETE FROM card_series WHERE profile_code = :code")
    void clearSeries(@Bind("code") String code);

    @SqlUpdate("INSERT INTO card_series (profile_code, prefix, digits, check_digit, range_from, range_to) "
            + "VALUES (:profile, :prefix, :digits, :checkDigit, :rangeFrom, :rangeTo)")
    void addSeries(@Bind("profile") String profile, @BindMethods SeriesRow row);

    @SqlUpdate("DELETE FROM pickup_library WHERE profile_code = :code")
    void clearPickupLibraries(@Bind("code") String code);

    @SqlUpdate("INSERT INTO pickup_library (profile_code, code, name, sort_order) VALUES (:profile, :code, :name, :order)")
    void addPickupLibrary(@Bind("profile") String profile, @BindMethods PickupRow row, @Bind("order") int order);

    @SqlUpdate("DELETE FROM patron_category WHERE profile_code = :code")
    void clearCategories(@Bind("code") String code);

    @SqlUpdate("INSERT INTO patron_category (profile_code, code, name_da, name_nb, name_en, min_age, max_age, sort_order) "
            + "VALUES (:profile, :code, :nameDa, :nameNb, :nameEn, :minAge, :maxAge, :order)")
    void addCategory(@Bind("profile") String profile, @BindMethods CategoryRow row, @Bind("order") int order);

    @SqlUpdate("DELETE FROM digital_service_rule WHERE profile_code = :code")
    void clearServices(@Bind("code") String code);

    @SqlUpdate("INSERT INTO digital_service_rule (profile_code, service, required_identity, min_age, sort_order) "
            + "VALUES (:profile, :service, :requiredIdentity, :minAge, :order)")
    void addService(@Bind("profile") String profile, @BindMethods ServiceRow row, @Bind("order") int order);

    @SqlUpdate("DELETE FROM address_alert WHERE profile_code = :code")
    void clearAlerts(@Bind("code") String code);

    @SqlUpdate("INSERT INTO address_alert (profile_code, sort_order, contains_text, message_da, message_nb, message_en) "
            + "VALUES (:profile, :order, :containsText, :messageDa, :messageNb, :messageEn)")
    void addAlert(@Bind("profile") String profile, @BindMethods AlertRow row, @Bind("order") int order);

    @SqlUpdate("DELETE FROM loan_rules WHERE profile_code = :code")
    void clearLoanRules(@Bind("code") String code);

    @SqlUpdate("INSERT INTO loan_rules (profile_code, version, text_da, text_nb, text_en, published_at) "
            + "VALUES (:profile, :version, :textDa, :textNb, :textEn, :publishedAt)")
    void addLoanRules(@Bind("profile") String profile, @BindMethods RulesRow row);
}
