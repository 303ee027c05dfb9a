package app.carddesk.central;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import app.carddesk.api.ChangeKind;
import app.carddesk.api.Api;
import app.carddesk.central.CentralDaos.Caller;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The change feed a library's desks pull: each change with the patron as they are now. */
final class Feed {

    /** The page's query, in {@code app/carddesk/central/Feed/page.sql}. */
    private static final String PAGE = ClasspathSqlLocator.removingComments().locate(Feed.class, "page");

    /** How many changes get their place in one transaction. */
    private static final int PLACES = 5_000;

    private final Jdbi jdbi;

    Feed(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The places in the feed (V18__feed_delivery_order.sql): a change is written with a row number
     * only, and gets its place once it has committed.
     */
    interface Places {
        @SqlQuery("SELECT seq FROM change_feed WHERE delivery_seq IS NULL ORDER BY seq LIMIT :limit")
        List<Long> waiting(@Bind("limit") int limit);

        @SqlQuery("SELECT last_seq FROM feed_place WHERE id = 1 FOR UPDATE")
        long lockLast();

        @SqlBatch("UPDATE change_feed SET delivery_seq = :place WHERE seq = :seq")
        void place(@Bind("seq") List<Long> seqs, @Bind("place") List<Long> places);

        @SqlUpdate("UPDATE feed_place SET last_seq = :last WHERE id = 1")
        void moveLast(@Bind("last") long last);
    }

    /**
     * Gives every committed change without a place the next places, in the order the changes were
     * written. One instance at a time gives places (the lock on the last one), and a change still
     * being written is not seen: it gets a place after those given now, so a desk that has read up
     * to a place never misses a change placed before it.
     */
    void place() {
        if (jdbi.withExtension(Places.class, p -> p.waiting(1)).isEmpty()) {
            return;
        }
        boolean more = true;
        while (more) {
            more = jdbi.inTransaction(h -> {
                Places places = Daos.on(h, Places.class);
                long last = places.lockLast();
                List<Long> waiting = places.waiting(PLACES);
                if (waiting.isEmpty()) {
                    return false;
                }
                places.place(waiting, java.util.stream.LongStream.rangeClosed(last + 1, last + waiting.size())
                        .boxed().toList());
                places.moveLast(last + waiting.size());
                return waiting.size() == PLACES;
            });
        }
    }

    /**
     * This library's changes after place {@code after}, each with the patron as it is now (one query
     * a page); the changes committed since the last call get their places first.
     */
    public Api.Changes changes(Caller caller, long after, int limit) {
        place();
        int n = Math.max(1, Math.min(limit, Api.FEED_PAGE_MAX));
        List<Api.Change> rows = jdbi.withHandle(h -> h.createQuery(PAGE)
                .bind("library", caller.library().code()).bind("after", after).bind("limit", n + 1)
                .bind("desk", caller.deskId() == null ? "" : caller.deskId())
                .map(new Changes(caller.library().code()))
                .list());
        boolean more = rows.size() > n;
        List<Api.Change> page = withGuardians(more ? rows.subList(0, n) : rows);
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        return new Api.Changes(page, last, more);
    }

    /**
     * One change of a page, with the patron as the caller's library may see them. The patron's
     * columns are read by Jdbi's constructor mapper, fitted to the page's columns once per page.
     */
    private static final class Changes implements RowMapper<Api.Change> {

        private final String library;
        private RowMapper<CentralPatronRow> patrons = ConstructorMapper.of(CentralPatronRow.class);

        Changes(String library) {
            this.library = library;
        }

        @Override
        public RowMapper<Api.Change> specialize(java.sql.ResultSet rs, StatementContext ctx)
                throws java.sql.SQLException {
            patrons = patrons.specialize(rs, ctx);
            return this;
        }

        @Override
        public Api.Change map(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
            ChangeKind kind = ChangeKind.valueOf(rs.getString("change_kind"));
            return new Api.Change(rs.getLong("change_seq"), kind, rs.getObject("change_patron", UUID.class),
                    rs.getObject("id") == null || kind.removesPatron() ? null
                            : PatronAccess.shown(library, patrons.map(rs, ctx)));
        }
    }

    /** The page's patrons with their guardians, read in one query, so that other desks know them too. */
    private List<Api.Change> withGuardians(List<Api.Change> page) {
        java.util.Set<UUID> children = new java.util.HashSet<>();
        page.stream().filter(c -> c.patron() != null).forEach(c -> children.add(c.patronId()));
        if (children.isEmpty()) {
            return page;
        }
        java.util.Map<UUID, List<Api.Guardian>> links = new java.util.HashMap<>();
        jdbi.useExtension(CentralDaos.Guardians.class, g -> g.ofChildren(children).forEach(link -> links
                .computeIfAbsent(link.childId(), k -> new java.util.ArrayList<>())
                .add(new Api.Guardian(link.guardianId(), link.consentAt()))));
        if (links.isEmpty()) {
            return page;
        }
        return page.stream().map(c -> c.patron() == null || !links.containsKey(c.patronId()) ? c
                : new Api.Change(c.seq(), c.kind(), c.patronId(), c.patron().withGuardians(links.get(c.patronId())))).toList();
    }

}
