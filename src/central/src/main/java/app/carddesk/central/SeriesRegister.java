package app.carddesk.central;

import app.carddesk.api.Api;
import app.carddesk.api.CentralActor;
import app.carddesk.api.ErrorCode;
import app.carddesk.central.CentralDaos.Caller;
import app.carddesk.domain.CardSeriesRange;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The card number series reserved for each library: the operator reserves and withdraws them. */
final class SeriesRegister {

    private final Jdbi jdbi;
    private final Envelope envelope;
    private final Clock clock;

    SeriesRegister(Jdbi jdbi, Envelope envelope, Clock clock) {
        this.jdbi = jdbi;
        this.envelope = envelope;
        this.clock = clock;
    }

    /** Reserves a series for a library (the operator's job); refused where it overlaps another library's. */
    public Api.CardSeries reserveSeries(String rawBody) {
        Api.CardSeries s = envelope.parse(rawBody, Api.CardSeries.class);
        String prefix = s.prefix() == null ? null : s.prefix().trim().toUpperCase(Locale.ROOT);
        Optional<String> problem = CardSeriesRange.problem(prefix, s.digits(), s.from(), s.to());
        if (problem.isPresent()) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "prefix", problem.get());
        }
        String library = s.library() == null ? "" : s.library().trim();
        if (library.isEmpty() || library.length() > 32 || jdbi.withExtension(CentralDaos.Libraries.class,
                d -> d.byCode(library).isEmpty())) {
            throw new ApiException(422, ErrorCode.INVALID_FIELD, "library", "Name the library the series is for: the code "
                    + "of a library in this register.");
        }
        CardSeriesRange wanted = new CardSeriesRange(prefix, s.digits(), s.from(), s.to());
        return jdbi.inTransaction(h -> {
            CentralDaos.CardSeries dao = Daos.on(h, CentralDaos.CardSeries.class);
            // Overlap in the card numbers the series produce: "40" + 7 digits covers "4099" + 5 digits too.
            boolean taken = dao.all().stream().filter(r -> !r.libraryCode().equals(library))
                    .anyMatch(r -> wanted.overlaps(range(r)));
            if (taken) {
                throw new ApiException(409, ErrorCode.CARD_SERIES_OVERLAP, "from",
                        "Part of this range is reserved by another library. Choose another range.");
            }
            long id = dao.reserve(library, prefix, s.digits(), s.from(), s.to());
            Daos.on(h, CentralDaos.Audit.class).append(clock.instant(), library, CentralActor.OPERATOR.stored(),
                    "SERIES_RESERVED", null,
                    prefix + "/" + s.digits() + " " + s.from() + "-" + s.to());
            return new Api.CardSeries(id, library, prefix, s.digits(), s.from(), s.to());
        });
    }

    /**
     * Withdraws a series no card was ever issued from (a mistake, or stock never used); a series
     * with an issued or retired card stays, since its numbers are never issued again.
     */
    public void withdrawSeries(long id) {
        jdbi.useTransaction(h -> {
            CentralDaos.CardSeries dao = Daos.on(h, CentralDaos.CardSeries.class);
            CentralDaos.CardSeries.Row row = dao.byId(id).orElseThrow(() -> new ApiException(404,
                    ErrorCode.CARD_SERIES_NOT_FOUND, "seriesId", "No card series has this id."));
            CardSeriesRange range = range(row);
            long used = dao.cardsBetween(range.first(), range.last(), range.prefix().length() + range.digits());
            if (used > 0) {
                throw new ApiException(409, ErrorCode.CARD_SERIES_IN_USE, "seriesId", used + " card numbers of this series "
                        + "were issued: it stays reserved, since those numbers are never issued again.");
            }
            dao.withdraw(id);
            Daos.on(h, CentralDaos.Audit.class).append(clock.instant(), row.libraryCode(),
                    CentralActor.OPERATOR.stored(),
                    "SERIES_WITHDRAWN", null, row.prefix() + "/" + row.digits() + " " + row.rangeFrom() + "-"
                            + row.rangeTo());
        });
    }

    private static CardSeriesRange range(CentralDaos.CardSeries.Row r) {
        return new CardSeriesRange(r.prefix(), r.digits(), r.rangeFrom(), r.rangeTo());
    }

    public List<Api.CardSeries> series(Caller caller) {
        return jdbi.withExtension(CentralDaos.CardSeries.class, d -> d.ofLibrary(caller.library().code())).stream()
                .map(SeriesRegister::toApi).toList();
    }

    public List<Api.CardSeries> allSeries() {
        return jdbi.withExtension(CentralDaos.CardSeries.class, CentralDaos.CardSeries::all).stream()
                .map(SeriesRegister::toApi).toList();
    }

    private static Api.CardSeries toApi(CentralDaos.CardSeries.Row r) {
        return new Api.CardSeries(r.id(), r.libraryCode(), r.prefix(), r.digits(), r.rangeFrom(), r.rangeTo());
    }
}
