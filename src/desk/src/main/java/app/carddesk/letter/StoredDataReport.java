package app.carddesk.letter;

import app.carddesk.domain.DateInput;
import app.carddesk.domain.LibraryProfile;
import app.carddesk.domain.PickupLibrary;
import app.carddesk.domain.MinorUnits;
import app.carddesk.domain.Patron;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.AuditEntry;
import app.carddesk.issuing.NationalRegister;
import app.carddesk.issuing.PatronSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * "What is stored about me": every piece of personal data the desk holds about a patron, where
 * it came from, and what was done with the record and when, as a PDF the patron can take home.
 */
public final class StoredDataReport {

    private StoredDataReport() {
    }

    /**
     * What was done with the record: at this library (the desk's own audit trail, which names the
     * library's staff where its policy allows), and in the organisation's register, which names
     * libraries and roles only; empty when the register could not be asked.
     */
    public record History(List<AuditEntry> here, java.util.Optional<List<NationalRegister.HistoryEntry>> register) {
    }

    /**
     * How long the record is kept: by the organisation's register's periods when they were read
     * ({@code retention}), or at a desk without one ({@code connected} false), where only staff delete.
     */
    public record Keeping(boolean connected, java.util.Optional<NationalRegister.Retention> retention) {
    }

    /** The report's lines, in the patron's language. */
    public static List<String> lines(ResourceBundle texts, Patron p, LibraryProfile profile, History history,
                                     Keeping keeping, List<PatronSummary> relatives, List<String> libraries) {
        boolean fromRegister = p.registrationKind() == RegistrationKind.NATIONAL_ID;
        String master = texts.getString(fromRegister ? "report.source.register" : "report.source.desk");
        String given = texts.getString("report.source.patron");
        List<String> lines = new ArrayList<>();
        lines.add(format(texts, "report.intro", profile.name()));
        line(lines, texts, "details.name", p.fullName(), master);
        line(lines, texts, "details.birthDate", DateInput.format(p.birthDate(), texts.getLocale()), master);
        line(lines, texts, "details.address", String.join(", ", p.address().line(), p.address().postalCode() + " "
                + p.address().city(), p.address().country()).replaceAll(",\\s*$", ""), master);
        if (p.identity() != null) {
            line(lines, texts, "patron.identity", p.identity().display(), texts.getString("report.source.register"));
        }
        line(lines, texts, "details.email", p.email(), given);
        line(lines, texts, "details.phone", p.phone(), given);
        line(lines, texts, "patron.card", p.cardNumber(), texts.getString("report.source.card"));
        line(lines, texts, "patron.registration", texts.getString("registration." + p.registrationKind()),
                texts.getString("report.source.desk"));
        if (p.expiresOn() != null) {
            line(lines, texts, "patron.expires", DateInput.format(p.expiresOn(), texts.getLocale()), texts.getString("report.source.desk"));
        }
        line(lines, texts, "patron.category", profile.categories().stream()
                .filter(c -> c.code().equals(p.categoryCode())).findFirst().map(c -> c.name(texts.getLocale()))
                .orElse(p.categoryCode()), texts.getString("report.source.desk"));
        line(lines, texts, "patron.pickup", profile.pickupLibraries().stream()
                .filter(l -> l.code().equals(p.pickupLibraryCode())).findFirst().map(PickupLibrary::name)
                .orElse(p.pickupLibraryCode()), given);
        line(lines, texts, "patron.fees", MinorUnits.format(p.feesOwedMinor()), texts.getString("report.source.staff"));
        line(lines, texts, "patron.printCredit", MinorUnits.format(p.printCreditMinor()),
                texts.getString("report.source.staff"));
        for (PatronSummary r : relatives) {
            line(lines, texts, "GUARDIAN".equals(r.reason()) ? "report.guardian" : "report.child",
                    app.carddesk.domain.PersonName.full(r.givenName(), r.surname()), texts.getString("report.source.desk"));
        }
        if (!libraries.isEmpty()) {
            line(lines, texts, "report.libraries", String.join(", ", libraries), texts.getString("report.source.desk"));
        }
        lines.add(texts.getString("report.pin"));
        kept(lines, texts, p, keeping);
        lines.add(texts.getString("report.history"));
        for (AuditEntry e : history.here()) {
            String who = e.staffRoles() == null || e.staffRoles().isBlank() ? texts.getString("report.who.desk")
                    : profile.reportNamesStaff()
                    ? format(texts, "report.whoNamed", roles(texts, List.of(e.staffRoles().split(","))), profile.name(),
                    e.staff())
                    : format(texts, "report.who", roles(texts, List.of(e.staffRoles().split(","))), profile.name());
            lines.add(format(texts, "report.event", DateInput.formatLocal(e.at().atZone(ZoneId.systemDefault()), texts.getLocale()), event(texts, e.action()), who));
        }
        if (history.register().isPresent()) {
            lines.add(texts.getString("report.central"));
            for (NationalRegister.HistoryEntry e : history.register().get()) {
                String who = e.roles().isEmpty() ? format(texts, "report.who.workstation", e.libraryName())
                        : format(texts, "report.who", roles(texts, e.roles()), e.libraryName());
                lines.add(format(texts, "report.event", DateInput.formatLocal(e.at().atZone(ZoneId.systemDefault()), texts.getLocale()), event(texts, e.action()), who));
            }
        } else {
            lines.add(texts.getString("report.centralUnavailable"));
        }
        lines.add(texts.getString("report.rights"));
        return lines;
    }

