-- The merged record's history stays as written (the audit is sealed); the survivor answers for it.
INSERT INTO patron_alias (merged_id, survivor_id) VALUES (:other, :survivor)
