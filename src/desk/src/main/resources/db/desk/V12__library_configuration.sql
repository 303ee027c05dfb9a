-- A library's whole configuration in the desk's register (decision 0013), as the central register
-- sends it or a configuration file gives it: its version, the parts the desk did not keep before,
-- and series by range (one prefix may have several ranges).

ALTER TABLE library_profile ADD COLUMN organisation VARCHAR(200);
ALTER TABLE library_profile ADD COLUMN languages VARCHAR(40) DEFAULT 'en' NOT NULL;
ALTER TABLE library_profile ADD COLUMN inactive_years INT;
ALTER TABLE library_profile ADD COLUMN notice_days INT DEFAULT 30 NOT NULL;
-- The configuration's version as the central register counts it; NULL for a profile from before.
ALTER TABLE library_profile ADD COLUMN config_version INT;

ALTER TABLE card_series DROP PRIMARY KEY;
ALTER TABLE card_series ADD COLUMN range_from BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE card_series ADD COLUMN range_to BIGINT;
ALTER TABLE card_series ADD PRIMARY KEY (profile_code, prefix, range_from);

ALTER TABLE patron_category ALTER COLUMN name_da SET NULL;
ALTER TABLE patron_category ALTER COLUMN name_nb SET NULL;
ALTER TABLE patron_category ADD COLUMN min_age INT;
ALTER TABLE patron_category ADD COLUMN max_age INT;

CREATE TABLE address_alert (
    profile_code  VARCHAR(32)  NOT NULL REFERENCES library_profile (code),
    sort_order    INT          NOT NULL,
    contains_text VARCHAR(100) NOT NULL,
    message_da    VARCHAR(400),
    message_nb    VARCHAR(400),
    message_en    VARCHAR(400) NOT NULL,
    PRIMARY KEY (profile_code, sort_order)
);

CREATE TABLE loan_rules (
    profile_code VARCHAR(32)   NOT NULL REFERENCES library_profile (code),
    version      INT           NOT NULL,
    text_da      VARCHAR(4000),
    text_nb      VARCHAR(4000),
    text_en      VARCHAR(4000) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (profile_code, version)
);
