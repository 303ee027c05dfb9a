-- The audit trail becomes tamper-evident: a sealer (one at a time, whichever central instance gets
-- the row lock on audit_seal) gives each new entry its place in one chain and the SHA-256 of the
-- entry together with the hash of the one before. Changing, removing or inserting an entry after it
-- was sealed breaks the chain, which the operator command `audit-verify` finds.
ALTER TABLE audit_event ADD COLUMN staff_roles VARCHAR(200);
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN entry_hash VARCHAR(64);
CREATE UNIQUE INDEX audit_event_chain ON audit_event (chain_seq, id);
CREATE INDEX audit_event_patron ON audit_event (patron_id);

CREATE TABLE audit_seal (
    id        INT         PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_seal_one_row CHECK (id = 1)
);
INSERT INTO audit_seal (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A merge no longer rewrites the merged record's history (sealed entries stay as written); the
-- survivor answers for the records merged into it.
CREATE TABLE patron_alias (
    merged_id   UUID PRIMARY KEY,
    survivor_id UUID NOT NULL
);
CREATE INDEX patron_alias_survivor ON patron_alias (survivor_id);
