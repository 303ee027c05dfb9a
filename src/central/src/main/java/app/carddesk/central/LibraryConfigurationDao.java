package app.carddesk.central;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A library's configuration as rows (V17__library_configuration.sql), for {@link LibraryConfigurations}. */
interface LibraryConfigurationDao {
    record LibraryRow(String code, String name, String country, boolean testProfile, String organisation,
                      String languages, String homeLibrary, String addressLine, String postalCode, String city,
                      String phone, String email, String website, int guardianAge, int maxShortStayDays,
                      Integer inactiveYears, int noticeDays, boolean reportNamesStaff, int configVersion) {
    }

    record SeriesRow(long id, String prefix, int digits, long rangeFrom, long rangeTo, String checkDigit) {
    }

    record BranchRow(String code, String name) {
    }

    record CategoryRow(String code, String nameDa, String nameNb, String nameEn, Integer minAge, Integer maxAge) {
    }

    record ServiceRow(String service, String requiredIdentity, int minAge) {
    }

    record AlertRow(String containsText, String messageDa, String messageNb, String messageEn) {
    }

    record RulesRow(int version, String textDa, String textNb, String textEn, Instant publishedAt) {
    }

    @SqlQuery("SELECT code, name, country, test_profile, organisation, languages, home_library, address_line, "
            + "postal_code, city, phone, email, website, guardian_age, max_short_stay_days, inactive_years, "
            + "notice_days, report_names_staff, config_version FROM library WHERE code = :code")
    @RegisterConstructorMapper(LibraryRow.class)
    Optional<LibraryRow> library(@Bind("code") String code);

    @SqlQuery("SELECT config_version FROM library WHERE code = :code FOR UPDATE")
    Optional<Integer> lockVersion(@Bind("code") String code);

    @SqlQuery("SELECT id, prefix, digits, range_from, range_to, check_digit FROM card_series "
            + "WHERE library_code = :code ORDER BY id")
    @RegisterConstructorMapper(SeriesRow.class)
    List<SeriesRow> series(@Bind("code") String code);

    @SqlQuery("SELECT code, name FROM pickup_library WHERE library_code = :code ORDER BY sort_order")
    @RegisterConstructorMapper(BranchRow.class)
    List<BranchRow> branches(@Bind("code") String code);

    @SqlQuery("SELECT code, name_da, name_nb, name_en, min_age, max_age FROM patron_category "
            + "WHERE library_code = :code ORDER BY sort_order")
    @RegisterConstructorMapper(CategoryRow.class)
    List<CategoryRow> categories(@Bind("code") String code);

    @SqlQuery("SELECT service, required_identity, min_age FROM digital_service_rule WHERE library_code = :code "
            + "ORDER BY sort_order")
    @RegisterConstructorMapper(ServiceRow.class)
    List<ServiceRow> services(@Bind("code") String code);

    @SqlQuery("SELECT contains_text, message_da, message_nb, message_en FROM address_alert "
            + "WHERE library_code = :code ORDER BY sort_order")
    @RegisterConstructorMapper(AlertRow.class)
    List<AlertRow> alerts(@Bind("code") String code);

    @SqlQuery("SELECT version, text_da, text_nb, text_en, published_at FROM loan_rules WHERE library_code = :code "
            + "ORDER BY version")
    @RegisterConstructorMapper(RulesRow.class)
    List<RulesRow> loanRules(@Bind("code") String code);

    @SqlUpdate("INSERT INTO library (code, name, country, test_profile, max_short_stay_days) "
            + "VALUES (:code, :name, :country, :testProfile, :maxShortStayDays)")
    void create(@BindMethods LibraryRow row);

    @SqlUpdate("UPDATE library SET name = :name, country = :country, test_profile = :testProfile, "
            + "organisation = :organisation, languages = :languages, home_library = :homeLibrary, "
            + "address_line = :addressLine, postal_code = :postalCode, city = :city, phone = :phone, "
            + "email = :email, website = :website, guardian_age = :guardianAge, "
            + "max_short_stay_days = :maxShortStayDays, inactive_years = :inactiveYears, "
            + "notice_days = :noticeDays, report_names_staff = :reportNamesStaff, "
            + "config_version = :configVersion WHERE code = :code")
    void update(@BindMethods LibraryRow row);

    @SqlUpdate("INSERT INTO card_series (library_code, prefix, digits, range_from, range_to, check_digit) "
            + "VALUES (:library, :prefix, :digits, :rangeFrom, :rangeTo, :checkDigit)")
    void addSeries(@Bind("library") String library, @BindMethods SeriesRow row);

    @SqlUpdate("DELETE FROM card_series WHERE id = :id")
    void withdrawSeries(@Bind("id") long id);

    @SqlQuery("SELECT library_code, prefix, digits, range_from, range_to FROM card_series "
            + "WHERE library_code <> :code")
    @RegisterConstructorMapper(OtherSeries.class)
    List<OtherSeries> otherLibrariesSeries(@Bind("code") String code);

    record OtherSeries(String libraryCode, String prefix, int digits, long rangeFrom, long rangeTo) {
    }

    @SqlUpdate("DELETE FROM pickup_library WHERE library_code = :code")
    void clearBranches(@Bind("code") String code);

    @SqlUpdate("INSERT INTO pickup_library (library_code, code, name, sort_order) VALUES (:library, :code, :name, :order)")
    void addBranch(@Bind("library") String library, @Bind("code") String code, @Bind("name") String name,
                   @Bind("order") int order);

    @SqlUpdate("DELETE FROM patron_category WHERE library_code = :code")
    void clearCategories(@Bind("code") String code);

    @SqlUpdate("INSERT INTO patron_category (library_code, code, name_da, name_nb, name_en, min_age, max_age, "
            + "sort_order) VALUES (:library, :code, :nameDa, :nameNb, :nameEn, :minAge, :maxAge, :order)")
    void addCategory(@Bind("library") String library, @BindMethods CategoryRow row, @Bind("order") int order);

    @SqlUpdate("DELETE FROM digital_service_rule WHERE library_code = :code")
    void clearServices(@Bind("code") String code);

    @SqlUpdate("INSERT INTO digital_service_rule (library_code, service, required_identity, min_age, sort_order) "
            + "VALUES (:library, :service, :requiredIdentity, :minAge, :order)")
    void addService(@Bind("library") String library, @BindMethods ServiceRow row, @Bind("order") int order);

    @SqlUpdate("DELETE FROM address_alert WHERE library_code = :code")
    void clearAlerts(@Bind("code") String code);

    @SqlUpdate("INSERT INTO address_alert (library_code, sort_order, contains_text, message_da, message_nb, "
            + "message_en) VALUES (:library, :order, :containsText, :messageDa, :messageNb, :messageEn)")
    void addAlert(@Bind("library") String library, @BindMethods AlertRow row, @Bind("order") int order);

    @SqlUpdate("INSERT INTO loan_rules (library_code, version, text_da, text_nb, text_en, published_at) "
            + "VALUES (:library, :version, :textDa, :textNb, :textEn, :publishedAt)")
    void publish(@Bind("library") String library, @BindMethods RulesRow row);

    @SqlUpdate("INSERT INTO library_config_history (library_code, version, document, changed_by, changed_at) "
            + "VALUES (:library, :version, :document, :by, :at)")
    void remember(@Bind("library") String library, @Bind("version") int version,
                  @Bind("document") String document, @Bind("by") String by, @Bind("at") Instant at);
}
