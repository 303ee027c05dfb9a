-- Batches look up many idempotency keys at once (idem_key IN (...)); an index led by the key
-- keeps that a look-up instead of a scan of the library's whole history.
CREATE INDEX idempotency_key ON idempotency (idem_key, library_code);
