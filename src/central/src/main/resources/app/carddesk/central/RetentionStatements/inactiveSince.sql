-- Inactive for the library's period and not yet noticed.
SELECT * FROM retention_candidate
 WHERE inactive_years = :years AND last_active_at < :cutoff AND notice_sent_at IS NULL
