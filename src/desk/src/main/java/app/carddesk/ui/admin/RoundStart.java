package app.carddesk.ui.admin;

import app.carddesk.domain.Checked;
import app.carddesk.domain.DateInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The start of a verification round as staff type it: a day as typed anywhere at the desk, then hours:minutes. */
final class RoundStart {

    private RoundStart() {
    }

    /** The moment {@code typed} names in {@code zone}, or empty when it is not a day and a time. */
    static Optional<Instant> parse(String typed, ZoneId zone) {
        String[] parts = typed == null ? new String[0] : typed.strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        // Day, month and year (hyphens or dots), as everywhere at the desk.
        Checked<LocalDate> day = DateInput.parse(parts[0]);
        if (!day.isOk()) {
            return Optional.empty();
        }
        try {
            return Optional.of(day.value().atTime(LocalTime.parse(parts[1], DateTimeFormatter.ofPattern("H:mm")))
                    .atZone(zone).toInstant());
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }
}
