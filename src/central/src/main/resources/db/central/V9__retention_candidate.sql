-- A patron as the daily retention job weighs them: what stands in the way of deleting them (fees,
-- print credit, loans, reminders and claims at any library), whom a notice goes to, and the home
-- library's inactivity rules. The job's questions (expired short stays, notices due, withdrawn or
-- run out) each select from this view by state.
CREATE VIEW retention_candidate AS
SELECT p.id, p.library_code, p.card_number, p.fees_owed_minor, p.print_credit_minor,
       (SELECT COALESCE(SUM(m.loans + m.reminders + m.claims), 0) FROM membership m
         WHERE m.patron_id = p.id) AS outstanding,
       p.email, p.given_name, l.name AS library_name, l.country, COALESCE(l.inactive_years, 0) AS years,
       l.inactive_years, l.notice_days, p.notice_sent_at, p.last_active_at, p.registration_kind, p.expires_on
  FROM patron p JOIN library l ON l.code = p.library_code;
