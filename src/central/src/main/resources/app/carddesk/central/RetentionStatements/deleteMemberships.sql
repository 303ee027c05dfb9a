DELETE FROM membership WHERE patron_id IN (<ids>)
