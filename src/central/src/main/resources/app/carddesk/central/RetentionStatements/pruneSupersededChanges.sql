DELETE FROM change_feed
 WHERE delivery_seq IS NOT NULL
   AND EXISTS (SELECT 1 FROM change_feed later
                WHERE later.patron_id = change_feed.patron_id AND later.library_code = change_feed.library_code
                  AND later.delivery_seq > change_feed.delivery_seq)
