SELECT DISTINCT inactive_years FROM library WHERE inactive_years IS NOT NULL
