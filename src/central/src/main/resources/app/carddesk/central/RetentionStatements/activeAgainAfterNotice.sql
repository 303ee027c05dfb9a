-- Activity after a notice withdraws it.
SELECT * FROM retention_candidate WHERE notice_sent_at IS NOT NULL AND last_active_at > notice_sent_at
