-- The password a person chose last, as its hash, kept while an administrator or a verification round
-- has given them a one-time password: the password they choose next may not be that one again
-- (a re-verified account gets a new password, not its old one back). Only personal accounts have one.
ALTER TABLE staff_account ADD COLUMN previous_password_hash VARCHAR(200);
ALTER TABLE staff_account ADD CONSTRAINT system_account_has_no_previous_password
    CHECK (kind = 'PERSONAL' OR previous_password_hash IS NULL);
