package app.carddesk.ui.issuecard;

import app.carddesk.domain.CardNumber;
import app.carddesk.domain.Problem;
import app.carddesk.ui.DeskPreferences;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.value.ChangeListener;

/**
 * A checklist the desk stopped in the middle of (killed, a crash, a power cut, the session ended
 * by the system) is told of at the next start: nothing of it was registered, and the card in
 * hand is blank still. The workstation remembers only the blank card's number and when the
 * typing began, never what was typed.
 */
public final class UnfinishedChecklist {

    static final String KEY = "checklist.unfinished";

    private UnfinishedChecklist() {
    }

    /** Remembers the card of a checklist with something typed, until it is finished or given up. */
    public static void remember(IssueCardViewModel issue, DeskPreferences preferences,
                                java.util.function.Supplier<Instant> now) {
        String[] written = {preferences.get(KEY).orElse(null)};
        ChangeListener<Object> note = (obs, was, is) -> {
            CardNumber card = issue.card.get();
            boolean open = issue.dirty.get() && card != null;
            if (open && (written[0] == null || !written[0].startsWith(card.value() + " "))) {
                written[0] = card.value() + " " + now.get();
                preferences.put(KEY, written[0]);
            } else if (!open && written[0] != null) {
                written[0] = null;
                preferences.put(KEY, null);
            }
        };
        issue.dirty.addListener(note);
        issue.card.addListener(note);
    }

    /** The checklist left unfinished by the last run of the desk, told once: the record of it is removed. */
    public static Optional<Problem> leftOver(DeskPreferences preferences, ZoneId zone) {
        Optional<String> left = preferences.get(KEY);
        if (left.isEmpty()) {
            return Optional.empty();
        }
        preferences.put(KEY, null);
        String[] parts = left.get().split(" ", 2);
        try {
            // The day in the staff's own way of writing dates, as everywhere at the desk; then the time.
            java.time.ZonedDateTime at = Instant.parse(parts[1]).atZone(zone);
            return Optional.of(Problem.of("checklist.unfinished", parts[0], at.toLocalDate(),
                    DateTimeFormatter.ofPattern("HH:mm").format(at)));
        } catch (RuntimeException e) {
            return Optional.of(Problem.of("checklist.unfinished", parts[0], "", ""));
        }
    }
}
