-- Who did it: the signed-in person a request acted for (their user name), beside the workstation.
-- Empty for a workstation's own requests (a desk's sync) and for entries made before sign-in existed.
ALTER TABLE audit_event ADD COLUMN staff_user VARCHAR(60);
