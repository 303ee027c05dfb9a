-- Children and their guardians: the age under which a guardian's consent is required is a
-- setting of the library profile (15 in Norway, 18 in Denmark).
ALTER TABLE library_profile ADD COLUMN guardian_age INT DEFAULT 18 NOT NULL;
UPDATE library_profile SET guardian_age = 15 WHERE country = 'NO';

CREATE TABLE guardian_link (
    child_id    UUID         NOT NULL,
    guardian_id UUID         NOT NULL,
    consent_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, guardian_id)
);
CREATE INDEX guardian_link_guardian ON guardian_link (guardian_id);