    public static void write(ResourceBundle texts, Patron p, LibraryProfile profile, History history,
                             Keeping keeping, List<PatronSummary> relatives, List<String> libraries, PaperSize paper,
                             Path target) throws IOException {
        try (PdfPages pages = new PdfPages(paper)) {
            pages.paragraph(format(texts, "report.title", p.fullName()), true, 16, 4);
            pages.paragraph(profile.letterhead().name() + (profile.letterhead().addressText().isBlank() ? ""
                    : " · " + profile.letterhead().addressText()), false, 9, 12);
            for (String line : lines(texts, p, profile, history, keeping, relatives, libraries)) {
                pages.paragraph(line, false, 10.5f, 5);
            }
            pages.save(target);
        }
    }

    /** How long the record, and what was done with it, is kept (the patron's right to know). */
    private static void kept(List<String> lines, ResourceBundle texts, Patron p, Keeping keeping) {
        java.util.Optional<NationalRegister.Retention> r = keeping.retention();
        if (p.expiresOn() != null) {
            lines.add(format(texts, "report.kept.shortStay", DateInput.format(p.expiresOn(), texts.getLocale())));
        } else if (!keeping.connected()) {
            lines.add(texts.getString("report.kept.untilAsked"));
        } else if (r.isEmpty()) {
            lines.add(texts.getString("report.kept.unknown"));
        } else if (r.get().inactiveYears() == null) {
            lines.add(texts.getString("report.kept.untilAsked"));
        } else {
            lines.add(format(texts, "report.kept.inactive", r.get().inactiveYears(), r.get().noticeDays()));
        }
        r.ifPresent(known -> lines.add(known.auditKeptMonths() == null ? texts.getString("report.kept.historyForGood")
                : format(texts, "report.kept.history", known.auditKeptMonths())));
    }

    /** Roles in the patron's language, joined. */
    private static String roles(ResourceBundle texts, List<String> codes) {
        return String.join(", ", codes.stream().map(String::trim).map(c -> texts.containsKey("role." + c)
                ? texts.getString("role." + c) : c).toList());
    }

    /** What happened, in words: an event the report has no words for yet is named in general terms. */
    private static String event(ResourceBundle texts, String action) {
        String key = "event." + action;
        return texts.containsKey(key) ? texts.getString(key) : texts.getString("event.other");
    }

    private static void line(List<String> lines, ResourceBundle texts, String labelKey, String value, String source) {
        if (value != null && !value.isBlank()) {
            lines.add(format(texts, "report.line", texts.getString(labelKey), value, source));
        }
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }
}
