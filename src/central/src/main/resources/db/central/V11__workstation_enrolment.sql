-- Workstations join the organisation by enrolment: a library administrator makes a one-time code
-- (kept as its SHA-256 hash, valid 24 hours), the new desk trades it for a credential of its own,
-- held by a system account, and an administrator can revoke that credential.
CREATE TABLE enrolment_code (
    code_hash        VARCHAR(64)  PRIMARY KEY,
    library_code     VARCHAR(32)  NOT NULL REFERENCES library (code),
    workstation_name VARCHAR(100) NOT NULL,
    created_by       VARCHAR(60)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE
);

ALTER TABLE workstation ADD COLUMN enrolled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE workstation ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
