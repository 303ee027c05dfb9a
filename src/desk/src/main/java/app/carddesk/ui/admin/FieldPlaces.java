package app.carddesk.ui.admin;

import app.carddesk.text.Messages;

/**
 * Names a field of a library's configuration as the Library settings' forms name it, in the staff's
 * language: {@code categories[2].minAge} is "Categories 3 › Lowest age". A name the forms do not
 * have stays as the document has it.
 */
final class FieldPlaces {

    private final Messages messages;

    FieldPlaces(Messages messages) {
        this.messages = messages;
    }

    /** What each field of the configuration is called on the forms, by its name in the JSON document. */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("format", "admin.field.format"), java.util.Map.entry("code", "admin.library.code"),
            java.util.Map.entry("name", "admin.library.name"), java.util.Map.entry("country", "admin.library.country"),
            java.util.Map.entry("testProfile", "admin.field.testProfile"),
            java.util.Map.entry("organisation", "admin.library.organisation"),
            java.util.Map.entry("contact", "admin.field.contact"),
            java.util.Map.entry("addressLine", "admin.library.addressLine"),
            java.util.Map.entry("postalCode", "admin.field.postalCode"), java.util.Map.entry("city", "admin.field.city"),
            java.util.Map.entry("phone", "admin.library.phone"), java.util.Map.entry("email", "admin.library.email"),
            java.util.Map.entry("website", "admin.library.website"),
            java.util.Map.entry("languages", "admin.library.languages"),
            java.util.Map.entry("homeLibrary", "admin.field.homeLibrary"),
            java.util.Map.entry("pickupLibraries", "admin.library.tab.branches"),
            java.util.Map.entry("cardSeries", "admin.library.tab.series"),
            java.util.Map.entry("prefix", "admin.library.prefix"), java.util.Map.entry("digits", "admin.library.digits"),
            java.util.Map.entry("from", "admin.library.from"), java.util.Map.entry("to", "admin.library.to"),
            java.util.Map.entry("checkDigit", "admin.library.checkDigit"),
            java.util.Map.entry("categories", "admin.library.tab.categories"),
            java.util.Map.entry("names", "admin.field.names"), java.util.Map.entry("minAge", "admin.field.minAge"),
            java.util.Map.entry("maxAge", "admin.field.maxAge"),
            java.util.Map.entry("guardianAge", "admin.field.guardianAge"),
            java.util.Map.entry("maxShortStayDays", "admin.field.maxShortStay"),
            java.util.Map.entry("inactiveYears", "admin.field.inactiveYears"),
            java.util.Map.entry("noticeDays", "admin.field.noticeDays"),
            java.util.Map.entry("digitalServices", "admin.field.digitalServices"),
            java.util.Map.entry("addressAlerts", "admin.library.alerts"),
            java.util.Map.entry("contains", "admin.library.alertContains"),
            java.util.Map.entry("message", "admin.field.message"),
            java.util.Map.entry("loanRules", "admin.library.rules.title"),
            java.util.Map.entry("version", "admin.field.version"), java.util.Map.entry("text", "admin.field.text"),
            java.util.Map.entry("en", "admin.field.en"), java.util.Map.entry("da", "admin.field.da"),
            java.util.Map.entry("nb", "admin.field.nb"),
            java.util.Map.entry("reportNamesStaff", "admin.field.reportNamesStaff"),
            java.util.Map.entry("(file)", "admin.field.file"));
    private static final java.util.regex.Pattern SEGMENT = java.util.regex.Pattern.compile("(.+?)(?:\\[(\\d+)\\])?");

    /** A field's JSON path ({@code categories[2].minAge}) as the forms name it: "Categories 3 › Lowest age". */
    public String of(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String segment : path.equals("(file)") ? new String[] {path} : path.split("\\.")) {
            java.util.regex.Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                parts.add(segment);
                continue;
            }
            String key = FIELDS.get(m.group(1));
            String named = key == null ? m.group(1) : messages.get(key);
            parts.add(m.group(2) == null ? named : named + " " + (Integer.parseInt(m.group(2)) + 1));
        }
        return String.join(" › ", parts);
    }
}
