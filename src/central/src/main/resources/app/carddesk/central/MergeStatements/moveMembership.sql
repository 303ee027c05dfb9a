-- A library only the other record belonged to: its membership, with its standing, moves to the survivor.
UPDATE membership SET patron_id = :survivor WHERE patron_id = :other AND library_code = :library
