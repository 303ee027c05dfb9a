-- A guardian of the other record the survivor does not have yet.
UPDATE guardian_link SET child_id = :survivor WHERE child_id = :other AND guardian_id = :guardian
