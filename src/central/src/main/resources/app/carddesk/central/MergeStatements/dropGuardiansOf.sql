-- The other record's remaining guardian links (the survivor has those guardians already).
DELETE FROM guardian_link WHERE child_id = :other
