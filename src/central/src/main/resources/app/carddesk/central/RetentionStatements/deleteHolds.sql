DELETE FROM retention_hold WHERE patron_id IN (<ids>)
