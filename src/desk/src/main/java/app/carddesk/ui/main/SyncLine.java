package app.carddesk.ui.main;

import app.carddesk.sync.SyncStatus;
import app.carddesk.text.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The status bar's words on the link with the central register: reached or not, what waits, what changed. */
final class SyncLine {

    private SyncLine() {
    }

    static String text(Messages m, SyncStatus s, MainViewModel.ConfigurationChange changed) {
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
        String when = s.oldestPendingAt() == null ? "" : clock.format(s.oldestPendingAt());
        String text = switch (s.state()) {
            case NOT_CONFIGURED -> m.get("sync.notConfigured");
            case ONLINE -> s.receiving() > 0 ? m.get("sync.receiving", s.receiving())
                    : s.pending() == 0 ? m.get("sync.online") : m.get("sync.onlineWaiting", s.pending());
            case OFFLINE -> s.pending() == 0 ? m.get("sync.offline") : m.get("sync.offlineWaiting", s.pending(), when);
            case UNAUTHORIZED -> m.get("sync.unauthorized", s.pending());
            case REVOKED -> m.get("sync.revoked", s.pending());
            case UNTRUSTED -> m.get("sync.untrusted", s.pending());
        };
        if (s.problems() > 0) {
            text = text + " · " + m.get("sync.problems", s.problems());
        }
        if (changed != null) {
            text = text + " · " + m.get("sync.configurationChanged", changed.version(), clock.format(changed.at()));
        }
        return text;
    }
}
