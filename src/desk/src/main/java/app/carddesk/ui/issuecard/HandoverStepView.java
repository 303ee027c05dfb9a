package app.carddesk.ui.issuecard;

import app.carddesk.ui.Controls;
import app.carddesk.text.Messages;
import app.carddesk.ui.DeskPreferences;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;

/** The hand-over step: what staff told the patron, the card handed over, and the welcome letter. */
public final class HandoverStepView implements StepView {

    private final IssueCardViewModel vm;
    private final Messages messages;
    private final DeskPreferences preferences;

    @FXML private CheckBox toldComeBack, toldLoanRules, cardHandedOver;
    @FXML private ComboBox<Locale> letterLanguageBox;

    public HandoverStepView(IssueCardViewModel vm, Messages messages, DeskPreferences preferences) {
        this.vm = vm;
        this.messages = messages;
        this.preferences = preferences;
    }

    @FXML
    private void initialize() {
        HandoverForm h = vm.handover;
        toldComeBack.visibleProperty().bind(h.comeBackNeeded);
        toldComeBack.managedProperty().bind(h.comeBackNeeded);
        toldComeBack.selectedProperty().bindBidirectional(h.toldComeBack);
        toldLoanRules.selectedProperty().bindBidirectional(h.toldLoanRules);
        cardHandedOver.selectedProperty().bindBidirectional(h.cardHandedOver);
        letterLanguageBox.getItems().setAll(Locale.ENGLISH, Locale.forLanguageTag("da"), Locale.forLanguageTag("nb"));
        letterLanguageBox.setConverter(Controls.converter(l -> messages.get("language." + l.getLanguage())));
        letterLanguageBox.valueProperty().bindBidirectional(vm.letterLanguage);
    }

    @Override
    public Node firstField() {
        return toldComeBack.isVisible() ? toldComeBack : toldLoanRules;
    }

    @FXML
    private void saveLetter() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(messages.get("letter.fileName", vm.cardText.get()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        chooser.setInitialDirectory(preferences.startFolder());
        File file = chooser.showSaveDialog(toldLoanRules.getScene().getWindow());
        if (file != null) {
            preferences.rememberFolder(file);
            vm.saveLetter(file.toPath());
        }
    }

    @FXML
    private void printLetter() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            vm.message.set(app.carddesk.domain.Problem.of("letter.noPrinter"));
            return;
        }
        if (job.showPrintDialog(toldLoanRules.getScene().getWindow())) {
            vm.renderLetter(png -> {
                ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
                var layout = job.getJobSettings().getPageLayout();
                page.setPreserveRatio(true);
                page.setFitWidth(layout.getPrintableWidth());
                page.setFitHeight(layout.getPrintableHeight());
                if (job.printPage(page)) {
                    job.endJob();
                }
            });
        }
    }
}
