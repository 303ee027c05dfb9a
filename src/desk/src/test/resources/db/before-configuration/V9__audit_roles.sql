-- The audit trail names the roles the signed-in person acted in, and the verifier keeps them for
-- an offline sign-in; a library may name its staff in a patron's "what is stored about me" report.
ALTER TABLE audit_event ADD COLUMN staff_roles VARCHAR(200);
ALTER TABLE staff_verifier ADD COLUMN roles VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE library_profile ADD COLUMN report_names_staff BOOLEAN DEFAULT FALSE NOT NULL;
