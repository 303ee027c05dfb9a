-- A child both records are guardian of is linked to the survivor once.
DELETE FROM guardian_link
 WHERE guardian_id = :other
   AND child_id IN (SELECT child_id FROM guardian_link WHERE guardian_id = :survivor)
