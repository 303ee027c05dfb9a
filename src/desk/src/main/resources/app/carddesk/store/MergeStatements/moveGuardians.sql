-- The other record's guardians become the survivor's (never the survivor itself).
UPDATE guardian_link SET child_id = :survivor WHERE child_id = :other AND guardian_id <> :survivor
