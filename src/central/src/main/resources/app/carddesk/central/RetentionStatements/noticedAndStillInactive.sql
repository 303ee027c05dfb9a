-- Noticed, and no activity since; whether the notice period is over is the job's to decide.
SELECT * FROM retention_candidate
 WHERE notice_sent_at IS NOT NULL AND last_active_at <= notice_sent_at AND inactive_years IS NOT NULL
