-- 017: complaints, suggestions and praise (投诉 / 建议 / 表扬, 院长热线).
--
-- A public form files one with a tracking number; its status is read by
-- that number and the contact mobile (core lookup.c).  The office assigns it
-- to a department, the department's reply is recorded, the office closes
-- it.  Deadlines in working days: acknowledged (assigned) within 1,
-- answered within 5; every step is a row of complaint_steps and of the
-- audit log.  Praise naming a staff member counts towards the 服务明星 list
-- the office publishes (star_lists / star_entries).

CREATE TABLE complaints (
    id                 INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tracking_no        CHAR(10)     NOT NULL UNIQUE,
    kind               ENUM('complaint', 'suggestion', 'praise') NOT NULL,
    department_id      SMALLINT UNSIGNED NULL,          -- as the person named it
    staff_name         VARCHAR(40)  NULL,
    what               TEXT         NOT NULL,
    happened_on        DATE         NULL,
    contact_name       VARCHAR(40)  NULL,
    mobile             CHAR(11)     NOT NULL,
    anonymous          TINYINT(1)   NOT NULL DEFAULT 0, -- the name is not shown to the department
    status             ENUM('received', 'assigned', 'replied', 'closed') NOT NULL DEFAULT 'received',
    assigned_department_id SMALLINT UNSIGNED NULL,
    reply              TEXT         NULL,
    received_at        DATETIME     NOT NULL,
    ack_due            DATETIME     NOT NULL,           -- 1 working day
    answer_due         DATETIME     NOT NULL,           -- 5 working days
    acknowledged_at    DATETIME     NULL,
    replied_at         DATETIME     NULL,
    closed_at          DATETIME     NULL,
    KEY (status, received_at),
    KEY (kind, assigned_department_id)
) ENGINE=InnoDB;

CREATE TABLE complaint_steps (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    complaint_id  INT UNSIGNED NOT NULL,
    at            DATETIME     NOT NULL,
    step          ENUM('received', 'assigned', 'replied', 'closed') NOT NULL,
    note          TEXT         NULL,
    user_id       INT UNSIGNED NULL,
    KEY (complaint_id, id),
    FOREIGN KEY (complaint_id) REFERENCES complaints (id)
) ENGINE=InnoDB;

CREATE TABLE star_lists (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title         VARCHAR(100) NOT NULL,
    published_at  DATETIME     NOT NULL,
    published_by  INT UNSIGNED NOT NULL
) ENGINE=InnoDB;

CREATE TABLE star_entries (
    list_id        INT UNSIGNED NOT NULL,
    position       SMALLINT UNSIGNED NOT NULL,
    staff_name     VARCHAR(40)  NOT NULL,
    department     VARCHAR(60)  NOT NULL,
    praise_count   INT UNSIGNED NOT NULL,
    PRIMARY KEY (list_id, position),
    FOREIGN KEY (list_id) REFERENCES star_lists (id)
) ENGINE=InnoDB;

INSERT INTO rate_rules (scope, max_hits, window_seconds, block_seconds, max_block_seconds, what) VALUES
('complaint.client',       20, 3600,  0,    0, 'complaints, suggestions and praise filed from one address (hospital Wi-Fi: many patients, one address)'),
('complaint.lookup.client', 20, 900, 60, 3600, 'failed complaint status lookups from one address'),
('complaint.lookup.number',  5, 900, 60, 3600, 'failed status lookups of one tracking number');
