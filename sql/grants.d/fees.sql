-- fee transparency (sql/010): the public program reads the catalogue, its
-- history and search tokens, and the fee lists it finds by number and a
-- second factor; the office imports price lists (and publishes the
-- 价格调整 notice through its notices grants in sql/grants.sql).
GRANT SELECT ON portal.fee_items             TO 'portal_public'@'localhost';
GRANT SELECT ON portal.fee_price_history     TO 'portal_public'@'localhost';
GRANT SELECT ON portal.fee_search            TO 'portal_public'@'localhost';
GRANT SELECT ON portal.fee_catalogue_version TO 'portal_public'@'localhost';
GRANT SELECT ON portal.fee_accounts          TO 'portal_public'@'localhost';
GRANT SELECT ON portal.fee_account_items     TO 'portal_public'@'localhost';
GRANT SELECT ON portal.fee_deposits          TO 'portal_public'@'localhost';

GRANT SELECT, INSERT, UPDATE ON portal.fee_items         TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.fee_price_history TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, DELETE ON portal.fee_search        TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.fee_imports       TO 'portal_office'@'localhost';
GRANT SELECT, UPDATE ON portal.fee_catalogue_version     TO 'portal_office'@'localhost';

-- the office's upload of fee items and deposits from the HIS (cgi/fees/charges.c)
GRANT SELECT, INSERT, UPDATE ON portal.fee_accounts   TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.fee_account_items      TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.fee_deposits           TO 'portal_office'@'localhost';
