-- Changes a later change of the same patron at the same library supersedes: a desk reading the
-- feed from any place still receives that later change, and with it the patron as they are now.
SELECT COUNT(*) FROM change_feed f
 WHERE f.delivery_seq IS NOT NULL
   AND EXISTS (SELECT 1 FROM change_feed later
                WHERE later.patron_id = f.patron_id AND later.library_code = f.library_code
                  AND later.delivery_seq > f.delivery_seq)
