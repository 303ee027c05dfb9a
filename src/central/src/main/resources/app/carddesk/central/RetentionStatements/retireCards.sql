UPDATE card SET status = 'RETIRED', retired_at = :at, retired_reason = 'RETENTION', patron_id = NULL
 WHERE number IN (<cards>)
