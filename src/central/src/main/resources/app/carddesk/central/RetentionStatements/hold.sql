-- Listed once: a patron held on an earlier day keeps their first listing.
INSERT INTO retention_hold (patron_id, library_code, reason, listed_at)
SELECT :id, :library, :reason, :at WHERE NOT EXISTS (SELECT 1 FROM retention_hold WHERE patron_id = :id)
