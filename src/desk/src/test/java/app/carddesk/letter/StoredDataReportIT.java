package app.carddesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.DeskBackend;
import app.carddesk.domain.Address;
import app.carddesk.domain.PinDelivery;
import app.carddesk.domain.RegistrationKind;
import app.carddesk.issuing.FetchResult;
import app.carddesk.issuing.IssueOutcome;
import app.carddesk.issuing.IssueRequest;
import app.carddesk.issuing.PatronDetails;
import app.carddesk.text.Messages;
import app.carddesk.ui.DeskConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "What is stored about me" holds every piece of personal data, with its source, read back from the PDF. */
class StoredDataReportIT {

    @TempDir
    Path dir;

    @Test
    void listsEveryPieceOfPersonalDataWithItsSourceAndTheHistory() throws Exception {
        try (DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC())) {
            var issuing = desk.issuing();
            UUID id = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                    .check("409900400").value(), RegistrationKind.EXPECTS_NATIONAL_ID, null,
                    new PatronDetails("Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                            "+45 20 30 40 50", new Address("Sankt Hans Gade 3", "2200", "København N", "Danmark")),
                    null, PinDelivery.OWN_PIN, "4826", true, "EXCHANGE", "KB-AMA", "en"))).patronId();
            issuing.upkeep().updateBalances(id, 2550, 0);
            var master = ((FetchResult.Found) issuing.fetch(issuing.checkIdentity("3006014002").value())).person();
            issuing.upkeep().registerNationalId(id, master);

            issuing.upkeep().viewed(id);

            Path pdf = dir.resolve("report.pdf");
            StoredDataReport.write(Messages.bundle(Locale.ENGLISH), issuing.patron(id).orElseThrow(),
                    issuing.profile(), new StoredDataReport.History(issuing.upkeep().reportMade(id),
                            java.util.Optional.empty()), new StoredDataReport.Keeping(true, java.util.Optional.empty()),
                    issuing.upkeep().relatives(id), java.util.List.of(
                            "Demo Research Library Copenhagen"), PaperSize.A4, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains("What is stored about Amira Hassan")
                        .contains("Name: Amira Hassan (source: the population register)")
                        .contains("Birth date: 30-06-2001")
                        .contains("National ID: 300601-4002 (source: the population register)")
                        .contains("E-mail: amira@example.org (source: given by you)")
                        .contains("Phone: +45 20 30 40 50")
                        .contains("Category: Exchange student")
                        .contains("Pickup library: Søndre Campus, Amager")
                        .contains("Fees owed: 25,50 (source: recorded by library staff)")
                        .contains("You were registered and given a library card.")
                        .contains("Your fees or print credit were changed.")
                        .contains("Your national ID number was registered.")
                        .contains("Libraries you belong to: Demo Research Library Copenhagen")
                        .contains("Your record was opened on screen. (desk staff, library administrator, supervisor "
                                + "at Demo Research Library Copenhagen)")
                        .contains("A report of what is stored about you was made.")
                        .contains("The organisation's register could not be reached")
                        .contains("how long your record is kept is not listed here")
                        .as("the library's policy does not name its staff").doesNotContain("demo.dk")
                        .doesNotContain("PATRON_ISSUED").doesNotContain("BALANCES_EDITED")
                        .contains("only as a salted one-way hash").doesNotContain("4826");
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "Ågård-Łukasiewicz, Zoë", "Παπαδόπουλος, Σωκράτης", "Иванова, Анна", "الخطيب, فاطمة", "לוי, דוד",
            "王, 小明", "김, 민지", "Berg, Maja 🙂"})
    void writesEveryNameAsTyped(String surname, String givenName) throws Exception {
        try (DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.forLanguageTag("da")),
                Clock.systemUTC())) {
            var issuing = desk.issuing();
            UUID child = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                    .check("409900410").value(), RegistrationKind.EXPECTS_NATIONAL_ID, null,
                    new PatronDetails(surname, givenName, LocalDate.now().minusYears(9), null, "",
                            new Address("Vej 1", "1000", "København K", "")), null, PinDelivery.OWN_PIN, "4826", true,
                    "PUBLIC", "KB-SK", "da", app.carddesk.issuing.GuardianChoice.registered(new PatronDetails(
                            "Demir", "Elif", LocalDate.of(1980, 1, 1), null, "", null), "PUBLIC",
                            java.time.Instant.now()))))
                    .patronId();
            Path pdf = dir.resolve("report.pdf");
            StoredDataReport.write(Messages.bundle(Locale.forLanguageTag("da")), issuing.patron(child).orElseThrow(),
                    issuing.profile(), new StoredDataReport.History(issuing.upkeep().auditTrail(child),
                            java.util.Optional.empty()), new StoredDataReport.Keeping(false, java.util.Optional.empty()),
                    issuing.upkeep().relatives(child), java.util.List.of(),
                    PaperSize.LETTER, pdf);
            // Written in the order of its script: 王小明, 김 민지, Zoë Ågård-Łukasiewicz.
            assertThat(LetterText.of(pdf)).contains(app.carddesk.domain.PersonName.full(givenName, surname))
                    .contains(givenName).contains(surname).contains("Værge: Elif Demir")
                    .contains("Du blev oprettet og fik et lånerkort.")
                    .as("a desk on its own: only staff delete").contains("Dine oplysninger gemmes, indtil du beder om "
                            + "at få dem slettet.");
        }
    }

    @Test
    void namesTheLibrarysOwnStaffWhereItsPolicyAllowsAndOtherLibrariesByRoleOnly() throws Exception {
        try (DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH),
                Clock.systemUTC())) {
            var issuing = desk.issuing();
            UUID id = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                    .check("409900420").value(), RegistrationKind.EXPECTS_NATIONAL_ID, null,
                    new PatronDetails("Nowak", "Piotr", LocalDate.of(1995, 2, 3), null, "", new Address("Vej 2",
                            "1000", "København K", "")), null, PinDelivery.OWN_PIN, "4826", true, "PUBLIC", "KB-SK",
                    "en"))).patronId();
            issuing.upkeep().viewed(id);
            var p = issuing.profile();
            var naming = new app.carddesk.domain.LibraryProfile(p.code(), p.name(), p.country(), p.testProfile(),
                    p.maxShortStayDays(), p.homeLibraryCode(), p.cardSeries(), p.pickupLibraries(), p.categories(),
                    p.digitalServices(), p.guardianAge(), p.letterhead(), true);
            java.time.Instant at = java.time.Instant.parse("2026-11-02T10:15:00Z");
            var register = java.util.List.of(
                    new app.carddesk.issuing.NationalRegister.HistoryEntry(at, "DEMO-DK",
                            "Demo Research Library Copenhagen", java.util.List.of(), "PATRON_REGISTERED"),
                    new app.carddesk.issuing.NationalRegister.HistoryEntry(at, "KB-AAR", "Aarhus Public Library",
                            java.util.List.of("SUPERVISOR"), "PATRON_VIEWED"),
                    new app.carddesk.issuing.NationalRegister.HistoryEntry(at, "DEMO-DK",
                            "Demo Research Library Copenhagen", java.util.List.of("DESK_STAFF"), "PIN_EMAILED"));
            String text = String.join("\n", StoredDataReport.lines(Messages.bundle(Locale.ENGLISH),
                    issuing.patron(id).orElseThrow(), naming, new StoredDataReport.History(issuing.upkeep()
                            .reportMade(id), java.util.Optional.of(register)), new StoredDataReport.Keeping(true,
                            java.util.Optional.of(new app.carddesk.issuing.NationalRegister.Retention(
                                    java.time.LocalTime.of(2, 30), 60, 365, 3, 30))), java.util.List.of(),
                    java.util.List.of()));
            assertThat(text).contains("Your record was opened on screen. (desk staff, library administrator, "
                            + "supervisor at Demo Research Library Copenhagen: demo.dk)")
                    .contains("In the organisation's register")
                    .contains("Your record was stored in the organisation's register. (a desk of Demo Research "
                            + "Library Copenhagen (synchronisation))")
                    .contains("Your record was opened on screen. (supervisor at Aarhus Public Library)")
                    .doesNotContain("could not be reached")
                    // A PIN mail ordered is not yet a PIN mail sent (that is its own entry, once it goes).
                    .contains("A new PIN was made for you, to go to you by e-mail.").doesNotContain("was e-mailed")
                    .contains("Your record is deleted when you have not used the library for 3 years; if the library "
                            + "has your e-mail address, you are sent a notice 30 days before.")
                    .contains("What was done with your record (listed below) is kept for 60 months.");
        }
    }

    @Test
    void aShortStayIsToldTheDayItsRecordEndsAndAnAuditKeptForGoodIsSaidSo() throws Exception {
        try (DeskBackend desk = app.carddesk.SignedInDesk.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH),
                Clock.systemUTC())) {
            var issuing = desk.issuing();
            LocalDate ends = LocalDate.now().plusDays(40);
            UUID id = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                    .check("409900430").value(), RegistrationKind.SHORT_STAY, null,
                    new PatronDetails("Okafor", "Chidi", LocalDate.of(1988, 5, 6), null, "", new Address("Vej 3",
                            "1000", "København K", "")), ends, PinDelivery.OWN_PIN, "4826", true, "PUBLIC", "KB-SK",
                    "en"))).patronId();
            var keptForGood = new StoredDataReport.Keeping(true, java.util.Optional.of(
                    new app.carddesk.issuing.NationalRegister.Retention(null, null, 365, null, 30)));
            String text = String.join("\n", StoredDataReport.lines(Messages.bundle(Locale.ENGLISH),
                    issuing.patron(id).orElseThrow(), issuing.profile(), new StoredDataReport.History(
                            java.util.List.of(), java.util.Optional.of(java.util.List.of())), keptForGood,
                    java.util.List.of(), java.util.List.of()));
            assertThat(text).contains("Your record ends on " + app.carddesk.domain.DateInput.format(ends,
                            Locale.ENGLISH) + ": it is deleted after that day, unless you still have loans, fees or "
                            + "credit then.")
                    .contains("What was done with your record (listed below) is kept without a time limit.")
                    .doesNotContain("not used the library");
        }
    }
}
