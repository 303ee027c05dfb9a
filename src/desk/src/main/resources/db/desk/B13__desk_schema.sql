-- A new register at version 13 in one step: what V1 to V13 make, table by table, with the columns
-- later versions added at the end where those versions put them. A register that already has a
-- history is migrated by the versioned scripts as before; a new one runs this script alone, which
-- saves the copies of whole tables that H2 makes for each ALTER TABLE (most of a new register's
-- first opening). BaselineScriptIT holds the two ways to the same schema.

CREATE TABLE library_profile (
    code                VARCHAR(32)  PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    country             VARCHAR(2)   NOT NULL,
    test_profile        BOOLEAN      NOT NULL,
    max_short_stay_days INT          NOT NULL,
    home_library_code   VARCHAR(32)  NOT NULL,
    guardian_age        INT          DEFAULT 18 NOT NULL,
    address_line        VARCHAR(200),
    postal_code         VARCHAR(20),
    city                VARCHAR(100),
    phone               VARCHAR(40),
    email               VARCHAR(200),
    website             VARCHAR(200),
    logo_file           VARCHAR(200),
    report_names_staff  BOOLEAN      DEFAULT FALSE NOT NULL,
    organisation        VARCHAR(200),
    languages           VARCHAR(40)  DEFAULT 'en' NOT NULL,
    inactive_years      INT,
    notice_days         INT          DEFAULT 30 NOT NULL,
    config_version      INT
);

CREATE TABLE card_series (
    profile_code VARCHAR(32) NOT NULL REFERENCES library_profile (code),
    prefix       VARCHAR(8)  NOT NULL,
    digits       INT         NOT NULL,
    check_digit  VARCHAR(8)  NOT NULL,
    range_from   BIGINT      DEFAULT 0 NOT NULL,
    range_to     BIGINT,
    PRIMARY KEY (profile_code, prefix, range_from)
);

CREATE TABLE pickup_library (
    profile_code VARCHAR(32)  NOT NULL REFERENCES library_profile (code),
    code         VARCHAR(32)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    sort_order   INT          NOT NULL,
    PRIMARY KEY (profile_code, code)
);

CREATE TABLE patron_category (
    profile_code VARCHAR(32)  NOT NULL REFERENCES library_profile (code),
    code         VARCHAR(32)  NOT NULL,
    name_da      VARCHAR(200),
    name_nb      VARCHAR(200),
    name_en      VARCHAR(200) NOT NULL,
    sort_order   INT          NOT NULL,
    min_age      INT,
    max_age      INT,
    PRIMARY KEY (profile_code, code)
);

CREATE TABLE patron (
    id                  UUID         PRIMARY KEY,
    card_number         VARCHAR(32),
    identity_kind       VARCHAR(12)  NOT NULL,
    identity_number     VARCHAR(12),
    surname             VARCHAR(100) NOT NULL,
    given_name          VARCHAR(100) NOT NULL,
    surname_key         VARCHAR(100) NOT NULL,
    given_name_key      VARCHAR(100) NOT NULL,
    birth_date          DATE,
    email               VARCHAR(200),
    email_key           VARCHAR(200),
    phone               VARCHAR(30),
    phone_key           VARCHAR(30),
    address_line        VARCHAR(200),
    postal_code         VARCHAR(20),
    city                VARCHAR(100),
    country             VARCHAR(100),
    category_code       VARCHAR(32)  NOT NULL,
    pickup_library_code VARCHAR(32)  NOT NULL,
    registration_kind   VARCHAR(24)  NOT NULL,
    expires_on          DATE,
    pin_delivery        VARCHAR(12)  NOT NULL,
    pin_hash            VARCHAR(200),
    pin_change_advised  BOOLEAN      NOT NULL,
    fees_owed_minor     BIGINT       NOT NULL DEFAULT 0,
    print_credit_minor  BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             INT          NOT NULL,
    central_version     INT
);

CREATE UNIQUE INDEX patron_identity_number ON patron (identity_number);
CREATE INDEX patron_name_birth ON patron (surname_key, given_name_key, birth_date);
CREATE INDEX patron_email ON patron (email_key);
CREATE INDEX patron_phone ON patron (phone_key);
CREATE INDEX patron_expiry ON patron (registration_kind, expires_on);

CREATE TABLE card (
    number         VARCHAR(32) PRIMARY KEY,
    status         VARCHAR(12) NOT NULL,
    patron_id      UUID,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE,
    retired_reason VARCHAR(32)
);

CREATE INDEX card_patron ON card (patron_id);

CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    staff       VARCHAR(100) NOT NULL,
    workstation VARCHAR(100) NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    patron_id   UUID,
    detail      VARCHAR(400) NOT NULL,
    staff_roles VARCHAR(200)
);

CREATE INDEX audit_event_at ON audit_event (at);

CREATE TABLE outbox (
    seq        BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id  UUID,
    kind       VARCHAR(40) NOT NULL,
    payload    CLOB        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    idem_key   VARCHAR(64) NOT NULL,
    attempts   INT         DEFAULT 0 NOT NULL,
    last_error VARCHAR(200),
    staff_user VARCHAR(100)
);

CREATE TABLE sync_state (
    state_name  VARCHAR(40)  PRIMARY KEY,
    state_value VARCHAR(100) NOT NULL
);

CREATE TABLE sync_problem (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id   UUID,
    change_kind VARCHAR(40)  NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    existing_id UUID,
    message     VARCHAR(400) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at TIMESTAMP WITH TIME ZONE,
    resolution  VARCHAR(40),
    resolved_by VARCHAR(100)
);

CREATE TABLE digital_service_rule (
    profile_code      VARCHAR(32) NOT NULL REFERENCES library_profile (code),
    service           VARCHAR(40) NOT NULL,
    required_identity VARCHAR(100) NOT NULL,
    min_age           INT NOT NULL,
    sort_order        INT NOT NULL,
    PRIMARY KEY (profile_code, service)
);

CREATE TABLE guardian_link (
    child_id    UUID         NOT NULL,
    guardian_id UUID         NOT NULL,
    consent_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (child_id, guardian_id)
);
CREATE INDEX guardian_link_guardian ON guardian_link (guardian_id);

CREATE TABLE register_owner (
    profile_code VARCHAR(32) PRIMARY KEY
);

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
