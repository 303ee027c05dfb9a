UPDATE patron SET notice_sent_at = NULL WHERE id IN (<ids>)
