SELECT (SELECT COUNT(*) FROM staff_session WHERE expires_at < :now)
     + (SELECT COUNT(*) FROM enrolment_code WHERE expires_at < :now)
