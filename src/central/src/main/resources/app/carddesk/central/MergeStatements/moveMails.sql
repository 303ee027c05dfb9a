-- Mails on their way to the other record's patron go to the survivor, who takes its card and PIN.
UPDATE mail_outbox SET patron_id = :survivor WHERE patron_id = :other
