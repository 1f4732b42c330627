-- 008: booking cannot be scalped (号贩子).  Before booking, the mobile
-- proves itself with a code sent to it (短信验证码, cgi/core/verify.c);
-- then one mobile holds at most a few active bookings (the hospital's
-- setting, booking_rules.max_active_per_mobile), and booking POSTs are
-- limited per client address (rate rule booking.client, sql/007).
--
-- The notification outbox of 004 is made general on the way: a kind is
-- any message text's name (Lang.Sms.<kind>), not a fixed list, and a
-- message whose parameters are secret (a verification code) has them
-- erased once it is delivered.

ALTER TABLE notification_outbox
    MODIFY kind VARCHAR(32) NOT NULL,
    ADD COLUMN erase_after_send TINYINT(1) NOT NULL DEFAULT 0 AFTER params;

-- One code at a time per mobile: a new one replaces the last.  Only a MAC
-- of the code (the 'verify' key) is kept, so the table does not give the
-- codes away; five wrong tries spend it.
CREATE TABLE verification_codes (
    mobile      CHAR(11)         NOT NULL PRIMARY KEY,
    code_mac    VARCHAR(64)      NOT NULL,
    attempts    TINYINT UNSIGNED NOT NULL DEFAULT 0,
    created_at  DATETIME         NOT NULL,
    expires_at  DATETIME         NOT NULL,
    KEY (expires_at)
) ENGINE=InnoDB;

INSERT INTO app_secrets (name, value) VALUES ('verify', HEX(RANDOM_BYTES(32)));

-- The hospital's limit of active (booked, not yet seen) bookings per mobile.
ALTER TABLE booking_rules
    ADD COLUMN max_active_per_mobile SMALLINT UNSIGNED NOT NULL DEFAULT 5,
    ADD CONSTRAINT mobile_limit_makes_sense CHECK (max_active_per_mobile BETWEEN 1 AND 50);

-- A mobile's bookings are counted under a lock on its row here: every
-- booking for the mobile takes the lock first, so two bookings made at the
-- same moment cannot both see room for one.
CREATE TABLE booking_mobile_locks (
    mobile CHAR(11) NOT NULL PRIMARY KEY
) ENGINE=InnoDB;

ALTER TABLE bookings ADD KEY active_by_mobile (mobile, status, session_date);

DROP PROCEDURE take_place;
DROP PROCEDURE book_place;
DROP PROCEDURE reschedule_place;

DELIMITER //

-- take_place of 006, with the mobile's limit first: the lock on the
-- mobile's row is taken before anything is read, so the count below (the
-- transaction's first plain read, which fixes its snapshot) sees every
-- booking committed for the mobile.  The outcome 'mobile_limit' answers
-- with the limit in p_no_show_limit's place (p_window_days NULL).
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
        ON DUPLICATE KEY UPDATE mobile = mobile;
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

-- book_place: as in 006.
CREATE PROCEDURE book_place(
    IN p_slot_id INT UNSIGNED, IN p_no CHAR(10), IN p_person_key CHAR(64),
    IN p_name VARCHAR(32), IN p_id_type VARCHAR(16), IN p_id_number VARCHAR(32),
    IN p_mobile CHAR(11), IN p_for_family TINYINT,
    IN p_cutoff_minutes INT, IN p_days_ahead INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'one booking, all or nothing; answers outcome and until'
BEGIN
    DECLARE v_outcome VARCHAR(24);
    DECLARE v_until VARCHAR(10);
    DECLARE v_limit, v_window INT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    START TRANSACTION;
    CALL take_place(p_slot_id, p_no, p_person_key, p_name, p_id_type, p_id_number, p_mobile,
                    p_for_family, p_cutoff_minutes, p_days_ahead, v_outcome, v_until, v_limit, v_window);
    IF v_outcome = 'booked' THEN COMMIT; ELSE ROLLBACK; END IF;
    SELECT v_outcome AS outcome, v_until AS until, v_limit AS no_show_limit, v_window AS window_days,
           v_limit AS max_active;
END //

-- reschedule_place: as in 006; the booking's row is read with FOR UPDATE
-- (already locked by free_place) so no plain read fixes the snapshot
-- before take_place has locked the mobile and counted its bookings.  The
-- old booking is already cancelled in this transaction, so a change never
-- counts twice against the mobile's limit.
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

DELIMITER ;
