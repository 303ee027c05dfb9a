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
class StoredDataReportTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryPieceOfPersonalDataWithItsSourceAndTheHistory() throws Exception {
        try (DeskBackend desk = DeskBackend.open(new DeskConfig(dir, "DEMO-DK", Locale.ENGLISH), Clock.systemUTC())) {
            var issuing = desk.issuing();
            UUID id = ((IssueOutcome.Issued) issuing.issue(new IssueRequest(issuing.profile().cardNumberPolicy()
                    .check("409900400").value(), RegistrationKind.EXPECTS_NATIONAL_ID, null,
                    new PatronDetails("Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                            "+45 20 30 40 50", new Address("Sankt Hans Gade 3", "2200", "København N", "Danmark")),
                    null, PinDelivery.OWN_PIN, "4826", true, "EXCHANGE", "KB-AMA", "en"))).patronId();
            issuing.updateBalances(id, 2550, 0);
            var master = ((FetchResult.Found) issuing.fetch(issuing.checkIdentity("3006014002").value())).person();
            issuing.registerNationalId(id, master);

            Path pdf = dir.resolve("report.pdf");
            StoredDataReport.write(Messages.bundle(Locale.ENGLISH), issuing.patron(id).orElseThrow(),
                    issuing.profile(), issuing.auditTrail(id), pdf);
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
                        .contains("PATRON_ISSUED").contains("BALANCES_EDITED").contains("NATIONAL_ID_REGISTERED")
                        .contains("only as a salted one-way hash").doesNotContain("4826");
            }
        }
    }
}
