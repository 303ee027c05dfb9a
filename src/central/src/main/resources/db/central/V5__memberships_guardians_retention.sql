-- Norwegian national cards: one patron, active at several libraries. Each membership records the
-- version of the library's loan rules the patron accepted, and the standing the library's own
-- circulation system reports (open loans, reminders, claims): CardDesk is not the circulation system.
CREATE TABLE membership (
    patron_id           UUID        NOT NULL,
    library_code        VARCHAR(32) NOT NULL REFERENCES library (code),
    activated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    rules_version       INT,
    rules_accepted_at   TIMESTAMP WITH TIME ZONE,
    loans               INT         NOT NULL DEFAULT 0,
    reminders           INT         NOT NULL DEFAULT 0,
    claims              INT         NOT NULL DEFAULT 0,
    standing_updated_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (patron_id, library_code)
);
CREATE INDEX membership_library ON membership (library_code, patron_id);
INSERT INTO membership (patron_id, library_code, activated_at)
SELECT id, library_code, created_at FROM patron;

-- Each library's loan rules, versioned; a patron accepts one version when activated there.
CREATE TABLE loan_rules (
    library_code VARCHAR(32)    NOT NULL REFERENCES library (code),
    version      INT            NOT NULL,
    text_nb      VARCHAR(4000)  NOT NULL,
    text_en      VARCHAR(4000)  NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (library_code, version)
);

-- A child's guardians and the consent they gave.
CREATE TABLE guardian_link (
    child_id    UUID         NOT NULL,
    guardian_id UUID         NOT NULL,
    consent_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, guardian_id)
);
CREATE INDEX guardian_link_guardian ON guardian_link (guardian_id);

-- Library settings: the age under which a guardian is required, and for retention the years of
-- inactivity after which a patron is noticed and deleted (NULL: never) and the notice period.
ALTER TABLE library ADD COLUMN guardian_age INT DEFAULT 18 NOT NULL;
ALTER TABLE library ADD COLUMN inactive_years INT;
ALTER TABLE library ADD COLUMN notice_days INT DEFAULT 30 NOT NULL;

-- When the patron last used the library (registration, a change at a desk, or a loan reported by
-- the library system), and when the retention notice went out.
ALTER TABLE patron ADD COLUMN last_active_at TIMESTAMP WITH TIME ZONE;
UPDATE patron SET last_active_at = updated_at;
ALTER TABLE patron ADD COLUMN notice_sent_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX patron_expiry ON patron (registration_kind, expires_on);
CREATE INDEX patron_last_active ON patron (last_active_at);
CREATE INDEX patron_notice ON patron (notice_sent_at);

-- Patrons the retention job may not delete (an unsettled balance or something still out), for staff.
CREATE TABLE retention_hold (
    patron_id    UUID        PRIMARY KEY,
    library_code VARCHAR(32) NOT NULL,
    reason       VARCHAR(40) NOT NULL,
    listed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_hold_library ON retention_hold (library_code);

-- Why a card number was retired: a merge or a deletion marks the physical card for destruction.
ALTER TABLE card ADD COLUMN retired_reason VARCHAR(32);
