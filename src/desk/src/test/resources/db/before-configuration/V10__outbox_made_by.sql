-- A queued change names the person who made it at the desk, possibly offline: the central register
-- checks what that person may do when the change arrives.
ALTER TABLE outbox ADD COLUMN staff_user VARCHAR(100);
