-- A guardian both records have is linked to the survivor once.
DELETE FROM guardian_link
 WHERE child_id = :other
   AND guardian_id IN (SELECT guardian_id FROM guardian_link WHERE child_id = :survivor)
