-- Libraries are configured, never migrated: the demo libraries are loaded only in demo mode
-- (app/carddesk/central/demo/demo-libraries.sql). This version once inserted them.
SELECT 1 FROM library WHERE 1 = 0;
