-- 022: a booking's take of its address's quota counted by book_place.
--
-- A booking POST took one hit of booking.client (CALL rate_take, a round
-- trip of its own) and then called book_place.  Now a valid booking form
-- hands the address's subject to book_place, which counts the take first:
-- one round trip per booking.  The take is its own statement, committed
-- before the booking's transaction begins, as rate_take's was: so it is
-- kept whatever becomes of the booking, and the counter row is locked for
-- a moment only.  (Counted inside the booking's transaction, the gap locks
-- of inserting new addresses' rows were held to its end, and concurrent
-- bookings deadlocked on them: 18 of 200 simultaneous bookings on a Galera
-- cluster ran out of retries.)  A booking the core runs again after a
-- deadlock or a certification conflict takes again, as it did before.
--
-- rate_count is rate_take's counting with the answer in OUT parameters, so
-- a procedure can use it; rate_take is now that and its SELECT (one
-- definition of the counting).

DROP PROCEDURE rate_take;
DROP PROCEDURE book_place;

DELIMITER //

CREATE PROCEDURE rate_count(IN p_scope VARCHAR(32), IN p_subject CHAR(64),
                            OUT p_allowed TINYINT, OUT p_retry_after INT, OUT p_until VARCHAR(16),
                            OUT p_hits INT UNSIGNED)
    MODIFIES SQL DATA
    SQL SECURITY DEFINER
    COMMENT 'one take of a rate limit, answered in OUT parameters'
BEGIN
    DECLARE v_now DATETIME DEFAULT NOW();
    DECLARE v_max, v_window, v_block, v_max_block INT UNSIGNED DEFAULT NULL;
    DECLARE v_blocked_until DATETIME;
    -- Locking reads only, here and below: should a caller count inside its
    -- own transaction, a plain read would fix the transaction's snapshot
    -- here, before the caller's own locks (book_place's take_place reads a
    -- mobile's bookings after locking the mobile, sql/008).
    SELECT max_hits, window_seconds, block_seconds, max_block_seconds
      INTO v_max, v_window, v_block, v_max_block
      FROM rate_rules WHERE scope = p_scope LOCK IN SHARE MODE;
    IF v_max IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rate_take: no such rate rule';
    END IF;
    -- the counting of 007, unchanged: see rate_take there
    SET @rate_refused = 0;
    INSERT INTO rate_limits (scope, subject, hits, window_start, blocked_until)
    VALUES (p_scope, p_subject, 1, v_now,
            IF(v_max <= 1, v_now + INTERVAL IF(v_block = 0, v_window, v_block) SECOND, NULL))
    ON DUPLICATE KEY UPDATE
        hits = IF((@rate_refused := COALESCE(blocked_until > v_now, 0)), hits,
                  IF(window_start <= v_now - INTERVAL v_window SECOND, 1, hits + 1)),
        window_start = IF(@rate_refused OR hits > 1, window_start, v_now),
        blocked_until = IF(@rate_refused, blocked_until,
                           IF(hits < v_max, NULL,
                              IF(v_block = 0, window_start + INTERVAL v_window SECOND,
                                 v_now + INTERVAL CAST(LEAST(v_max_block, v_block * POW(2, hits - v_max)) AS UNSIGNED) SECOND)));
    SELECT hits, blocked_until INTO p_hits, v_blocked_until
      FROM rate_limits WHERE scope = p_scope AND subject = p_subject FOR UPDATE;
    SET p_allowed = 1 - @rate_refused,
        p_retry_after = GREATEST(0, COALESCE(TIMESTAMPDIFF(SECOND, v_now, v_blocked_until), 0)),
        p_until = DATE_FORMAT(v_blocked_until, IF(DATE(v_blocked_until) = DATE(v_now), '%H:%i:%s', '%Y-%m-%d %H:%i'));
END //

CREATE PROCEDURE rate_take(IN p_scope VARCHAR(32), IN p_subject CHAR(64))
    MODIFIES SQL DATA
    SQL SECURITY DEFINER
    COMMENT 'one take of a rate limit; answers allowed, retry_after, until'
BEGIN
    DECLARE v_allowed TINYINT;
    DECLARE v_retry INT;
    DECLARE v_until VARCHAR(16);
    DECLARE v_hits INT UNSIGNED;
    CALL rate_count(p_scope, p_subject, v_allowed, v_retry, v_until, v_hits);
    SELECT v_allowed AS allowed, v_retry AS retry_after, v_until AS until, v_hits AS hits;
END //

-- book_place of 008, after the take of booking.client for p_client (the
-- address's subject, hashed as ratelimit.c hashes it).  Answers outcome
-- 'rate_limited' with the take's retry_after and until when the address is
-- over its quota.  Called outside a transaction (autocommit): the take
-- commits by itself before the booking's transaction starts.
CREATE PROCEDURE book_place(
    IN p_slot_id INT UNSIGNED, IN p_no CHAR(10), IN p_person_key CHAR(64),
    IN p_name VARCHAR(32), IN p_id_type VARCHAR(16), IN p_id_number VARCHAR(32),
    IN p_mobile CHAR(11), IN p_for_family TINYINT,
    IN p_cutoff_minutes INT, IN p_days_ahead INT, IN p_client CHAR(64))
    MODIFIES SQL DATA
    SQL SECURITY INVOKER
    COMMENT 'the address quota taken, then one booking, all or nothing; answers outcome and until'
BEGIN
    DECLARE v_outcome VARCHAR(24);
    DECLARE v_until VARCHAR(10);
    DECLARE v_limit, v_window INT;
    DECLARE v_allowed TINYINT;
    DECLARE v_retry INT;
    DECLARE v_rate_until VARCHAR(16);
    DECLARE v_hits INT UNSIGNED;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    CALL rate_count('booking.client', p_client, v_allowed, v_retry, v_rate_until, v_hits);
    IF v_allowed = 0 THEN
        SELECT 'rate_limited' AS outcome, v_retry AS retry_after, v_rate_until AS until, v_hits AS hits;
    ELSE
        START TRANSACTION;
        CALL take_place(p_slot_id, p_no, p_person_key, p_name, p_id_type, p_id_number, p_mobile,
                        p_for_family, p_cutoff_minutes, p_days_ahead, v_outcome, v_until, v_limit, v_window);
        IF v_outcome = 'booked' THEN COMMIT; ELSE ROLLBACK; END IF;
        SELECT v_outcome AS outcome, v_until AS until, v_limit AS no_show_limit, v_window AS window_days,
               v_limit AS max_active;
    END IF;
END //

DELIMITER ;
