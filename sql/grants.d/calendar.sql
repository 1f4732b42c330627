-- The working calendar (sql/025).  Applied after sql/grants.sql on every
-- start (which revoked everything first).  The public program reads it for
-- every working-day deadline (a complaint's); the office keeps it.
GRANT SELECT ON portal.calendar_days TO 'portal_public'@'localhost';
GRANT SELECT, INSERT, DELETE ON portal.calendar_days TO 'portal_office'@'localhost';
