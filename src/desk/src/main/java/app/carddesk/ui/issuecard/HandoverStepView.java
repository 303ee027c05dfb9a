package app.carddesk.ui.issuecard;

import app.carddesk.text.Messages;
import app.carddesk.ui.DeskPreferences;
import app.carddesk.ui.ViewLifetime;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;

/**
 * The hand-over step: what Finish registers, to read back to the patron; what staff told them; the
 * card handed over; and the welcome letter.
 */
public final class HandoverStepView implements StepView {

    private final IssueCardViewModel vm;
    private final Messages messages;
    private final DeskPreferences preferences;
    private final ViewLifetime lifetime;

    @FXML private GridPane summary;
    @FXML private CheckBox toldComeBack, toldLoanRules, cardHandedOver;
    @FXML private ComboBox<Locale> letterLanguageBox;

    public HandoverStepView(IssueCardViewModel vm, Messages messages, DeskPreferences preferences,
                            ViewLifetime lifetime) {
        this.vm = vm;
        this.messages = messages;
        this.preferences = preferences;
        this.lifetime = lifetime;
    }

    @FXML
    private void initialize() {
        HandoverForm h = vm.handover;
        toldComeBack.visibleProperty().bind(h.comeBackNeeded);
        toldComeBack.managedProperty().bind(h.comeBackNeeded);
        toldComeBack.selectedProperty().bindBidirectional(h.toldComeBack);
        toldLoanRules.selectedProperty().bindBidirectional(h.toldLoanRules);
        cardHandedOver.selectedProperty().bindBidirectional(h.cardHandedOver);
        vm.letter.offer(vm.choices.get().languages());
        lifetime.onChange(vm.choices, (obs, old, p) -> vm.letter.offer(p.languages()));
        vm.letter.patronLanguage.show(letterLanguageBox, l -> messages.get("language." + l.getLanguage()), lifetime);
        lifetime.onChange(vm.step, (obs, old, step) -> {
            if (step == Step.HANDOVER) {
                showSummary();
            }
        });
        // Whether an e-mailed PIN goes out within minutes follows the central register's answers.
        lifetime.onChange(vm.letter.settings, (obs, old, now) -> {
            if (vm.step.get() == Step.HANDOVER) {
                showSummary();
            }
        });
        if (vm.step.get() == Step.HANDOVER) {
            showSummary(); // the view made again at this step (another language)
        }
    }

    /**
     * The steps before cannot change while this one shows: the summary is made as it opens, and again
     * when the central register starts or stops answering.
     */
    private void showSummary() {
        summary.getChildren().clear();
        int row = 0;
        for (HandoverSummary.Line line : HandoverSummary.of(vm, messages.locale())) {
            Label label = new Label(messages.get(line.label()));
            label.getStyleClass().add("summary-label");
            Label value = new Label(messages.text(line.value()));
            value.setWrapText(true);
            value.setId("summary-" + line.label().substring("summary.".length()));
            summary.addRow(row++, label, value);
        }
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
            vm.letter.save(file.toPath());
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
            vm.letter.render(png -> {
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
