-- One page of a library's change feed in the order of the changes' places (delivery_seq), each
-- change with the patron as they are now. The caller's own changes come without the patron's
-- data: that desk has it already. The page is cut from the feed before the join, so each patron
-- is looked up once (H2 would otherwise join every later change, then sort and cut). It is ordered
-- as the index (library_code, delivery_seq) is, so that H2 reads the page's rows from it and stops:
-- ordered by delivery_seq alone, H2 read every later change of the library and sorted them.
SELECT c.delivery_seq AS change_seq, CASE WHEN c.desk_id = :desk THEN 'OWN' ELSE c.kind END AS change_kind,
       c.patron_id AS change_patron, p.*
  FROM (SELECT delivery_seq, kind, patron_id, desk_id FROM change_feed
         WHERE library_code = :library AND delivery_seq > :after ORDER BY library_code, delivery_seq LIMIT :limit) c
  LEFT JOIN patron p ON p.id = c.patron_id AND (c.desk_id IS NULL OR c.desk_id <> :desk)
 ORDER BY c.delivery_seq
