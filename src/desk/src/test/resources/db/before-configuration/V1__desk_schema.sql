-- The desk's local register: library profiles, patrons, cards, audit trail and sync outbox.

CREATE TABLE library_profile (
    code                VARCHAR(32)  PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    country             VARCHAR(2)   NOT NULL,
    test_profile        BOOLEAN      NOT NULL,
    max_short_stay_days INT          NOT NULL,
    home_library_code   VARCHAR(32)  NOT NULL
);

CREATE TABLE card_series (
    profile_code VARCHAR(32) NOT NULL REFERENCES library_profile (code),
    prefix       VARCHAR(8)  NOT NULL,
    digits       INT         NOT NULL,
    check_digit  VARCHAR(8)  NOT NULL,
    PRIMARY KEY (profile_code, prefix)
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
    name_da      VARCHAR(200) NOT NULL,
    name_nb      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200) NOT NULL,
    sort_order   INT          NOT NULL,
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
    version             INT          NOT NULL
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
    detail      VARCHAR(400) NOT NULL
);

CREATE TABLE outbox (
    seq        BIGINT AUTO_INCREMENT PRIMARY KEY,
    patron_id  UUID,
    kind       VARCHAR(40) NOT NULL,
    payload    CLOB        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
