DELETE FROM staff_session WHERE expires_at < :now
