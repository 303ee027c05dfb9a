-- Sync with the central register: a stable idempotency key and retry state per outbox entry,
-- the version the central register holds of each patron, the pull position, and the changes
-- that came back refused and need staff's attention.

ALTER TABLE outbox ADD COLUMN idem_key VARCHAR(64);
UPDATE outbox SET idem_key = CAST(RANDOM_UUID() AS VARCHAR) WHERE idem_key IS NULL;
ALTER TABLE outbox ALTER COLUMN idem_key SET NOT NULL;
ALTER TABLE outbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN last_error VARCHAR(200);

ALTER TABLE patron ADD COLUMN central_version INT;

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
