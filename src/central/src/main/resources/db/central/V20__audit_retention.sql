-- The audit trail is kept for the organisation's period (CARDDESK_AUDIT_KEPT_MONTHS); the daily
-- retention run removes older entries from the start of the chain. The chain then starts after the
-- last entry removed: its place and hash are kept here, and each removal is itself an entry of the
-- chain that names them, so `audit-verify` still walks every link that is left.
ALTER TABLE audit_seal ADD COLUMN pruned_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE audit_seal ADD COLUMN pruned_hash VARCHAR(64)
    DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL;
