-- 021: a mobile's booking limit holds on a Galera cluster too.
--
-- take_place (sql/008) counts a mobile's active bookings under a lock on
-- the mobile's row of booking_mobile_locks, taken by an INSERT ... ON
-- DUPLICATE KEY UPDATE that changed nothing.  On one server the lock is
-- enough.  On a cluster a lock is seen only by its own node, and a row
-- that did not change is not replicated, so two bookings for one mobile
-- made through two nodes at once both saw room for one more (six bookings
-- where the limit is five, found by running the HTTP tests on the
-- cluster).  Now every take changes the row (a counter of takes), so two
-- such transactions write the same row: Galera certifies one and rolls the
-- other back, and the core runs the loser again, when it sees the limit.
ALTER TABLE booking_mobile_locks ADD COLUMN takes BIGINT UNSIGNED NOT NULL DEFAULT 0;

DROP PROCEDURE take_place;

DELIMITER //

-- take_place of 008, the mobile's row written, not only locked
CREATE PROCEDURE take_place(
    IN p_slot_id INT UNSIGNED, IN p_no CHAR(10), IN p_person_key CHAR(64),
    IN p_name VARCHAR(32), IN p_id_type VARCHAR(16), IN p_id_number VARCHAR(32),
    IN p_mobile CHAR(11), IN p_for_family TINYINT,
    IN p_cutoff_minutes INT, IN p_days_ahead INT,
    OUT p_outcome VARCHAR(24), OUT p_until VARCHAR(10),
    OUT p_no_show_limit INT, OUT p_window_days INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'one place taken, in the caller''s transaction'
take: BEGIN
    DECLARE v_state VARCHAR(16) DEFAULT NULL;
    DECLARE v_session INT UNSIGNED;
    DECLARE v_department SMALLINT UNSIGNED;
    DECLARE v_date DATE;
    DECLARE v_period VARCHAR(16);
    DECLARE v_suspend_days INT;
    DECLARE v_no_shows INT DEFAULT 0;
    DECLARE v_last_no_show DATETIME DEFAULT NULL;
    DECLARE v_duplicate TINYINT DEFAULT 0;
    DECLARE v_active INT DEFAULT 0;
    DECLARE v_max_active INT;
    DECLARE CONTINUE HANDLER FOR 1062 SET v_duplicate = 1;

    SET p_outcome = NULL, p_until = NULL, p_no_show_limit = NULL, p_window_days = NULL;

    INSERT INTO booking_mobile_locks (mobile) VALUES (p_mobile)
        ON DUPLICATE KEY UPDATE takes = takes + 1;
    SELECT COUNT(*) INTO v_active FROM bookings
     WHERE mobile = p_mobile AND status = 'booked' AND session_date >= CURDATE();
    SELECT max_active_per_mobile INTO v_max_active FROM booking_rules WHERE id = 1;
    IF v_active >= v_max_active THEN
        SET p_outcome = 'mobile_limit', p_no_show_limit = v_max_active;
        LEAVE take;
    END IF;

    SELECT cs.id, cs.department_id, cs.session_date, cs.period,
           IF(cs.status <> 'open' OR t.is_open = 0
              OR t.starts_at <= NOW() + INTERVAL p_cutoff_minutes MINUTE
              OR cs.session_date >= CURDATE() + INTERVAL p_days_ahead DAY, 'booking_closed', 'open'),
           r.no_show_limit, r.no_show_window_days, r.suspend_days
      INTO v_session, v_department, v_date, v_period, v_state,
           p_no_show_limit, p_window_days, v_suspend_days
      FROM booking_rules r
      JOIN time_slots t ON t.id = p_slot_id
      JOIN clinic_sessions cs ON cs.id = t.session_id
     WHERE r.id = 1;
    IF v_state IS NULL OR v_state <> 'open' THEN
        SET p_outcome = COALESCE(v_state, 'not_found');
        LEAVE take;
    END IF;

    SELECT COUNT(*), MAX(t.ends_at) INTO v_no_shows, v_last_no_show
      FROM bookings b JOIN time_slots t ON t.id = b.slot_id
     WHERE b.person_key = p_person_key
       AND t.ends_at > NOW() - INTERVAL p_window_days DAY
       AND (b.status = 'no_show' OR (b.status = 'booked' AND t.ends_at < NOW()));
    IF v_no_shows >= p_no_show_limit AND v_last_no_show + INTERVAL v_suspend_days DAY > NOW() THEN
        SET p_outcome = 'booking_suspended',
            p_until = DATE_FORMAT(v_last_no_show + INTERVAL v_suspend_days DAY, '%Y-%m-%d');
        LEAVE take;
    END IF;

    UPDATE time_slots SET booked = booked + 1
     WHERE id = p_slot_id AND booked < capacity AND is_open = 1;
    IF ROW_COUNT() = 0 THEN
        SET p_outcome = 'slot_full';
        LEAVE take;
    END IF;

    INSERT INTO bookings (confirmation_no, slot_id, session_id, department_id, session_date, period,
                          person_key, patient_name, id_type, id_number, mobile, for_family, created_at)
    VALUES (p_no, p_slot_id, v_session, v_department, v_date, v_period,
            p_person_key, p_name, p_id_type, p_id_number, p_mobile, p_for_family, NOW());
    IF v_duplicate THEN
        SET p_outcome = 'booking_duplicate';
        LEAVE take;
    END IF;

    CALL queue_booking_message('booking_made', p_no);
    SET p_outcome = 'booked';
END //

DELIMITER ;
