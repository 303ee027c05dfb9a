DELETE FROM mail_outbox WHERE patron_id IN (<ids>)
