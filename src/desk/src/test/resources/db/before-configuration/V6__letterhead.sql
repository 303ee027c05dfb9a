-- What a library prints at the top of its letters: address, contact, and an optional logo (a PNG
-- in the desk's data folder; the CardDesk mark when there is none).
ALTER TABLE library_profile ADD COLUMN address_line VARCHAR(200);
ALTER TABLE library_profile ADD COLUMN postal_code VARCHAR(20);
ALTER TABLE library_profile ADD COLUMN city VARCHAR(100);
ALTER TABLE library_profile ADD COLUMN phone VARCHAR(40);
ALTER TABLE library_profile ADD COLUMN email VARCHAR(200);
ALTER TABLE library_profile ADD COLUMN website VARCHAR(200);
ALTER TABLE library_profile ADD COLUMN logo_file VARCHAR(200);

UPDATE library_profile SET address_line = 'Søren Kierkegaards Plads 1', postal_code = '1221', city = 'København K',
       phone = '+45 33 47 47 47', email = 'desk@demo-library.invalid', website = 'demo-library.invalid'
 WHERE code = 'DEMO-DK';
UPDATE library_profile SET address_line = 'Anne-Cath. Vestlys plass 1', postal_code = '0150', city = 'Oslo',
       phone = '+47 23 43 29 00', email = 'skranke@demo-bibliotek.invalid', website = 'demo-bibliotek.invalid'
 WHERE code = 'DEMO-NO';
