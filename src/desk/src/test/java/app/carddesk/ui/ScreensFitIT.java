package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;

/**
 * Every screen at 1024×768, and at 1280×900 with the font at 150 %, in Danish, Norwegian and
 * English: no label, button, column header or message is cut short, nothing lies outside the
 * window unless it can be scrolled to, and no two visible texts share an Alt-key.
 */
class ScreensFitIT extends DeskUiIT {

    @org.junit.jupiter.api.Test
    void switchUserKeepsItsPlaceWhenTheStatusBarWraps(FxRobot robot) {
        interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
            context.main().locale.set(Locale.forLanguageTag("da"));
        });
        waitUntil(() -> visible(robot, "#switchUser"));
        Node statusTexts = robot.lookup("#syncLabel").query().getParent();
        waitUntil(() -> statusTexts.getBoundsInLocal().getHeight() > 0);
        double textsBefore = statusTexts.getBoundsInLocal().getHeight();
        // Offline with changes waiting and problems: the longest status there is, which wraps at 1024 px.
        interact(() -> context.main().syncStatus.set(new app.carddesk.sync.SyncStatus(
                app.carddesk.sync.SyncStatus.State.OFFLINE, 987, java.time.Instant.now(), null, 12, 0)));
        waitUntil(() -> text(robot, "#syncLabel").contains("987"));
        // Laid out again: the status texts take a second line.
        waitUntil(() -> statusTexts.getBoundsInLocal().getHeight() > textsBefore + 5);
        Bounds after = sceneBounds(robot, "#switchUser");
        assertThat(after.getMaxX()).as("at the right end, beside the texts").isCloseTo(stage.getScene().getWidth() - 8,
                org.assertj.core.api.Assertions.within(2.0));
    }

    private static Bounds sceneBounds(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n.localToScene(n.getBoundsInLocal());
    }

    @ParameterizedTest(name = "{0} at {1}x{2}, font {3} px")
    @CsvSource({"da, 1024, 768, 13", "nb, 1024, 768, 13", "en, 1024, 768, 13",
            "da, 1280, 900, 19.5", "nb, 1280, 900, 19.5", "en, 1280, 900, 19.5"})
    void everyScreenFits(String language, double width, double height, double fontPx, FxRobot robot) {
        interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            context.main().locale.set(Locale.forLanguageTag(language));
        });
        interact(() -> stage.getScene().getRoot().setStyle("-fx-font-size: " + fontPx + "px;"));
        List<String> cut = new ArrayList<>();
        UUID patron = issueDirectly("409900950", "Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);

        waitUntil(() -> visible(robot, "#cardField"));
        // The checklist with what the last screen left to say (a patron unsubscribed, a checklist left
        // unfinished), until the next scan: its OK has an Alt-key of its own too.
        interact(() -> context.main().navigation().noticeProperty().set(new Navigation.Notice(
                app.carddesk.domain.Problem.of("unsubscribe.remaining", "Amira Hassan"), List.of())));
        waitUntil(() -> visible(robot, "#dismissNotice"));
        check(robot, "checklist: scan with a notice", cut);
        scan(robot, "409900951");
        waitUntil(() -> visible(robot, "#withoutRadio"));
        check(robot, "checklist: identity", cut);
        click(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#surnameField"));
        click(robot, "#nextButton");
        check(robot, "checklist: details with every problem shown", cut);
        setText(robot, "#surnameField", "Okafor");
        setText(robot, "#givenNameField", "Chidi");
        setText(robot, "#birthDateField", "14-03-2001");
        setText(robot, "#addressField", "Amagerfælledvej 56");
        setText(robot, "#postalCodeField", "2300");
        setText(robot, "#cityField", "København S");
        setText(robot, "#emailField", "chidi@example.org");
        click(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#emailPinRadio"));
        check(robot, "checklist: PIN", cut);
        click(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#categoryList"));
        check(robot, "checklist: category", cut);
        interact(() -> robot.lookup("#categoryList").queryListView().getSelectionModel().select(0));
        click(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#pickupBox"));
        check(robot, "checklist: pickup", cut);
        click(robot, "#nextButton");
        waitUntil(() -> visible(robot, "#toldComeBack"));
        check(robot, "checklist: hand-over", cut);
        click(robot, "#cancelButton");
        waitUntil(() -> openDialog().isPresent());
        click(robot, "#confirmGoAhead");
        waitUntil(() -> openDialog().isEmpty());

        scan(robot, "409900950");
        waitForText(robot, "#patronTitle", "Amira Hassan");
        click(robot, "#registerIdButton");
        setText(robot, "#convertIdentityField", "150390-1001");
        click(robot, "#convertFetch");
        waitUntil(() -> visible(robot, "#samePerson"));
        check(robot, "patron screen with Register national ID open", cut);
        // Accepted, the panel waits for the temporary card to be cut: Finish is there beside Fetch.
        click(robot, "#samePerson");
        click(robot, "#convertSave");
        if (openDialog().isPresent()) {
            click(robot, "#confirmKeep");
        }
        waitUntil(() -> openDialog().isEmpty() && visible(robot, "#cardCut"));
        check(robot, "patron screen waiting for the temporary card to be cut", cut);
        click(robot, "#convertCancel");
        click(robot, "#newCardButton");
        waitUntil(() -> visible(robot, "#newCardField"));
        check(robot, "patron screen with New card open", cut);

        type(KeyCode.F3);
        waitUntil(() -> visible(robot, "#expiringTable"));
        check(robot, "work queue", cut);
        type(KeyCode.F4);
        waitUntil(() -> visible(robot, "#attentionTable"));
        check(robot, "needs attention", cut);
        type(KeyCode.F5);
        waitUntil(() -> visible(robot, "#findQuery"));
        setText(robot, "#findQuery", "Hassan");
        click(robot, "#findButton");
        waitUntil(() -> robot.lookup("#findTable").queryTableView().getItems().size() == 1);
        check(robot, "find a patron", cut);
        type(KeyCode.F6);
        waitUntil(() -> robot.lookup("#activateQuery").tryQuery().map(Node::isVisible).orElse(false));
        check(robot, "other library", cut);

        // The sign-in screen after Switch user, with a message, its one-time-password fields and its
        // enrolment box open: the longest it gets.
        interact(() -> context.signIn().switchUser());
        waitUntil(() -> visible(robot, "#signInScreen"));
        interact(() -> {
            context.signIn().lockIdle(10);
            context.signIn().mustChange.set(true);
            context.signIn().problem.set(app.carddesk.domain.Problem.of("signin.offlineUnknown"));
            context.signIn().enrolOpen.set(true);
            context.signIn().enrolProblem.set(app.carddesk.domain.Problem.of("enrol.codeInvalid"));
        });
        waitUntil(() -> visible(robot, "#enrolCode"));
        check(robot, "sign in", cut);

        assertThat(cut).as("texts cut short or out of reach at " + width + "x" + height + " in " + language).isEmpty();
    }

    /** Every visible text on screen is shown whole and lies where it can be seen or scrolled to. */
    /**
     * Looks at the screen once it has settled: a table's columns take their widths over a pulse or
     * two, and until then a header may show cut short. What is still cut after 3 s counts.
     */
    private void check(FxRobot robot, String screen, List<String> cut) {
        List<String> found = new ArrayList<>();
        try {
            waitUntil(3, () -> {
                found.clear();
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                visit(stage.getScene().getRoot(), screen, found);
                found.addAll(sharedMnemonics(screen));
                // The navigation is there for whoever is signed in (the sign-in screen covers it, and it
                // offers the next person their screens once they are in).
                for (String always : screen.equals("sign in") ? List.of("#languageBox", "#syncLabel")
                        : List.of("#languageBox", "#navIssue", "#navFind", "#navActivate", "#syncLabel")) {
                    Node n = stage.getScene().lookup(always);
                    if (n == null || !n.isVisible() || !insideWindowOrScrollable(n)) {
                        found.add(screen + ": " + always + " cannot be reached");
                    }
                }
                return found.isEmpty();
            });
        } catch (AssertionError stillCut) {
            cut.addAll(found);
        }
    }

    private void visit(Node n, String screen, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = n.lookupAll(".text").stream().filter(t -> t instanceof Text && t.getParent() == l)
                    .map(t -> ((Text) t).getText()).findFirst().orElse(null);
            String expected = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
            if (shown != null && !shown.replace("\n", " ").equals(expected.replace("\n", " "))) {
                cut.add(screen + ": “" + expected + "” shows as “" + shown + "”");
            }
            if (!insideWindowOrScrollable(l)) {
                cut.add(screen + ": “" + expected + "” lies outside the window");
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                visit(child, screen, cut);
            }
        }
    }

    private boolean insideWindowOrScrollable(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane || p.getStyleClass().contains("virtual-flow")) {
                return true;
            }
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMaxX() <= stage.getScene().getWidth() + 1 && b.getMaxY() <= stage.getScene().getHeight() + 1;
    }
}
