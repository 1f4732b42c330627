-- 012: satisfaction surveys (满意度调查), invitations, phone follow-up (随访).
--
-- A survey is a version: once it has a response its questions never change;
-- the office edits a new version (previous_id points back, the old one is
-- archived), so every stored answer keeps the question it answered.
-- Responses are anonymous: no name, mobile, booking or invitation is stored
-- with them, only the survey, the department, the channel and the month.
-- An invitation is a one-time token (only its SHA-256 is stored) sent
-- through the outbox after a visit or printed as a QR code for a ward; it
-- is spent in the same transaction as the response it allows.
-- survey_stats keeps the counts per survey, question, department, month and
-- channel up to date in each response's own transaction, so the results
-- page reads a few hundred rows however many responses there are.

CREATE TABLE surveys (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL,              -- the same for every version
    version        INT UNSIGNED NOT NULL DEFAULT 1,
    previous_id    INT UNSIGNED NULL,
    title          VARCHAR(200) NOT NULL,
    audience       ENUM('outpatient', 'inpatient', 'department', 'volunteer') NOT NULL,
    department_id  SMALLINT UNSIGNED NULL,             -- audience 'department'
    is_public      TINYINT(1)   NOT NULL DEFAULT 0,    -- listed at /surveys/ for anyone
    opens_on       DATE         NOT NULL,
    closes_on      DATE         NOT NULL,
    status         ENUM('active', 'archived') NOT NULL DEFAULT 'active',
    responses      INT UNSIGNED NOT NULL DEFAULT 0,    -- kept in each response's transaction
    created_at     DATETIME     NOT NULL,
    UNIQUE KEY (code, version),
    KEY (status, opens_on, closes_on),
    CONSTRAINT survey_dates CHECK (closes_on >= opens_on)
) ENGINE=InnoDB;

CREATE TABLE survey_questions (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survey_id  INT UNSIGNED NOT NULL,
    position   SMALLINT UNSIGNED NOT NULL,
    kind       ENUM('rating', 'single', 'multiple', 'text') NOT NULL,
    prompt     VARCHAR(300) NOT NULL,
    required   TINYINT(1)   NOT NULL DEFAULT 1,
    choices    TEXT         NULL,                      -- one per line (single, multiple)
    UNIQUE KEY (survey_id, position),
    FOREIGN KEY (survey_id) REFERENCES surveys (id)
) ENGINE=InnoDB;

CREATE TABLE survey_invitations (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survey_id      INT UNSIGNED NOT NULL,
    token_hash     CHAR(64)     NOT NULL UNIQUE,       -- SHA-256 of the token
    booking_id     INT UNSIGNED NULL UNIQUE,           -- once per visit
    department_id  SMALLINT UNSIGNED NULL,
    ward           VARCHAR(60)  NULL,                  -- a printed batch
    created_at     DATETIME     NOT NULL,
    expires_at     DATETIME     NOT NULL,
    used_at        DATETIME     NULL,
    FOREIGN KEY (survey_id) REFERENCES surveys (id)
) ENGINE=InnoDB;

-- When a mobile was last invited after a visit (at most once in 7 days):
-- the mobile as its MAC with the 'surveys' key, never the number.  Taken by
-- one INSERT ... ON DUPLICATE KEY UPDATE, which two check-ins of one mobile
-- at the same moment serialise on the row (no gap locks, no deadlock).
CREATE TABLE survey_invite_mobiles (
    mobile_mac       CHAR(64) NOT NULL PRIMARY KEY,
    last_invited_at  DATETIME NOT NULL
) ENGINE=InnoDB;

CREATE TABLE survey_responses (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survey_id      INT UNSIGNED NOT NULL,
    department_id  SMALLINT UNSIGNED NOT NULL DEFAULT 0,   -- 0: none named
    channel        ENUM('web', 'invitation', 'phone') NOT NULL,
    month          DATE         NOT NULL,                  -- first day of the month
    submitted_at   DATETIME     NOT NULL,
    KEY (survey_id, month),
    FOREIGN KEY (survey_id) REFERENCES surveys (id)
) ENGINE=InnoDB;

CREATE TABLE survey_answers (
    response_id  INT UNSIGNED NOT NULL,
    question_id  INT UNSIGNED NOT NULL,
    rating       TINYINT UNSIGNED NULL,      -- 1..5
    choices      INT UNSIGNED NULL,          -- bit k-1 set: choice k picked
    PRIMARY KEY (response_id, question_id),
    KEY (question_id),
    FOREIGN KEY (response_id) REFERENCES survey_responses (id),
    FOREIGN KEY (question_id) REFERENCES survey_questions (id)
) ENGINE=InnoDB;

-- Free-text answers, with what the results page filters them by, so the
-- newest hundred of a survey are read backwards along one index without a
-- join, however many responses there are.
CREATE TABLE survey_texts (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survey_id      INT UNSIGNED NOT NULL,
    question_id    INT UNSIGNED NOT NULL,
    response_id    INT UNSIGNED NOT NULL,
    department_id  SMALLINT UNSIGNED NOT NULL,
    month          DATE         NOT NULL,
    channel        ENUM('self', 'phone') NOT NULL,
    submitted_on   DATE         NOT NULL,
    answer_text    TEXT         NOT NULL,
    KEY newest (survey_id, id),
    FOREIGN KEY (response_id) REFERENCES survey_responses (id),
    FOREIGN KEY (question_id) REFERENCES survey_questions (id)
) ENGINE=InnoDB;

-- One row per survey, question (0: the response itself), choice (0: the
-- ratings of a rating question; k: how often choice k was picked),
-- department (0: none), month and channel (self: web or invitation; phone:
-- the office's follow-up calls).
CREATE TABLE survey_stats (
    survey_id      INT UNSIGNED NOT NULL,
    question_id    INT UNSIGNED NOT NULL,
    choice         TINYINT UNSIGNED NOT NULL,
    department_id  SMALLINT UNSIGNED NOT NULL,
    month          DATE         NOT NULL,
    channel        ENUM('self', 'phone') NOT NULL,
    n              INT UNSIGNED NOT NULL DEFAULT 0,    -- answers (responses for question 0)
    total          INT UNSIGNED NOT NULL DEFAULT 0,    -- sum of ratings
    r1 INT UNSIGNED NOT NULL DEFAULT 0, r2 INT UNSIGNED NOT NULL DEFAULT 0,
    r3 INT UNSIGNED NOT NULL DEFAULT 0, r4 INT UNSIGNED NOT NULL DEFAULT 0,
    r5 INT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (survey_id, question_id, choice, department_id, month, channel)
) ENGINE=InnoDB;

INSERT INTO rate_rules (scope, max_hits, window_seconds, block_seconds, max_block_seconds, what) VALUES
('survey.client', 30, 3600, 0, 0, 'answers to open public surveys from one address (hospital Wi-Fi: many patients, one address)'),
('survey.token',  20,  900, 60, 3600, 'invitation links tried from one address that were not valid');


-- the key of the MACs that stand for a mobile in survey_invite_mobiles (a bare
-- SHA-256 of an 11-digit number is reversed by trying them all)
INSERT INTO app_secrets (name, value) VALUES ('surveys', HEX(RANDOM_BYTES(32)));
