-- 014: booking, second round.
--
-- 候补 (waitlist).  When every place of a clinic session is taken, a
-- patient joins the session's waitlist (waitlist_join).  A place that
-- frees - a cancellation, a change of time (free_place), the office
-- raising a capacity (waitlist_offer after the slot's update) - is not
-- given back to the public while someone waits: it stays counted in the
-- slot's `booked` (so no other booking can take it: the capacity CHECK and
-- take_place's UPDATE ... WHERE booked < capacity are unchanged) and is
-- held for the first person waiting, who is sent an offer through the
-- notification outbox with the link to their waitlist page.  Within the
-- hold window (booking_rules.waitlist_hold_minutes) they confirm
-- (waitlist_confirm): the hold is released and the place taken by
-- take_place under every booking rule (the mobile's limit, no-shows, one
-- place per department and half-day, cut-off), all in one transaction; a
-- refusal changes nothing.  An offer that lapses (waitlist_expire, run by
-- the notification sender every few seconds, so no visitor is needed) or is
-- declined goes to the next person, or back to the public when nobody waits.
--
-- Locks are always taken in one order, so the steps serialise without
-- deadlocks: an offered entry, then the slot, then the session's row in
-- waitlist_locks, then waiting entries.  Every read after the session's
-- lock is a locking read or happens after it (so it sees every committed
-- change): a freed place is offered to one person only, and never lost.
--
-- 候诊叫号 (waiting-room queue): queue_tickets, one per checked-in booking,
-- numbered per session in check-in order; called in the order of the slot's
-- time (a late arrival, after their slot ended, at the time they came), then
-- check-in time.
--
-- 导诊 (triage): symptom_departments, the office's table of symptoms and the
-- departments they belong to, with the 24-hour emergency line for those
-- that need it.

ALTER TABLE booking_rules
    ADD COLUMN waitlist_hold_minutes SMALLINT UNSIGNED NOT NULL DEFAULT 30,
    ADD CONSTRAINT hold_makes_sense CHECK (waitlist_hold_minutes BETWEEN 5 AND 240);

CREATE TABLE waitlist_entries (
    id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_no         CHAR(10)     NOT NULL UNIQUE,
    link_token       VARCHAR(32)  NOT NULL,     -- the MAC in the entry's link (booking's 'checkin' key)
    session_id       INT UNSIGNED NOT NULL,
    department_id    SMALLINT UNSIGNED NOT NULL,
    session_date     DATE         NOT NULL,
    period           ENUM('morning', 'afternoon', 'evening') NOT NULL,
    person_key       CHAR(64)     NOT NULL,
    patient_name     VARCHAR(32)  NOT NULL,
    id_type          ENUM('resident_id', 'passport', 'hk_macao', 'taiwan', 'other') NOT NULL,
    id_number        VARCHAR(32)  NOT NULL,
    mobile           CHAR(11)     NOT NULL,
    for_family       TINYINT(1)   NOT NULL DEFAULT 0,
    status           ENUM('waiting', 'offered', 'booked', 'lapsed', 'left', 'closed') NOT NULL DEFAULT 'waiting',
    active           TINYINT(1) AS (IF(status IN ('waiting', 'offered'), 1, NULL)) PERSISTENT,
    created_at       DATETIME     NOT NULL,
    offer_slot_id    INT UNSIGNED NULL,
    offered_at       DATETIME     NULL,
    offer_expires_at DATETIME     NULL,
    booking_no       CHAR(10)     NULL,
    ended_at         DATETIME     NULL,
    UNIQUE KEY one_wait_per_session (person_key, session_id, active),
    KEY line (session_id, status, id),
    KEY offers_due (status, offer_expires_at),
    KEY by_mobile (mobile, status),
    FOREIGN KEY (session_id) REFERENCES clinic_sessions (id),
    FOREIGN KEY (offer_slot_id) REFERENCES time_slots (id)
) ENGINE=InnoDB;

