package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.Permission;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.central.StaffSessions.Staff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * For a library administrator: the signs that a personal account serves as a system account, and
 * the library's staffed hours that sign-ins outside them are judged by.
 */
final class StaffSigns {

    private final Jdbi jdbi;
    private final Clock clock;

    StaffSigns(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Signs that a personal account is used as a system account: open sessions at several
     * workstations at once, and the person's session sent as a workstation credential (30 days).
     */
    Api.StaffSigns signs(Caller caller) {
        caller.requireStaff(Permission.STAFF_ADMIN);
        String library = caller.library().code();
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            List<Api.StaffSign> all = new java.util.ArrayList<>();
            for (StaffDao.Sign s : d.severalWorkstations(library, now)) {
                all.add(new Api.StaffSign(s.userName(), s.kind().toLowerCase(Locale.ROOT), Integer.parseInt(s.detail()),
                        s.at()));
            }
            for (StaffDao.Sign s : d.sessionsUsedAsApi(library, now.minus(Duration.ofDays(30)))) {
                all.add(new Api.StaffSign(s.userName(), s.kind().toLowerCase(Locale.ROOT), Integer.parseInt(s.detail()),
                        s.at()));
            }
            all.addAll(outsideHours(d, caller.library(), now.minus(Duration.ofDays(30))));
            return new Api.StaffSigns(all);
        });
    }

    /**
     * Sign-ins at this library in the last 30 days while it was closed (its staffed hours, in its
     * own time zone), per person. A library without hours set shows none.
     */
    private static List<Api.StaffSign> outsideHours(StaffDao d, CentralDaos.Library library, Instant since) {
        List<StaffDao.Hours> hours = d.hours(library.code());
        if (hours.isEmpty()) {
            return List.of();
        }
        java.time.ZoneId zone = LibraryHours.zone(library.country());
        java.util.Map<String, Api.StaffSign> byPerson = new java.util.TreeMap<>();
        for (StaffDao.SignIn s : d.signIns(library.code(), since)) {
            if (LibraryHours.open(hours, s.at().atZone(zone))) {
                continue;
            }
            Api.StaffSign earlier = byPerson.get(s.userName());
            byPerson.put(s.userName(), new Api.StaffSign(s.userName(), "signed_in_outside_hours",
                    earlier == null ? 1 : earlier.count() + 1, earlier == null || s.at().isAfter(earlier.lastAt())
                    ? s.at() : earlier.lastAt()));
        }
        return List.copyOf(byPerson.values());
    }

    /** The library's staffed hours, as its administrator sees and sets them. */
    Api.LibraryHours hours(Caller caller) {
        caller.requireStaff(Permission.STAFF_ADMIN);
        return new Api.LibraryHours(jdbi.withExtension(StaffDao.class, d -> d.hours(caller.library().code())).stream()
                .map(h -> new Api.OpeningHours(h.weekday(), h.opens().toString(), h.closes().toString())).toList());
    }

    /** Replaces the library's staffed hours; audited. */
    Api.LibraryHours setHours(Caller caller, String body, Envelope envelope) {
        Staff admin = caller.requireStaff(Permission.STAFF_ADMIN);
        Api.LibraryHours in = envelope.parse(body, Api.LibraryHours.class);
        List<StaffDao.Hours> rows = LibraryHours.valid(in);
        jdbi.useTransaction(h -> {
            StaffDao d = Daos.on(h, StaffDao.class);
            d.clearHours(caller.library().code());
            for (StaffDao.Hours row : rows) {
                d.addHours(caller.library().code(), row.weekday(), row.opens(), row.closes());
            }
            Daos.on(h, CentralDaos.Audit.class).appendFor(caller, clock.instant(), "LIBRARY_HOURS_SET", null,
                    rows.size() + " days by=" + admin.userName());
        });
        return hours(caller);
    }
}
