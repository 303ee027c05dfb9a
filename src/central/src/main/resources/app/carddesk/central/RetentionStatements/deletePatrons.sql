DELETE FROM patron WHERE id IN (<ids>)