-- One row per session with a waitlist: every step that reads or changes a
-- session's line takes its row first.
CREATE TABLE waitlist_locks (
    session_id INT UNSIGNED NOT NULL PRIMARY KEY
) ENGINE=InnoDB;

CREATE TABLE queue_tickets (
    booking_id     INT UNSIGNED NOT NULL PRIMARY KEY,
    session_id     INT UNSIGNED NOT NULL,
    queue_no       SMALLINT UNSIGNED NOT NULL,
    slot_starts_at DATETIME     NOT NULL,
    checked_in_at  DATETIME     NOT NULL,
    -- where the patient stands: their slot's start; a late arrival (after
    -- the slot ended) or a skipped patient who comes back: when they came
    order_at       DATETIME     NOT NULL,
    state          ENUM('waiting', 'called', 'skipped', 'done') NOT NULL DEFAULT 'waiting',
    called_at      DATETIME     NULL,
    UNIQUE KEY (session_id, queue_no),
    KEY calling_order (session_id, state, order_at, checked_in_at),
    FOREIGN KEY (booking_id) REFERENCES bookings (id),
    FOREIGN KEY (session_id) REFERENCES clinic_sessions (id)
) ENGINE=InnoDB;

CREATE TABLE symptom_departments (
    id             SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    symptom        VARCHAR(32)  NOT NULL,
    department_id  SMALLINT UNSIGNED NOT NULL,
    emergency      TINYINT(1)   NOT NULL DEFAULT 0,   -- show the 24-hour emergency line first
    UNIQUE KEY (symptom, department_id),
    FOREIGN KEY (department_id) REFERENCES departments (id)
) ENGINE=InnoDB;

DELIMITER //

-- A waitlist message: the entry's details and its link.
CREATE PROCEDURE queue_waitlist_message(IN p_kind VARCHAR(32), IN p_entry INT UNSIGNED)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'outbox row for a waitlist event, in the caller''s transaction'
BEGIN
    INSERT INTO notification_outbox (idempotency_key, kind, mobile, params, next_attempt_at, created_at)
    SELECT CONCAT(p_kind, ':', w.entry_no, ':', COALESCE(DATE_FORMAT(w.offered_at, '%Y%m%d%H%i%s'), '-')),
           p_kind, w.mobile,
           JSON_OBJECT('no', w.entry_no, 'name', w.patient_name, 'department', dep.name, 'doctor', d.name,
                       'date', DATE_FORMAT(w.session_date, '%Y-%m-%d'),
                       'time', COALESCE(DATE_FORMAT(t.starts_at, '%H:%i'), ''),
                       'until', COALESCE(DATE_FORMAT(w.offer_expires_at, '%m-%d %H:%i'), ''),
                       'link', CONCAT('/booking/waitlist?no=', w.entry_no, '&t=', w.link_token)),
           NOW(), NOW()
      FROM waitlist_entries w
      JOIN clinic_sessions cs ON cs.id = w.session_id
      JOIN doctors d ON d.id = cs.doctor_id
      JOIN departments dep ON dep.id = w.department_id
      LEFT JOIN time_slots t ON t.id = w.offer_slot_id
     WHERE w.id = p_entry;
END //

