-- A change gets its place in the feed (delivery_seq) once it has committed, in the order the
-- places are given: a desk that has read up to a place never finds a change appear before it
-- later. The row number (seq) is taken when the change is written, and a request that commits
-- after a later one, on this instance or another, would otherwise be skipped by a desk that
-- pulled in between.
ALTER TABLE change_feed ADD COLUMN delivery_seq BIGINT;
UPDATE change_feed SET delivery_seq = seq;
CREATE UNIQUE INDEX change_feed_delivery ON change_feed (delivery_seq);
CREATE INDEX change_feed_library_delivery ON change_feed (library_code, delivery_seq);
DROP INDEX change_feed_library_seq;

-- The last place given; its row is locked while places are given, by one instance at a time.
CREATE TABLE feed_place (
    id       INT    PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO feed_place (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM change_feed;
