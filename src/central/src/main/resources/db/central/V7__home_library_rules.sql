-- Who may do what with a patron (ADR 0008): the home library owns the master data; another library
-- becomes a member only with the patron present, and records how that was proven.
ALTER TABLE membership ADD COLUMN proof VARCHAR(20);
UPDATE membership SET proof = 'REGISTERED';

-- A patron's PIN is a credential: wrong PINs at an activation count, and lock it for a while.
ALTER TABLE patron ADD COLUMN pin_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE patron ADD COLUMN pin_locked_until TIMESTAMP WITH TIME ZONE;

