INSERT INTO audit_event (at, library_code, workstation, action, patron_id, detail)
VALUES (:at, :library, 'retention job', 'PATRON_DELETED', :id, :detail)
