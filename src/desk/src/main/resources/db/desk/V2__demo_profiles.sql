-- Library profiles are configured, never migrated (decision 0013): a desk on its own with a demo
-- library loads the demo configuration file bundled with CardDesk, and a desk with a central
-- register gets its library's configuration from there. This version once inserted the demo profiles.
SELECT 1 FROM library_profile WHERE 1 = 0;
