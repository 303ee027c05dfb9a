package app.carddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.carddesk.domain.RegistrationKind;
import java.time.LocalDate;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Find a patron (F5) on a desk of its own: by every key, keyboard only, every search audited. */
class FindPatronIT extends DeskUiIT {

    private void search(FxRobot robot, String query, String birth) {
        setText(robot, "#findQuery", query);
        setText(robot, "#findBirth", birth);
        click(robot, "#findQuery");
        type(KeyCode.ENTER);
    }

    private int listed(FxRobot robot) {
        return robot.lookup("#findTable").queryTableView().getItems().size();
    }

    @Test
    void findsAPatronByEachKeyAndOpensThemWithTheKeyboard(FxRobot robot) {
        UUID amira = issueDirectly("409900601", "Hassan", "Amira", LocalDate.of(2001, 6, 30), "amira@example.org",
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        issueDirectly("409900602", "Nielsen", "Sofie", LocalDate.of(1998, 7, 12), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        issueDirectly("409900603", "Nielsen-Berg", "Sofie", LocalDate.of(1999, 1, 1), null,
                RegistrationKind.EXPECTS_NATIONAL_ID, null);
        backend.database().jdbi().useHandle(h -> h.execute("UPDATE patron SET phone = '+45 20 30 40 50', "
                + "phone_key = '20304050', identity_kind = 'CPR', identity_number = '3006014002' WHERE id = ?", amira));

        type(KeyCode.F5);
        waitUntil(() -> visible(robot, "#findQuery"));
        search(robot, "sofie niel", "");
        waitForText(robot, "#findSummary", "2 patrons found at this desk.");
        search(robot, "Sofie Nielsen", "12-07-1998");
        waitForText(robot, "#findSummary", "One patron found at this desk.");
        search(robot, "4099 00602", "");
        waitUntil(() -> listed(robot) == 1 && robot.lookup("#findTable").queryTableView().getItems().get(0)
                .toString().contains("409900602"));
        // A card the patron had before finds them by it: Sofie's old card, replaced.
        backend.database().jdbi().useHandle(h -> {
            h.execute("UPDATE card SET status = 'RETIRED', retired_reason = 'LOST' WHERE number = '409900602'");
            h.execute("INSERT INTO card (number, status, patron_id, issued_at) SELECT '409900604', 'ISSUED', id, "
                    + "CURRENT_TIMESTAMP FROM patron WHERE card_number = '409900602'");
            h.execute("UPDATE patron SET card_number = '409900604' WHERE card_number = '409900602'");
        });
        search(robot, "409900602", "");
        waitUntil(() -> listed(robot) == 1 && robot.lookup("#findTable").queryTableView().getItems().get(0)
                .toString().contains("409900604"));
        search(robot, "AMIRA@example.org", "");
        waitForText(robot, "#findSummary", "One patron found");
        search(robot, "20 30 40 50", "");
        waitForText(robot, "#findSummary", "One patron found");
        search(robot, "300601-4002", "");
        waitForText(robot, "#findSummary", "One patron found");
        search(robot, "Jensen", "");
        waitForText(robot, "#findSummary", "No patron found at this desk.");
        search(robot, "x", "");
        waitForText(robot, "#findProblem", "Type at least two letters of a name");

        search(robot, "hassan", "");
        waitForText(robot, "#findSummary", "One patron found");
        waitUntil(() -> robot.lookup("#findTable").queryTableView().isFocused());
        type(KeyCode.ENTER);
        waitForText(robot, "#patronTitle", "Amira Hassan");

        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'PATRON_SEARCH'"))
                .as("every search that ran is audited").isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'PATRON_SEARCH' "
                + "AND detail = 'by=IDENTITY;found=1;central=false'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%3006014002%' "
                + "OR detail LIKE '%300601%'")).as("no national ID in the audit").isZero();
    }
}
