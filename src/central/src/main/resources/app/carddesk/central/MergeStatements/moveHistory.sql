-- The other record's history becomes the survivor's.
UPDATE audit_event SET patron_id = :survivor WHERE patron_id = :other
