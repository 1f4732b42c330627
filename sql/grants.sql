-- Database accounts, least privilege.  Applied on every start: each account
-- is first stripped of everything, so this file is the whole truth of what
-- it may do.  Passwords are set by cgi/tools/stack.sh from files it makes
-- under run/ (never stored in the repository).
--
--   portal_public  the public program: reads what is published, inserts
--                  only what the public may create.
--   portal_office  the office program (/office/): login, sessions, notices,
--                  audit log.

CREATE USER IF NOT EXISTS 'portal_public'@'localhost';
CREATE USER IF NOT EXISTS 'portal_office'@'localhost';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'portal_public'@'localhost';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'portal_office'@'localhost';

GRANT SELECT ON portal.public_notices TO 'portal_public'@'localhost';
GRANT SELECT ON portal.app_secrets    TO 'portal_public'@'localhost';

GRANT SELECT ON portal.app_secrets    TO 'portal_office'@'localhost';
GRANT SELECT (id, username, display_name, password_hash, roles, disabled)
             ON portal.users          TO 'portal_office'@'localhost';
GRANT UPDATE (last_login_at) ON portal.users TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON portal.sessions       TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.audit_log TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.notices TO 'portal_office'@'localhost';
GRANT SELECT ON portal.public_notices TO 'portal_office'@'localhost';

-- booking (分时段预约): the public reads the published schedule
GRANT SELECT ON portal.departments     TO 'portal_public'@'localhost';
GRANT SELECT ON portal.doctors         TO 'portal_public'@'localhost';
GRANT SELECT ON portal.clinic_sessions TO 'portal_public'@'localhost';
GRANT SELECT ON portal.time_slots      TO 'portal_public'@'localhost';

-- booking: the public books, looks up and cancels its own bookings, taking
-- and freeing places (only the `booked` counter of a slot)
GRANT SELECT, INSERT ON portal.bookings TO 'portal_public'@'localhost';
GRANT UPDATE (status, cancelled_at, cancel_reason) ON portal.bookings TO 'portal_public'@'localhost';
GRANT UPDATE (booked) ON portal.time_slots TO 'portal_public'@'localhost';

-- notifications: the public program queues "booking made" and "cancelled"
GRANT INSERT ON portal.notification_outbox TO 'portal_public'@'localhost';

-- the booking transaction and the outbox message, as procedures that run
-- with the caller's own rights above (sql/006_booking_procedures.sql)
GRANT SELECT ON portal.booking_rules TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.book_place            TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.reschedule_place      TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.take_place            TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.cancel_booking        TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.free_place            TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.queue_booking_message TO 'portal_public'@'localhost';

-- the office: the schedule, check-in at the desk, stopping a session
GRANT SELECT ON portal.departments TO 'portal_office'@'localhost';
GRANT SELECT ON portal.doctors TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.clinic_sessions TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.time_slots TO 'portal_office'@'localhost';
GRANT SELECT ON portal.bookings TO 'portal_office'@'localhost';
GRANT UPDATE (status, cancelled_at, cancel_reason, checked_in_at) ON portal.bookings TO 'portal_office'@'localhost';
GRANT SELECT, INSERT ON portal.notification_outbox TO 'portal_office'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.queue_booking_message TO 'portal_office'@'localhost';
GRANT SELECT, UPDATE ON portal.booking_rules TO 'portal_office'@'localhost';

-- the notification sender reads and marks the outbox, nothing else
CREATE USER IF NOT EXISTS 'portal_sender'@'localhost';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'portal_sender'@'localhost';
GRANT SELECT, UPDATE ON portal.notification_outbox TO 'portal_sender'@'localhost';
GRANT SELECT, UPDATE ON portal.sender_lease TO 'portal_sender'@'localhost';
-- ... and queues the day-before reminders from tomorrow's bookings
GRANT INSERT ON portal.notification_outbox TO 'portal_sender'@'localhost';
GRANT SELECT ON portal.bookings        TO 'portal_sender'@'localhost';
-- ... and records no-shows: a place still booked after its slot ended
GRANT UPDATE (status) ON portal.bookings TO 'portal_sender'@'localhost';
GRANT SELECT ON portal.time_slots      TO 'portal_sender'@'localhost';
GRANT SELECT ON portal.clinic_sessions TO 'portal_sender'@'localhost';
GRANT SELECT ON portal.doctors         TO 'portal_sender'@'localhost';
GRANT SELECT ON portal.departments     TO 'portal_sender'@'localhost';

-- rate limits (sql/007): only through the procedures, which run with their
-- definer's rights; no account may read or change the counters or rules
GRANT EXECUTE ON PROCEDURE portal.rate_take    TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.rate_forgive TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.rate_take    TO 'portal_office'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.rate_forgive TO 'portal_office'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.rate_purge   TO 'portal_sender'@'localhost';

-- mobile verification (sql/008): the public program keeps the codes it
-- sends and spends them, and counts a mobile's bookings under its lock row
GRANT SELECT, INSERT, UPDATE, DELETE ON portal.verification_codes TO 'portal_public'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.booking_mobile_locks TO 'portal_public'@'localhost';

-- lab reports (sql/009): the public program reads orders and only the
-- current results of released reports (views), and the published
-- turnaround times; never the tables, never a superseded value
GRANT SELECT ON portal.public_lab_orders     TO 'portal_public'@'localhost';
GRANT SELECT ON portal.public_lab_results    TO 'portal_public'@'localhost';
GRANT SELECT ON portal.public_lab_turnaround TO 'portal_public'@'localhost';

-- the LIS importer (cgi/tools/portal-lis, file import and MLLP listener) has
-- an account of its own rather than the office's: it faces the lab's
-- network, so whoever takes it over may write lab tables only - no users,
-- sessions, bookings, notices or audit log
CREATE USER IF NOT EXISTS 'portal_lis'@'localhost';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'portal_lis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.lab_orders  TO 'portal_lis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.lab_panels  TO 'portal_lis'@'localhost';
GRANT SELECT, INSERT, UPDATE (superseded_at) ON portal.lab_results TO 'portal_lis'@'localhost';
GRANT SELECT, INSERT, UPDATE (items) ON portal.lab_imports TO 'portal_lis'@'localhost';
GRANT INSERT ON portal.lab_import_refusals         TO 'portal_lis'@'localhost';
GRANT SELECT ON portal.lab_turnaround              TO 'portal_lis'@'localhost';
