-- 024: a patient's call run again gives the answer of its first run.
--
-- The core runs a statement outside a transaction again when its
-- connection is lost (cgi/core/db.c): the server went away, or on a
-- cluster the handler's node did, and the call goes to the next node.  A
-- call whose connection was lost after its COMMIT had made its change, and
-- only its answer was lost.  Run again, each of these procedures refused
-- what it had itself done: book_place found the patient already booked
-- for that half-day and answered 'booking_duplicate', so the patient was
-- told the booking was refused while it was stored (found by the cluster
-- test that cuts a handler host off from the nodes mid-traffic).
--
-- Each call that makes a row is given the row's number by the handler, a
-- new random one per request (booking_new_no: 10 of 32 characters); a row
-- with that number, for that slot or session and person, is this
-- request's.  So a call first looks for its own row and answers as its
-- first run did, taking nothing; and when it is refused as a duplicate it
-- looks again, for a first run that committed while this one ran (on a
-- cluster the first run's row may reach this node only then).  A
-- cancellation or a leaving run again finds its change made, and says so.
-- Answers and their columns are those of 022, 008, 006 and 014.
--
-- book_place: a run again does not take from the address's quota again.

DROP PROCEDURE book_place;
DROP PROCEDURE reschedule_place;
DROP PROCEDURE cancel_booking;
DROP PROCEDURE waitlist_join;
DROP PROCEDURE waitlist_confirm;
DROP PROCEDURE waitlist_leave;

DELIMITER //

-- book_place of 022, its own booking answered again
CREATE PROCEDURE book_place(
    IN p_slot_id INT UNSIGNED, IN p_no CHAR(10), IN p_person_key CHAR(64),
    IN p_name VARCHAR(32), IN p_id_type VARCHAR(16), IN p_id_number VARCHAR(32),
    IN p_mobile CHAR(11), IN p_for_family TINYINT,
    IN p_cutoff_minutes INT, IN p_days_ahead INT, IN p_client CHAR(64))
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'the address quota taken, then one booking, all or nothing; answers outcome and until'
book: BEGIN
    DECLARE v_outcome VARCHAR(24);
    DECLARE v_until VARCHAR(10);
    DECLARE v_limit, v_window INT;
    DECLARE v_allowed TINYINT;
    DECLARE v_retry INT;
    DECLARE v_rate_until VARCHAR(16);
    DECLARE v_hits INT UNSIGNED;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    IF EXISTS (SELECT 1 FROM bookings WHERE confirmation_no = p_no AND slot_id = p_slot_id
                 AND person_key = p_person_key) THEN
        SELECT 'booked' AS outcome, NULL AS until, NULL AS no_show_limit, NULL AS window_days,
               NULL AS max_active;
        LEAVE book;
    END IF;
    CALL rate_count('booking.client', p_client, v_allowed, v_retry, v_rate_until, v_hits);
    IF v_allowed = 0 THEN
        SELECT 'rate_limited' AS outcome, v_retry AS retry_after, v_rate_until AS until, v_hits AS hits;
        LEAVE book;
    END IF;
    START TRANSACTION;
    CALL take_place(p_slot_id, p_no, p_person_key, p_name, p_id_type, p_id_number, p_mobile,
                    p_for_family, p_cutoff_minutes, p_days_ahead, v_outcome, v_until, v_limit, v_window);
    IF v_outcome = 'booked' THEN COMMIT; ELSE ROLLBACK; END IF;
    IF v_outcome = 'booking_duplicate' AND EXISTS (SELECT 1 FROM bookings WHERE confirmation_no = p_no
                 AND slot_id = p_slot_id AND person_key = p_person_key) THEN
        SET v_outcome = 'booked';
    END IF;
    SELECT v_outcome AS outcome, v_until AS until, v_limit AS no_show_limit, v_window AS window_days,
           v_limit AS max_active;
END //

-- reschedule_place of 008: the new booking, made by the first run from the
-- old one's person, answered again
CREATE PROCEDURE reschedule_place(
    IN p_old_no CHAR(10), IN p_slot_id INT UNSIGNED, IN p_no CHAR(10),
    IN p_cutoff_minutes INT, IN p_days_ahead INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'cancel + book in one transaction; answers outcome and until'
move: BEGIN
    DECLARE v_old_slot INT UNSIGNED;
    DECLARE v_person_key CHAR(64);
    DECLARE v_name VARCHAR(32);
    DECLARE v_id_type VARCHAR(16);
    DECLARE v_id_number VARCHAR(32);
    DECLARE v_mobile CHAR(11);
    DECLARE v_for_family TINYINT;
    DECLARE v_outcome VARCHAR(24);
    DECLARE v_until VARCHAR(10);
    DECLARE v_limit, v_window INT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    IF EXISTS (SELECT 1 FROM bookings n JOIN bookings o ON o.person_key = n.person_key
                WHERE n.confirmation_no = p_no AND n.slot_id = p_slot_id
                  AND o.confirmation_no = p_old_no AND o.cancel_reason = 'rescheduled') THEN
        SELECT 'booked' AS outcome, NULL AS until, NULL AS no_show_limit, NULL AS window_days,
               NULL AS max_active;
        LEAVE move;
    END IF;
    START TRANSACTION;
    CALL free_place(p_old_no, p_cutoff_minutes, 'rescheduled', v_old_slot, v_outcome);
    IF v_outcome = 'freed' AND v_old_slot = p_slot_id THEN
        SET v_outcome = 'same_slot';
    END IF;
    IF v_outcome <> 'freed' THEN
        ROLLBACK;
        SELECT IF(v_outcome = 'too_late', 'change_too_late', v_outcome) AS outcome,
               NULL AS until, NULL AS no_show_limit, NULL AS window_days, NULL AS max_active;
        LEAVE move;
    END IF;

    SELECT person_key, patient_name, id_type, id_number, mobile, for_family
      INTO v_person_key, v_name, v_id_type, v_id_number, v_mobile, v_for_family
      FROM bookings WHERE confirmation_no = p_old_no FOR UPDATE;
    CALL take_place(p_slot_id, p_no, v_person_key, v_name, v_id_type, v_id_number, v_mobile,
                    v_for_family, p_cutoff_minutes, p_days_ahead, v_outcome, v_until, v_limit, v_window);
    IF v_outcome = 'booked' THEN
        CALL queue_booking_message('cancelled', p_old_no);
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;
    SELECT v_outcome AS outcome, v_until AS until, v_limit AS no_show_limit, v_window AS window_days,
           v_limit AS max_active;
END //

-- cancel_booking of 006: a booking the patient has cancelled is answered
-- 'cancelled' again, nothing changed and no second message
CREATE PROCEDURE cancel_booking(IN p_no CHAR(10), IN p_cutoff_minutes INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'a cancellation, all or nothing; answers outcome'
BEGIN
    DECLARE v_slot INT UNSIGNED;
    DECLARE v_outcome VARCHAR(24);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    START TRANSACTION;
    CALL free_place(p_no, p_cutoff_minutes, 'patient', v_slot, v_outcome);
    IF v_outcome = 'freed' THEN
        CALL queue_booking_message('cancelled', p_no);
        COMMIT;
    ELSE
        ROLLBACK;
        IF EXISTS (SELECT 1 FROM bookings WHERE confirmation_no = p_no AND status = 'cancelled'
                     AND cancel_reason = 'patient') THEN
            SET v_outcome = 'freed';
        END IF;
    END IF;
    SELECT CASE v_outcome WHEN 'freed' THEN 'cancelled' WHEN 'too_late' THEN 'cancel_too_late'
           ELSE v_outcome END AS outcome;
END //

-- waitlist_join of 014, its own entry answered again
CREATE PROCEDURE waitlist_join(
    IN p_session_id INT UNSIGNED, IN p_no CHAR(10), IN p_link_token VARCHAR(32), IN p_person_key CHAR(64),
    IN p_name VARCHAR(32), IN p_id_type VARCHAR(16), IN p_id_number VARCHAR(32),
    IN p_mobile CHAR(11), IN p_for_family TINYINT, IN p_max_per_mobile INT,
    IN p_cutoff_minutes INT, IN p_days_ahead INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'one person joins a session''s waitlist; answers outcome and position'
join_: BEGIN
    DECLARE v_state VARCHAR(16) DEFAULT NULL;
    DECLARE v_department SMALLINT UNSIGNED;
    DECLARE v_date DATE;
    DECLARE v_period VARCHAR(16);
    DECLARE v_duplicate TINYINT DEFAULT 0;
    DECLARE v_count INT;
    DECLARE v_position INT DEFAULT NULL;
    DECLARE v_entry INT UNSIGNED;
    DECLARE CONTINUE HANDLER FOR 1062 SET v_duplicate = 1;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    START TRANSACTION;
    INSERT INTO waitlist_locks (session_id) VALUES (p_session_id) ON DUPLICATE KEY UPDATE session_id = session_id;
    -- the transaction's first read, after the lock: it sees a first run
    -- that committed meanwhile (not a locking read: the gap lock of a
    -- number not yet there would make two joins deadlock)
    SELECT id INTO v_entry FROM waitlist_entries
     WHERE entry_no = p_no AND session_id = p_session_id AND person_key = p_person_key;
    IF v_entry IS NOT NULL THEN
        SELECT COUNT(*) INTO v_position FROM waitlist_entries
         WHERE session_id = p_session_id AND status = 'waiting' AND id <= v_entry;
        COMMIT;
        SELECT 'waiting' AS outcome, v_position AS position;
        LEAVE join_;
    END IF;
    -- read after the lock: a place freed before it is seen here
    SELECT cs.department_id, cs.session_date, cs.period,
           CASE WHEN cs.status <> 'open' OR cs.session_date >= CURDATE() + INTERVAL p_days_ahead DAY
                     OR SUM(t.is_open = 1 AND t.starts_at > NOW() + INTERVAL p_cutoff_minutes MINUTE) = 0
                THEN 'booking_closed'
                WHEN SUM(t.is_open = 1 AND t.starts_at > NOW() + INTERVAL p_cutoff_minutes MINUTE
                         AND t.booked < t.capacity) > 0 THEN 'places_free'
                ELSE 'open' END
      INTO v_department, v_date, v_period, v_state
      FROM clinic_sessions cs JOIN time_slots t ON t.session_id = cs.id
     WHERE cs.id = p_session_id GROUP BY cs.id;
    IF v_state IS NULL OR v_state <> 'open' THEN
        ROLLBACK;
        SELECT COALESCE(v_state, 'not_found') AS outcome, NULL AS position;
        LEAVE join_;
    END IF;
    IF EXISTS (SELECT 1 FROM bookings WHERE person_key = p_person_key AND department_id = v_department
                 AND session_date = v_date AND period = v_period AND holds_place = 1) THEN
        ROLLBACK;
        SELECT 'booking_duplicate' AS outcome, NULL AS position;
        LEAVE join_;
    END IF;
    SELECT COUNT(*) INTO v_count FROM waitlist_entries WHERE mobile = p_mobile AND status IN ('waiting', 'offered');
    IF v_count >= p_max_per_mobile THEN
        ROLLBACK;
        SELECT 'waitlist_limit' AS outcome, p_max_per_mobile AS position;
        LEAVE join_;
    END IF;
    INSERT INTO waitlist_entries (entry_no, link_token, session_id, department_id, session_date, period,
                                  person_key, patient_name, id_type, id_number, mobile, for_family, created_at)
    VALUES (p_no, p_link_token, p_session_id, v_department, v_date, v_period,
            p_person_key, p_name, p_id_type, p_id_number, p_mobile, p_for_family, NOW());
    IF v_duplicate THEN
        ROLLBACK;
        SELECT 'already_waiting' AS outcome, NULL AS position;
        LEAVE join_;
    END IF;
    SET v_entry = LAST_INSERT_ID();
    SELECT COUNT(*) INTO v_position FROM waitlist_entries
     WHERE session_id = p_session_id AND status = 'waiting' AND id <= v_entry;
    CALL queue_waitlist_message('waitlist_joined', v_entry);
    COMMIT;
    SELECT 'waiting' AS outcome, v_position AS position;
END //

-- waitlist_confirm of 014: an entry already booked as p_no answered again
CREATE PROCEDURE waitlist_confirm(IN p_entry_no CHAR(10), IN p_no CHAR(10),
                                  IN p_cutoff_minutes INT, IN p_days_ahead INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'an offered place booked; answers outcome and until'
confirm: BEGIN
    DECLARE v_id INT UNSIGNED DEFAULT NULL;
    DECLARE v_slot INT UNSIGNED;
    DECLARE v_live TINYINT;
    DECLARE v_booked_as CHAR(10);
    DECLARE v_person_key CHAR(64);
    DECLARE v_name VARCHAR(32);
    DECLARE v_id_type VARCHAR(16);
    DECLARE v_id_number VARCHAR(32);
    DECLARE v_mobile CHAR(11);
    DECLARE v_for_family TINYINT;
    DECLARE v_outcome VARCHAR(24);
    DECLARE v_until VARCHAR(10);
    DECLARE v_limit, v_window INT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    START TRANSACTION;
    SELECT id, offer_slot_id, (status = 'offered' AND offer_expires_at > NOW()), booking_no,
           person_key, patient_name, id_type, id_number, mobile, for_family
      INTO v_id, v_slot, v_live, v_booked_as, v_person_key, v_name, v_id_type, v_id_number, v_mobile, v_for_family
      FROM waitlist_entries WHERE entry_no = p_entry_no FOR UPDATE;
    IF v_booked_as = p_no THEN
        COMMIT;
        SELECT 'booked' AS outcome, NULL AS until, NULL AS no_show_limit, NULL AS window_days,
               NULL AS max_active;
        LEAVE confirm;
    END IF;
    IF v_id IS NULL OR NOT v_live THEN
        ROLLBACK;
        SELECT IF(v_id IS NULL, 'not_found', 'offer_gone') AS outcome, NULL AS until,
               NULL AS no_show_limit, NULL AS window_days, NULL AS max_active;
        LEAVE confirm;
    END IF;
    -- the held place is let go and taken at once, by the rules of any booking
    UPDATE time_slots SET booked = booked - 1 WHERE id = v_slot AND booked > 0;
    CALL take_place(v_slot, p_no, v_person_key, v_name, v_id_type, v_id_number, v_mobile, v_for_family,
                    p_cutoff_minutes, p_days_ahead, v_outcome, v_until, v_limit, v_window);
    IF v_outcome = 'booked' THEN
        UPDATE waitlist_entries SET status = 'booked', booking_no = p_no, ended_at = NOW() WHERE id = v_id;
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;
    SELECT v_outcome AS outcome, v_until AS until, v_limit AS no_show_limit, v_window AS window_days,
           v_limit AS max_active;
END //

-- waitlist_leave of 014: an entry that has left is answered 'left' again
CREATE PROCEDURE waitlist_leave(IN p_entry_no CHAR(10), IN p_cutoff_minutes INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'leave a waitlist or decline its offer'
BEGIN
    DECLARE v_id INT UNSIGNED DEFAULT NULL;
    DECLARE v_status VARCHAR(16);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    START TRANSACTION;
    SELECT id, status INTO v_id, v_status FROM waitlist_entries WHERE entry_no = p_entry_no FOR UPDATE;
    IF v_status = 'offered' THEN
        CALL waitlist_release(v_id, 'left', p_cutoff_minutes);
    ELSEIF v_status = 'waiting' THEN
        UPDATE waitlist_entries SET status = 'left', ended_at = NOW() WHERE id = v_id;
    ELSEIF v_status IS NULL OR v_status <> 'left' THEN
        SET v_id = NULL;
    END IF;
    COMMIT;
    SELECT IF(v_id IS NULL, 'not_found', 'left') AS outcome;
END //

DELIMITER ;
