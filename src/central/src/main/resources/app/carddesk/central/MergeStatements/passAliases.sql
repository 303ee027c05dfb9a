-- Records merged earlier into the one now merged away are answered for by the new survivor.
UPDATE patron_alias SET survivor_id = :survivor WHERE survivor_id = :other
