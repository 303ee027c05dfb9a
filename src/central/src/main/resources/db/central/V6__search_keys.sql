-- Keys for finding a patron by name, e-mail or phone: folded the same way as at the desk (letter
-- case, accents and spacing aside). Rows from before this version get theirs when the service
-- starts (SearchKeys.backfill), since the folding is done in Java.
ALTER TABLE patron ADD COLUMN surname_key VARCHAR(200);
ALTER TABLE patron ADD COLUMN given_name_key VARCHAR(200);
ALTER TABLE patron ADD COLUMN email_key VARCHAR(200);
ALTER TABLE patron ADD COLUMN phone_key VARCHAR(40);
CREATE INDEX patron_surname_key ON patron (surname_key, given_name_key);
CREATE INDEX patron_given_name_key ON patron (given_name_key);
CREATE INDEX patron_email_key ON patron (email_key);
CREATE INDEX patron_phone_key ON patron (phone_key);
