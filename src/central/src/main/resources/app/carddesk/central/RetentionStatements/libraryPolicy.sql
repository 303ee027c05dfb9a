SELECT max_short_stay_days, inactive_years, notice_days FROM library WHERE code = :library
