-- Staff accounts, their roles per library, and their sign-in sessions.
--
-- A personal account is a person who signs in at a desk with a password; a system account is a
-- workstation or an integration, which holds an API credential and never a password. The two are
-- kept apart by construction: a system account cannot have a password (so it can never sign in),
-- and a workstation's credential can only point at a system account.

-- Roles are data: each a set of permissions (app.carddesk.api.Permission), granted per library.
CREATE TABLE staff_role (
    code VARCHAR(40)  PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);

CREATE TABLE staff_role_permission (
    role_code  VARCHAR(40) NOT NULL REFERENCES staff_role (code),
    permission VARCHAR(40) NOT NULL,
    PRIMARY KEY (role_code, permission)
);

-- Pairs of permissions one person may not hold together at one library (separation of duties, as
-- the CPR office's update and delete profiles); a grant that would join them is refused.
CREATE TABLE permission_conflict (
    permission_a VARCHAR(40)  NOT NULL,
    permission_b VARCHAR(40)  NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    PRIMARY KEY (permission_a, permission_b)
);

CREATE TABLE staff_account (
    id                   UUID         PRIMARY KEY,
    kind                 VARCHAR(10)  NOT NULL,
    user_name            VARCHAR(60)  NOT NULL UNIQUE,
    display_name         VARCHAR(100) NOT NULL,
    work_email           VARCHAR(254),
    password_hash        VARCHAR(200),
    must_change_password BOOLEAN      NOT NULL,
    valid_from           DATE,
    valid_until          DATE,
    active               BOOLEAN      NOT NULL,
    admin_locked         BOOLEAN      NOT NULL,
    failed_attempts      INT          NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT staff_account_kind CHECK (kind IN ('PERSONAL', 'SYSTEM')),
    CONSTRAINT system_account_has_no_password CHECK (kind = 'PERSONAL' OR password_hash IS NULL),
    CONSTRAINT staff_account_id_kind UNIQUE (id, kind)
);

-- A workstation's credential belongs to a system account (none for the demo tokens and tokens
-- configured before accounts existed); a personal account can never be named here.
ALTER TABLE workstation ADD COLUMN account_id UUID;
ALTER TABLE workstation ADD COLUMN account_kind VARCHAR(10) DEFAULT 'SYSTEM' NOT NULL;
ALTER TABLE workstation ADD CONSTRAINT workstation_system_account CHECK (account_kind = 'SYSTEM');
ALTER TABLE workstation ADD CONSTRAINT workstation_account FOREIGN KEY (account_id, account_kind)
    REFERENCES staff_account (id, kind);

CREATE TABLE staff_grant (
    account_id   UUID        NOT NULL REFERENCES staff_account (id),
    library_code VARCHAR(32) NOT NULL REFERENCES library (code),
    role_code    VARCHAR(40) NOT NULL REFERENCES staff_role (code),
    PRIMARY KEY (account_id, library_code, role_code)
);
CREATE INDEX staff_grant_library ON staff_grant (library_code);

-- Sessions are known by the SHA-256 hash of their token only, and belong to one library's workstation.
CREATE TABLE staff_session (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    account_id   UUID         NOT NULL REFERENCES staff_account (id),
    library_code VARCHAR(32)  NOT NULL REFERENCES library (code),
    workstation  VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_session_account ON staff_session (account_id);

INSERT INTO staff_role (code, name) VALUES
    ('DESK_STAFF', 'Desk staff'),
    ('SUPERVISOR', 'Supervisor'),
    ('LIBRARY_ADMIN', 'Library administrator'),
    ('DATA_PROTECTION', 'Data protection officer'),
    ('ORGANISATION_ADMIN', 'Organisation administrator');

INSERT INTO staff_role_permission (role_code, permission) VALUES
    ('DESK_STAFF', 'ISSUE'), ('DESK_STAFF', 'EDIT'), ('DESK_STAFF', 'REGISTER_NATIONAL_ID'),
    ('SUPERVISOR', 'MERGE'), ('SUPERVISOR', 'UNSUBSCRIBE'), ('SUPERVISOR', 'DELETE_EXPIRED'),
    ('SUPERVISOR', 'HELD_LIST'),
    ('LIBRARY_ADMIN', 'STAFF_ADMIN'), ('LIBRARY_ADMIN', 'WORKSTATION_ADMIN'),
    ('DATA_PROTECTION', 'AUDIT_READ'),
    ('ORGANISATION_ADMIN', 'ORGANISATION_ADMIN'), ('ORGANISATION_ADMIN', 'VERIFICATION_ROUND');

INSERT INTO permission_conflict (permission_a, permission_b, reason) VALUES
    ('STAFF_ADMIN', 'AUDIT_READ',
     'Whoever administers the staff accounts may not also be the one who reads the audit of them.');
