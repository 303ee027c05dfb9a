-- A library's whole configuration in the central register (decision 0013): what desks used to get
-- from their own migrations now comes from here, with a version that counts every change and the
-- document of each version kept.

ALTER TABLE library ADD COLUMN organisation VARCHAR(200);
ALTER TABLE library ADD COLUMN languages VARCHAR(40) DEFAULT 'en' NOT NULL;
ALTER TABLE library ADD COLUMN home_library VARCHAR(32);
ALTER TABLE library ADD COLUMN address_line VARCHAR(200);
ALTER TABLE library ADD COLUMN postal_code VARCHAR(20);
ALTER TABLE library ADD COLUMN city VARCHAR(100);
ALTER TABLE library ADD COLUMN phone VARCHAR(40);
ALTER TABLE library ADD COLUMN email VARCHAR(200);
ALTER TABLE library ADD COLUMN website VARCHAR(200);
ALTER TABLE library ADD COLUMN report_names_staff BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE library ADD COLUMN config_version INT DEFAULT 1 NOT NULL;

ALTER TABLE card_series ADD COLUMN check_digit VARCHAR(8) DEFAULT 'NONE' NOT NULL;

-- Loan rules in Danish too; a library gives English and the languages it uses.
ALTER TABLE loan_rules ADD COLUMN text_da VARCHAR(4000);
ALTER TABLE loan_rules ALTER COLUMN text_nb DROP NOT NULL;

CREATE TABLE pickup_library (
    library_code VARCHAR(32)  NOT NULL REFERENCES library (code),
    code         VARCHAR(32)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    sort_order   INT          NOT NULL,
    PRIMARY KEY (library_code, code)
);

CREATE TABLE patron_category (
    library_code VARCHAR(32)  NOT NULL REFERENCES library (code),
    code         VARCHAR(32)  NOT NULL,
    name_da      VARCHAR(200),
    name_nb      VARCHAR(200),
    name_en      VARCHAR(200) NOT NULL,
    min_age      INT,
    max_age      INT,
    sort_order   INT          NOT NULL,
    PRIMARY KEY (library_code, code)
);

CREATE TABLE digital_service_rule (
    library_code      VARCHAR(32)  NOT NULL REFERENCES library (code),
    service           VARCHAR(40)  NOT NULL,
    required_identity VARCHAR(100) NOT NULL,
    min_age           INT          NOT NULL,
    sort_order        INT          NOT NULL,
    PRIMARY KEY (library_code, service)
);

CREATE TABLE address_alert (
    library_code  VARCHAR(32)  NOT NULL REFERENCES library (code),
    sort_order    INT          NOT NULL,
    contains_text VARCHAR(100) NOT NULL,
    message_da    VARCHAR(400),
    message_nb    VARCHAR(400),
    message_en    VARCHAR(400) NOT NULL,
    PRIMARY KEY (library_code, sort_order)
);

-- Every version of every library's configuration, as the document it was, and who made it.
CREATE TABLE library_config_history (
    library_code VARCHAR(32)     NOT NULL REFERENCES library (code),
    version      INT             NOT NULL,
    document     TEXT            NOT NULL,
    changed_by   VARCHAR(100)    NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (library_code, version)
);

-- Library administrators keep their library's configuration.
INSERT INTO staff_role_permission (role_code, permission) VALUES ('LIBRARY_ADMIN', 'LIBRARY_CONFIG');
