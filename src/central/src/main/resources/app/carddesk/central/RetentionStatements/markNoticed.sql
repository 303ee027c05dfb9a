UPDATE patron SET notice_sent_at = :at WHERE id IN (<ids>)
