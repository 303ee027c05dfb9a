-- Whatever links the other record still has (to the survivor itself) go with it.
DELETE FROM guardian_link WHERE child_id = :other OR guardian_id = :other
