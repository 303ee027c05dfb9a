-- A desk's own audit entries (who signed in, saw or did what there, offline too) are sent up and
-- kept here with the central register's own, each once: desk_seq is the entry's number at its desk,
-- desk_id the desk (several desks can share a workstation account, as the demo desks do).
ALTER TABLE audit_event ADD COLUMN desk_id VARCHAR(40);
ALTER TABLE audit_event ADD COLUMN desk_seq BIGINT;
CREATE UNIQUE INDEX audit_event_desk_seq ON audit_event (desk_id, desk_seq);
-- A data-protection officer reads a library's audit by patron or by staff member, newest first.
CREATE INDEX audit_event_library_patron ON audit_event (library_code, patron_id, at, id);
CREATE INDEX audit_event_library_staff ON audit_event (library_code, staff_user, at, id);
CREATE INDEX audit_event_library_at ON audit_event (library_code, at, id);
