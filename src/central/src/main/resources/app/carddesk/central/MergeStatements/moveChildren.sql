-- The children the other record is guardian of become the survivor's (never the survivor itself).
UPDATE guardian_link SET guardian_id = :survivor WHERE guardian_id = :other AND child_id <> :survivor
