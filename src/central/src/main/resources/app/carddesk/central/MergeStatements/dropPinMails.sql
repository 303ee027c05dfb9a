-- The survivor's own PIN mails still queued carry a PIN they no longer have once they take the other's.
DELETE FROM mail_outbox WHERE patron_id = :survivor AND kind = 'PIN'