-- waitlist_offer: the free places of a slot offered to the people waiting
-- for its session, first come first offered, each held for the hold window
-- (never past the booking cut-off), inside the caller's transaction.  The
-- caller holds the slot's row (it freed a place or raised the capacity).
-- Answers the number of offers made in p_offers.
CREATE PROCEDURE waitlist_offer(IN p_slot_id INT UNSIGNED, IN p_cutoff_minutes INT, OUT p_offers INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'free places of a slot held for the first people waiting'
offer: BEGIN
    DECLARE v_session INT UNSIGNED DEFAULT NULL;
    DECLARE v_entry INT UNSIGNED;
    DECLARE v_hold INT;
    DECLARE v_expires DATETIME;
    SET p_offers = 0;
    SELECT t.session_id, LEAST(NOW() + INTERVAL r.waitlist_hold_minutes MINUTE,
                               t.starts_at - INTERVAL p_cutoff_minutes MINUTE)
      INTO v_session, v_expires
      FROM time_slots t JOIN clinic_sessions cs ON cs.id = t.session_id JOIN booking_rules r ON r.id = 1
     WHERE t.id = p_slot_id AND t.is_open = 1 AND cs.status = 'open'
       AND t.starts_at > NOW() + INTERVAL p_cutoff_minutes MINUTE
      -- a locking read: a plain one would fix the transaction's snapshot
      -- before take_place counts a mobile's bookings under its lock (008)
      LOCK IN SHARE MODE;
    IF v_session IS NULL THEN LEAVE offer; END IF;
    INSERT INTO waitlist_locks (session_id) VALUES (v_session) ON DUPLICATE KEY UPDATE session_id = session_id;
    places: LOOP
        SET v_entry = NULL;
        SELECT id INTO v_entry FROM waitlist_entries
         WHERE session_id = v_session AND status = 'waiting' ORDER BY id LIMIT 1 FOR UPDATE;
        IF v_entry IS NULL THEN LEAVE places; END IF;
        -- the place is held: counted as booked, so nobody else can take it
        UPDATE time_slots SET booked = booked + 1 WHERE id = p_slot_id AND booked < capacity;
        IF ROW_COUNT() = 0 THEN LEAVE places; END IF;
        UPDATE waitlist_entries SET status = 'offered', offer_slot_id = p_slot_id, offered_at = NOW(),
               offer_expires_at = v_expires WHERE id = v_entry;
        CALL queue_waitlist_message('waitlist_offer', v_entry);
        SET p_offers = p_offers + 1;
    END LOOP;
END //

-- The hold of an offered entry ends (lapsed, declined, or closed): the place
-- goes to the next person waiting, else back to the public.  In the
-- caller's transaction, which holds the entry's row.
CREATE PROCEDURE waitlist_release(IN p_entry INT UNSIGNED, IN p_status VARCHAR(16), IN p_cutoff_minutes INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'an offer ended: its place offered to the next, or freed'
BEGIN
    DECLARE v_slot INT UNSIGNED;
    DECLARE v_offers INT;
    SELECT offer_slot_id INTO v_slot FROM waitlist_entries WHERE id = p_entry AND status = 'offered' FOR UPDATE;
    IF v_slot IS NOT NULL THEN
        UPDATE time_slots SET booked = booked - 1 WHERE id = v_slot AND booked > 0;
        UPDATE waitlist_entries SET status = p_status, ended_at = NOW() WHERE id = p_entry;
        CALL waitlist_offer(v_slot, p_cutoff_minutes, v_offers);
    END IF;
END //

-- waitlist_join: a place in the line of a full session, for one person
-- (the same identity as a booking), all or nothing.  Answers outcome
-- ('waiting', 'not_found', 'booking_closed', 'places_free',
-- 'already_waiting', 'booking_duplicate', 'waitlist_limit') and the
-- position in the line.
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

-- waitlist_confirm: the offered place booked, under every booking rule
-- (take_place), all or nothing.  Answers outcome: 'booked', 'not_found',
-- 'offer_gone' (lapsed, declined, closed or not offered), or a refusal of
-- take_place (the hold stays until it lapses or is declined).
CREATE PROCEDURE waitlist_confirm(IN p_entry_no CHAR(10), IN p_no CHAR(10),
                                  IN p_cutoff_minutes INT, IN p_days_ahead INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'an offered place booked; answers outcome and until'
confirm: BEGIN
    DECLARE v_id INT UNSIGNED DEFAULT NULL;
    DECLARE v_slot INT UNSIGNED;
    DECLARE v_live TINYINT;
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
    SELECT id, offer_slot_id, (status = 'offered' AND offer_expires_at > NOW()),
           person_key, patient_name, id_type, id_number, mobile, for_family
      INTO v_id, v_slot, v_live, v_person_key, v_name, v_id_type, v_id_number, v_mobile, v_for_family
      FROM waitlist_entries WHERE entry_no = p_entry_no FOR UPDATE;
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

-- waitlist_leave: the patient leaves the line, or declines an offer (whose
-- place goes to the next).  Answers outcome 'left' or 'not_found'.
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
    ELSE
        SET v_id = NULL;
    END IF;
    COMMIT;
    SELECT IF(v_id IS NULL, 'not_found', 'left') AS outcome;
END //

-- waitlist_expire: one lapsed offer (its hold window over) handled: the
-- patient told, the place offered to the next.  Run by the notification
-- sender until it answers 0.  Offers being confirmed are skipped (their
-- rows are locked) and looked at again on the next round.
CREATE PROCEDURE waitlist_expire(IN p_cutoff_minutes INT)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'one lapsed offer given to the next; answers lapsed 0 or 1'
BEGIN
    DECLARE v_id INT UNSIGNED DEFAULT NULL;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    START TRANSACTION;
    SELECT id INTO v_id FROM waitlist_entries
     WHERE status = 'offered' AND offer_expires_at <= NOW()
     ORDER BY offer_expires_at, id LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF v_id IS NOT NULL THEN
        CALL queue_waitlist_message('waitlist_lapsed', v_id);
        CALL waitlist_release(v_id, 'lapsed', p_cutoff_minutes);
    END IF;
    COMMIT;
    SELECT (v_id IS NOT NULL) AS lapsed;
END //

-- waitlist_close: a stopped session's line ends; everyone in it is told.
-- In the caller's transaction.
CREATE PROCEDURE waitlist_close(IN p_session_id INT UNSIGNED)
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'a stopped session''s waitlist closed, each person told'
BEGIN
    DECLARE v_id INT UNSIGNED;
    INSERT INTO waitlist_locks (session_id) VALUES (p_session_id) ON DUPLICATE KEY UPDATE session_id = session_id;
    closing: LOOP
        SET v_id = NULL;
        SELECT id INTO v_id FROM waitlist_entries
         WHERE session_id = p_session_id AND status IN ('waiting', 'offered') ORDER BY id LIMIT 1 FOR UPDATE;
        IF v_id IS NULL THEN LEAVE closing; END IF;
        CALL queue_waitlist_message('waitlist_closed', v_id);
        UPDATE waitlist_entries SET status = 'closed', ended_at = NOW() WHERE id = v_id;
    END LOOP;
END //

-- free_place of 006, and the freed place offered to the session's waitlist
-- (the booking and its slot are locked first, then the session's line).
DROP PROCEDURE free_place //
CREATE PROCEDURE free_place(
    IN p_no CHAR(10), IN p_cutoff_minutes INT, IN p_reason VARCHAR(32),
    OUT p_slot_id INT UNSIGNED, OUT p_outcome VARCHAR(24))
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'one place given back (or offered to the waitlist), in the caller''s transaction'
free: BEGIN
    DECLARE v_id INT UNSIGNED DEFAULT NULL;
    DECLARE v_in_time TINYINT;
    DECLARE v_offers INT;
    SET p_slot_id = NULL;
    SELECT b.id, b.slot_id, (b.status = 'booked' AND t.starts_at > NOW() + INTERVAL p_cutoff_minutes MINUTE)
      INTO v_id, p_slot_id, v_in_time
      FROM bookings b JOIN time_slots t ON t.id = b.slot_id
     WHERE b.confirmation_no = p_no
       FOR UPDATE;
    IF v_id IS NULL OR NOT v_in_time THEN
        SET p_outcome = IF(v_id IS NULL, 'not_found', 'too_late');
        LEAVE free;
    END IF;
    UPDATE bookings SET status = 'cancelled', cancelled_at = NOW(), cancel_reason = p_reason
     WHERE id = v_id;
    UPDATE time_slots SET booked = booked - 1 WHERE id = p_slot_id AND booked > 0;
    CALL waitlist_offer(p_slot_id, p_cutoff_minutes, v_offers);
    SET p_outcome = 'freed';
END //

DELIMITER ;
