SELECT * FROM retention_candidate WHERE registration_kind = 'SHORT_STAY' AND expires_on < :today
