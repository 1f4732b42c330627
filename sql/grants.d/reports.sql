-- lab reports (cgi/reports/, sql/013): the public program reads an order's
-- panels (for the expected time) and the patient's earlier results of the
-- same tests, through views only.
GRANT SELECT ON portal.public_lab_panels  TO 'portal_public'@'localhost';
GRANT SELECT ON portal.public_lab_history TO 'portal_public'@'localhost';

-- the LIS importer queues the one "report ready" message of an order in
-- the same transaction as the results, and keeps the mobile it goes to
GRANT INSERT ON portal.notification_outbox TO 'portal_lis'@'localhost';

-- the office's lab pages (/office/lab/): uploads go through the same
-- import as the LIS's files and MLLP, so the office account writes what
-- portal_lis writes; it reads the imports and refusals, and edits the
-- published turnaround times (audited)
GRANT SELECT, INSERT, UPDATE ON portal.lab_orders  TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.lab_panels  TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE (superseded_at) ON portal.lab_results TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE (items) ON portal.lab_imports TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.lab_import_refusals TO 'portal_office'@'localhost';
GRANT SELECT, UPDATE (minutes, note) ON portal.lab_turnaround TO 'portal_office'@'localhost';
