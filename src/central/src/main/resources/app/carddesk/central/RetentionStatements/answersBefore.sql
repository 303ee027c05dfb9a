SELECT COUNT(*) FROM idempotency WHERE created_at < :cutoff
