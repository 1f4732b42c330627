-- 003: online booking by time slot (分时段预约): departments, doctors,
-- clinic sessions (one doctor, one half-day), their time slots with a
-- capacity, and bookings.  Capacity is enforced in the database: a booking
-- takes its place with UPDATE time_slots SET booked = booked + 1 WHERE
-- booked < capacity, and the CHECK below makes overbooking impossible
-- whatever the program does.

CREATE TABLE departments (
    id          SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(16)  NOT NULL UNIQUE,
    name        VARCHAR(64)  NOT NULL,
    location    VARCHAR(128) NOT NULL,       -- 门诊楼二楼东侧
    phone       VARCHAR(32)  NOT NULL,
    intro       TEXT         NOT NULL,
    sort_order  INT          NOT NULL DEFAULT 0
) ENGINE=InnoDB;

CREATE TABLE doctors (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    department_id  SMALLINT UNSIGNED NOT NULL,
    name           VARCHAR(32)  NOT NULL,
    title          ENUM('chief', 'associate_chief', 'attending') NOT NULL,
    specialty      VARCHAR(255) NOT NULL,
    intro          TEXT         NOT NULL,
    photo          VARCHAR(255) NULL,        -- a path under /static/, or none
    active         TINYINT(1)   NOT NULL DEFAULT 1,
    KEY (department_id),
    FOREIGN KEY (department_id) REFERENCES departments (id)
) ENGINE=InnoDB;

CREATE TABLE clinic_sessions (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    doctor_id      INT UNSIGNED NOT NULL,
    department_id  SMALLINT UNSIGNED NOT NULL,
    session_date   DATE         NOT NULL,
    period         ENUM('morning', 'afternoon', 'evening') NOT NULL,   -- evening: 夜门诊
    clinic_type    ENUM('general', 'expert', 'specialist', 'convenience') NOT NULL,
    fee_fen        INT UNSIGNED NOT NULL,    -- registration fee in fen (1 yuan = 100 fen)
    status         ENUM('open', 'stopped') NOT NULL DEFAULT 'open',
    stop_reason    VARCHAR(255) NULL,
    UNIQUE KEY one_session_per_half_day (doctor_id, session_date, period),
    KEY (department_id, session_date),
    FOREIGN KEY (doctor_id) REFERENCES doctors (id),
    FOREIGN KEY (department_id) REFERENCES departments (id)
) ENGINE=InnoDB;

CREATE TABLE time_slots (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  INT UNSIGNED NOT NULL,
    starts_at   DATETIME     NOT NULL,
    ends_at     DATETIME     NOT NULL,
    capacity    SMALLINT UNSIGNED NOT NULL,
    booked      SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    is_open     TINYINT(1)   NOT NULL DEFAULT 1,
    CONSTRAINT slot_within_capacity CHECK (booked <= capacity),
    CONSTRAINT slot_ends_after_start CHECK (ends_at > starts_at),
    UNIQUE KEY (session_id, starts_at),
    FOREIGN KEY (session_id) REFERENCES clinic_sessions (id)
) ENGINE=InnoDB;

CREATE TABLE bookings (
    id               INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    confirmation_no  CHAR(10)     NOT NULL UNIQUE,
    slot_id          INT UNSIGNED NOT NULL,
    session_id       INT UNSIGNED NOT NULL,
    department_id    SMALLINT UNSIGNED NOT NULL,
    session_date     DATE         NOT NULL,
    period           ENUM('morning', 'afternoon', 'evening') NOT NULL,
    -- the same person across bookings: SHA-256 of document type and number,
    -- so the rules compare people without comparing raw ID numbers
    person_key       CHAR(64)     NOT NULL,
    patient_name     VARCHAR(32)  NOT NULL,
    id_type          ENUM('resident_id', 'passport', 'hk_macao', 'taiwan', 'other') NOT NULL,
    id_number        VARCHAR(32)  NOT NULL,   -- real-name registration: the desk checks it
    mobile           CHAR(11)     NOT NULL,
    for_family       TINYINT(1)   NOT NULL DEFAULT 0,
    status           ENUM('booked', 'cancelled', 'checked_in', 'no_show') NOT NULL DEFAULT 'booked',
    -- 1 while the booking holds its place, NULL otherwise: NULLs never
    -- collide in a UNIQUE key, so cancelled bookings do not count
    holds_place      TINYINT(1) AS (IF(status IN ('booked', 'checked_in'), 1, NULL)) PERSISTENT,
    created_at       DATETIME     NOT NULL,
    cancelled_at     DATETIME     NULL,
    cancel_reason    VARCHAR(255) NULL,
    checked_in_at    DATETIME     NULL,
    UNIQUE KEY one_per_department_and_session (person_key, department_id, session_date, period, holds_place),
    KEY (slot_id),
    KEY (person_key, status, session_date),
    FOREIGN KEY (slot_id) REFERENCES time_slots (id),
    FOREIGN KEY (session_id) REFERENCES clinic_sessions (id)
) ENGINE=InnoDB;

-- The key that signs check-in QR codes (a MAC over the confirmation number).
INSERT INTO app_secrets (name, value) VALUES ('checkin', HEX(RANDOM_BYTES(32)));
