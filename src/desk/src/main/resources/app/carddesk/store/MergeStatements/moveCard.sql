-- The card the survivor takes over from the other record.
UPDATE card SET patron_id = :survivor WHERE number = :number
