-- The verification round (as the CPR office ran one): at a set time every personal account becomes
-- inactive, administrators included; system accounts (workstations, integrations) are untouched.
-- Each account is then decided one by one: verified, re-activated with a new one-time password, or
-- closed. Library administrators get a verification code at their work address, which the
-- organisation's operator takes (by phone) to re-activate them with a command on the central.
CREATE TABLE verification_round (
    id           UUID        PRIMARY KEY,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_by VARCHAR(60) NOT NULL,
    scheduled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE
);

CREATE TABLE verification_account (
    round_id   UUID        NOT NULL REFERENCES verification_round (id),
    account_id UUID        NOT NULL REFERENCES staff_account (id),
    state      VARCHAR(12) NOT NULL,
    code_hash  VARCHAR(64),
    decided_by VARCHAR(60),
    decided_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (round_id, account_id),
    CONSTRAINT verification_state CHECK (state IN ('PENDING', 'VERIFIED', 'REACTIVATED', 'CLOSED'))
);
