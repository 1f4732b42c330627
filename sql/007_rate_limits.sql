-- 007: rate limits, one mechanism for every service (cgi/core/ratelimit.c).
--
-- A rule (rate_rules) says how often something may happen to one subject
-- (a client address, an account at an address, a looked-up number, a
-- mobile): `max_hits` takes within `window_seconds`.  The take that reaches
-- the limit starts a block:
--   block_seconds = 0   until the window ends (a quota: "30 bookings per
--                       10 minutes from one address");
--   block_seconds > 0   for block_seconds, doubling with every further take
--                       while the window lasts, at most max_block_seconds
--                       (a backoff: failed logins, wrong lookups).
-- While blocked, a take is refused and not counted.  A service may forgive
-- takes that turned out well (a good login, a lookup that found its
-- record), so only failures use up the limit.
--
-- The counters (rate_limits) live here, not in a handler's memory, so a
-- limit holds across every worker and host.  Subjects are stored as their
-- SHA-256, so the table holds no address, mobile or number in clear.
-- The rules are data: tuning a limit is one UPDATE, no rebuild (the README
-- says how each was chosen; make bench raises the booking quota for its
-- one-address load).
--
-- Unlike the booking procedures these run with their definer's rights (SQL
-- SECURITY DEFINER): the handlers may only EXECUTE them (sql/grants.sql)
-- and have no right on the tables, so a handler that was taken over still
-- cannot reset its own counters or loosen a rule.

CREATE TABLE rate_rules (
    scope              VARCHAR(32)  NOT NULL PRIMARY KEY,
    max_hits           INT UNSIGNED NOT NULL,
    window_seconds     INT UNSIGNED NOT NULL,
    block_seconds      INT UNSIGNED NOT NULL,
    max_block_seconds  INT UNSIGNED NOT NULL,
    what               VARCHAR(255) NOT NULL,   -- for the people who tune it
    CONSTRAINT rate_rule_sane CHECK (max_hits > 0 AND window_seconds > 0
                                     AND max_block_seconds >= block_seconds)
) ENGINE=InnoDB;

CREATE TABLE rate_limits (
    scope          VARCHAR(32)  NOT NULL,
    subject        CHAR(64)     NOT NULL,      -- SHA-256 hex of the subject
    hits           INT UNSIGNED NOT NULL,
    window_start   DATETIME     NOT NULL,
    blocked_until  DATETIME     NULL,
    PRIMARY KEY (scope, subject),
    KEY (window_start)
) ENGINE=InnoDB;

INSERT INTO rate_rules (scope, max_hits, window_seconds, block_seconds, max_block_seconds, what) VALUES
-- office login (cgi/office/login.c)
('login.pair',      5,  900,  30,  900, 'login attempts at one account from one address (or one trusted browser)'),
('login.address',  20,  900,  60,  900, 'login attempts from one address to any account, browsers not yet trusted'),
('login.account',  10,  900,  10,   10, 'login attempts at one account from browsers not yet trusted: past 10, one per 10 s'),
-- booking (cgi/booking/)
('booking.client', 30,  600,   0,    0, 'booking and change POSTs from one address'),
('lookup.client',  20,  900,  60, 3600, 'failed booking lookups from one address'),
('lookup.number',   5,  900,  60, 3600, 'failed booking lookups of one confirmation number'),
-- mobile verification codes (cgi/core/verify.c)
('verify.mobile',   1,   60,   0,    0, 'codes sent to one mobile: one a minute'),
('verify.mobile.day', 5, 86400, 0,   0, 'codes sent to one mobile: five a day'),
('verify.client',  10, 3600,   0,    0, 'codes sent at the request of one address');

DELIMITER //

-- rate_take: one take of `p_scope` for the subject, answered as one row:
-- allowed (1 or 0), retry_after (seconds until the block ends, 0 when
-- none), until (when it ends: 'HH:MM:SS' today, else 'YYYY-MM-DD HH:MM'),
-- hits.  The counting is a single
-- INSERT ... ON DUPLICATE KEY UPDATE, so concurrent takes of one subject
-- are serialised by its row lock and a limit of 5 lets exactly 5 through.
-- Assignments in ON DUPLICATE KEY UPDATE run left to right and see the
-- values already assigned; @rate_refused carries this take's own answer
-- out of the statement (a later SELECT of the row could see another
-- take's).  Run outside a transaction: the count stays even when the
-- caller's own work is rolled back.
CREATE PROCEDURE rate_take(IN p_scope VARCHAR(32), IN p_subject CHAR(64))
    MODIFIES SQL DATA
    SQL SECURITY DEFINER
    COMMENT 'one take of a rate limit; answers allowed, retry_after, until'
BEGIN
    DECLARE v_now DATETIME DEFAULT NOW();
    DECLARE v_max, v_window, v_block, v_max_block INT UNSIGNED DEFAULT NULL;
    SELECT max_hits, window_seconds, block_seconds, max_block_seconds
      INTO v_max, v_window, v_block, v_max_block
      FROM rate_rules WHERE scope = p_scope;
    IF v_max IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'rate_take: no such rate rule';
    END IF;
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
    SELECT 1 - @rate_refused AS allowed,
           GREATEST(0, COALESCE(TIMESTAMPDIFF(SECOND, v_now, blocked_until), 0)) AS retry_after,
           DATE_FORMAT(blocked_until, IF(DATE(blocked_until) = DATE(v_now), '%H:%i:%s', '%Y-%m-%d %H:%i'))
               AS until, hits
      FROM rate_limits WHERE scope = p_scope AND subject = p_subject;
END //

-- rate_forgive: takes that went well given back (p_hits of them; 0 clears
-- the subject), lifting a block that no longer stands.
CREATE PROCEDURE rate_forgive(IN p_scope VARCHAR(32), IN p_subject CHAR(64), IN p_hits INT UNSIGNED)
    MODIFIES SQL DATA
    SQL SECURITY DEFINER
    COMMENT 'gives back takes that went well'
BEGIN
    IF p_hits = 0 THEN
        DELETE FROM rate_limits WHERE scope = p_scope AND subject = p_subject;
    ELSE
        UPDATE rate_limits r JOIN rate_rules u ON u.scope = r.scope
           SET r.hits = IF(r.hits > p_hits, r.hits - p_hits, 0),
               r.blocked_until = IF(r.hits < u.max_hits, NULL, r.blocked_until)
         WHERE r.scope = p_scope AND r.subject = p_subject;
    END IF;
END //

-- rate_purge: counters whose window and block are long over, forgotten
-- (run every minute by portal-sender).
CREATE PROCEDURE rate_purge()
    MODIFIES SQL DATA
    SQL SECURITY DEFINER
    COMMENT 'forgets counters that no longer limit anything'
BEGIN
    DELETE FROM rate_limits
     WHERE window_start < NOW() - INTERVAL 1 DAY
       AND (blocked_until IS NULL OR blocked_until < NOW());
END //

DELIMITER ;

-- The office login's counters of 001 are replaced by rate_limits.
DROP TABLE login_throttle;

-- The key that signs "this browser has logged in to this account" cookies
-- (cgi/office/login.c): a trusted browser is not slowed by other
-- addresses' failures.
INSERT INTO app_secrets (name, value) VALUES ('device', HEX(RANDOM_BYTES(32)));
