-- booking, second round (sql/014): the waitlist (候补), the waiting-room
-- queue (候诊叫号) and the symptom table (导诊).  Applied after sql/grants.sql.

-- the public program joins, confirms and leaves waitlists through the
-- procedures, which run with these rights of its own
GRANT SELECT, INSERT, UPDATE (status, offer_slot_id, offered_at, offer_expires_at, booking_no, ended_at)
      ON portal.waitlist_entries TO 'portal_public'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.waitlist_locks TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_join          TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_confirm       TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_leave         TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_offer         TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_release       TO 'portal_public'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.queue_waitlist_message TO 'portal_public'@'localhost';
-- ... reads the queue of the day (its own booking's place, the hall screen)
-- and the symptom table
GRANT SELECT ON portal.queue_tickets       TO 'portal_public'@'localhost';
GRANT SELECT ON portal.symptom_departments TO 'portal_public'@'localhost';

-- the office: a raised capacity offered to the waitlist, a stopped
-- session's waitlist closed, the queue called at the desk, the symptoms kept
GRANT SELECT, UPDATE (status, offer_slot_id, offered_at, offer_expires_at, ended_at)
      ON portal.waitlist_entries TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.waitlist_locks TO 'portal_office'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_offer         TO 'portal_office'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_close         TO 'portal_office'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.queue_waitlist_message TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, UPDATE (state, called_at, order_at) ON portal.queue_tickets TO 'portal_office'@'localhost';
GRANT SELECT, INSERT, DELETE ON portal.symptom_departments TO 'portal_office'@'localhost';

-- the notification sender lets lapsed offers go to the next person
GRANT SELECT, UPDATE (status, offer_slot_id, offered_at, offer_expires_at, ended_at)
      ON portal.waitlist_entries TO 'portal_sender'@'localhost';
GRANT SELECT, INSERT, UPDATE ON portal.waitlist_locks TO 'portal_sender'@'localhost';
GRANT UPDATE (booked) ON portal.time_slots TO 'portal_sender'@'localhost';
GRANT SELECT ON portal.booking_rules TO 'portal_sender'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_expire        TO 'portal_sender'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_release       TO 'portal_sender'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.waitlist_offer         TO 'portal_sender'@'localhost';
GRANT EXECUTE ON PROCEDURE portal.queue_waitlist_message TO 'portal_sender'@'localhost';

-- book_place (sql/022, invoker's rights) counts the address's take itself
GRANT EXECUTE ON PROCEDURE portal.rate_count TO 'portal_public'@'localhost';
