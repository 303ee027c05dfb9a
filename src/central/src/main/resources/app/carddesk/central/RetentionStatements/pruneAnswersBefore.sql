DELETE FROM idempotency WHERE created_at < :cutoff
