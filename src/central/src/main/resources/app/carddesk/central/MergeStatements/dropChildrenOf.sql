-- Whatever the other record is still guardian of (the survivor itself) goes with it.
DELETE FROM guardian_link WHERE guardian_id = :other
