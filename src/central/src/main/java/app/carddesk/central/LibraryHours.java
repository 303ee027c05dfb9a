package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.ErrorCode;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A library's staffed hours: checked when set, and asked whether a moment falls within them. */
final class LibraryHours {

    private LibraryHours() {
    }

    /** The time zone a library's hours are kept in, by its country. */
    static ZoneId zone(String country) {
        return ZoneId.of("NO".equals(country) ? "Europe/Oslo" : "Europe/Copenhagen");
    }

    /** Whether {@code moment} (in the library's zone) falls within one of its days' hours. */
    static boolean open(List<StaffDao.Hours> hours, ZonedDateTime moment) {
        int day = moment.getDayOfWeek().getValue();
        LocalTime time = moment.toLocalTime();
        return hours.stream().anyMatch(h -> h.weekday() == day && !time.isBefore(h.opens())
                && time.isBefore(h.closes()));
    }

    /** The hours as sent, or a 422 naming the first day that is wrong. */
    static List<StaffDao.Hours> valid(Api.LibraryHours in) {
        if (in.days() == null || in.days().size() > 7) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "days", "days lists at most one entry per weekday "
                    + "(1 Monday to 7 Sunday); leave a closed day out.");
        }
        List<StaffDao.Hours> rows = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Api.OpeningHours d : in.days()) {
            if (d == null || d.weekday() < 1 || d.weekday() > 7 || !seen.add(d.weekday())) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "weekday", "Each weekday (1 Monday to 7 Sunday) "
                        + "appears at most once.");
            }
            LocalTime opens = time(d.opens(), "opens");
            LocalTime closes = time(d.closes(), "closes");
            if (!opens.isBefore(closes)) {
                throw new ApiException(422, ErrorCode.INVALID_FIELD, "closes", "On weekday " + d.weekday()
                        + " the library closes after it opens.");
            }
            rows.add(new StaffDao.Hours(d.weekday(), opens, closes));
        }
        return rows;
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, field, field + " is a time of day like 08:00.");
        }
    }
}
