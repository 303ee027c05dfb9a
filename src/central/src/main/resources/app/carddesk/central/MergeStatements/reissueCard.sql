-- The other record's card, kept by the survivor: issued again, to the survivor.
UPDATE card
   SET status = 'ISSUED', retired_at = NULL, retired_reason = NULL, patron_id = :survivor
 WHERE number = :number
