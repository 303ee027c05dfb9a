-- The daily retention run removes the changes a later change of the same patron at the same
-- library supersedes; this index finds the later one.
CREATE INDEX change_feed_patron ON change_feed (patron_id, library_code, delivery_seq);
