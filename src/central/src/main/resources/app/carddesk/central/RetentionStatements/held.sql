-- Patrons the library should see to before the register may delete them.
SELECT r.patron_id, r.library_code, p.card_number, r.reason
  FROM retention_hold r LEFT JOIN patron p ON p.id = r.patron_id
 WHERE r.library_code = :library ORDER BY r.listed_at
