DELETE FROM enrolment_code WHERE expires_at < :now
