-- 009: lab reports (凭条码查询检验报告), fed by the lab system (LIS) over
-- HL7 v2 ORU^R01 (cgi/core/hl7.c parses, cgi/tools/portal-lis imports).
--
-- An order is keyed by the barcode on the specimen slip (OBR-3 filler
-- order number, else OBR-2, else SPM-2).  It holds one or more panels (one
-- OBR each) and their result items (one OBX each).  A result is never
-- updated in place: a correction (OBX-11 'C') or a newer preliminary or
-- final value inserts a new row and marks the earlier one superseded, so
-- the report can say what was corrected and when, and nothing is lost.
--
-- Imports are idempotent: every message stored is recorded in lab_imports
-- under its sending application and control id (MSH-3, MSH-10) with the
-- SHA-256 of its bytes, in the same transaction as its orders and results.
-- The same message again is acknowledged and changes nothing.

CREATE TABLE lab_orders (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    barcode         VARCHAR(32)  NOT NULL UNIQUE,     -- the specimen slip's barcode, upper case
    patient_name    VARCHAR(64)  NOT NULL,
    patient_sex     ENUM('M','F','O','U') NOT NULL DEFAULT 'U',   -- PID-8 (HL7 table 0001)
    birth_date      DATE         NULL,                -- PID-7
    age_text        VARCHAR(16)  NULL,                -- when the LIS sends an age, not a date
    mobile_last4    CHAR(4)      NULL,                -- the second factor, when the LIS sends a mobile
    patient_id      VARCHAR(32)  NULL,                -- PID-3, the hospital's patient number
    department      VARCHAR(64)  NULL,                -- PV1-10 / PV1-3
    ordering_doctor VARCHAR(64)  NULL,                -- ORC-12 / OBR-16
    specimen_type   VARCHAR(64)  NULL,                -- SPM-4 / OBR-15
    collected_at    DATETIME     NULL,                -- SPM-17 / OBR-7
    received_at     DATETIME     NULL,                -- SPM-18 / OBR-14
    reported_at     DATETIME     NULL,                -- OBR-22
    expected_at     DATETIME     NULL,                -- 取报告时间, while not yet released
    status          ENUM('registered','in_progress','preliminary','final','corrected','cancelled')
                    NOT NULL DEFAULT 'registered',
    corrected_at    DATETIME     NULL,
    created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    KEY (patient_id)
) ENGINE=InnoDB;

-- One panel (OBR) of an order: 血常规, 肝功能 ...
CREATE TABLE lab_panels (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id    INT UNSIGNED NOT NULL,
    code        VARCHAR(32)  NOT NULL,              -- OBR-4.1
    name        VARCHAR(64)  NOT NULL,              -- OBR-4.2
    status      CHAR(1)      NULL,                  -- OBR-25 (I, P, F, C, X)
    UNIQUE KEY (order_id, code),
    FOREIGN KEY (order_id) REFERENCES lab_orders (id)
) ENGINE=InnoDB;

CREATE TABLE lab_results (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id        INT UNSIGNED NOT NULL,
    panel_id        INT UNSIGNED NOT NULL,
    seq             SMALLINT UNSIGNED NOT NULL,     -- the item's place in its panel
    code            VARCHAR(32)  NOT NULL,          -- OBX-3.1
    name            VARCHAR(64)  NOT NULL,          -- OBX-3.2
    value_type      VARCHAR(3)   NOT NULL,          -- OBX-2: NM ST TX FT CE CWE SN ED RP
    value           VARCHAR(1024) NOT NULL,         -- as shown; ED/RP are 见附件, never dumped
    unit            VARCHAR(32)  NULL,              -- OBX-6
    reference_range VARCHAR(64)  NULL,              -- OBX-7
    abnormal_flag   ENUM('N','H','L','HH','LL','A','AA','critical') NULL,   -- OBX-8
    method          VARCHAR(64)  NULL,              -- OBX-17
    result_status   CHAR(1)      NOT NULL,          -- OBX-11: P F C (R, D, X ...)
    observed_at     DATETIME     NULL,              -- OBX-14
    comment         TEXT         NULL,              -- NTE after the OBX
    superseded_at   DATETIME     NULL,              -- set when a later value replaced this one
    import_id       INT UNSIGNED NOT NULL,
    KEY (order_id, code, superseded_at),
    FOREIGN KEY (order_id) REFERENCES lab_orders (id),
    FOREIGN KEY (panel_id) REFERENCES lab_panels (id)
) ENGINE=InnoDB;

-- Every message received, stored or refused: the importer's idempotency
-- (a message's control id and content hash) and the lab's list of recent
-- imports and refusals.
CREATE TABLE lab_imports (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sending_app   VARCHAR(64)  NOT NULL,            -- MSH-3
    control_id    VARCHAR(64)  NOT NULL,            -- MSH-10
    content_hash  CHAR(64)     NOT NULL,            -- SHA-256 hex of the message
    barcode       VARCHAR(32)  NULL,
    items         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    source        ENUM('file','mllp','upload') NOT NULL,
    received_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY (sending_app, control_id),
    KEY (content_hash)
) ENGINE=InnoDB;

CREATE TABLE lab_import_refusals (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    control_id    VARCHAR(64)  NULL,
    error         VARCHAR(255) NOT NULL,            -- the segment and field at fault
    source        ENUM('file','mllp','upload') NOT NULL,
    received_at   DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY (received_at)
) ENGINE=InnoDB;

-- Published turnaround times per panel (取报告时间), which make the
-- "expected at HH:MM" of an order not yet released.
CREATE TABLE lab_turnaround (
    panel_code    VARCHAR(32)  NOT NULL PRIMARY KEY,
    panel_name    VARCHAR(64)  NOT NULL,
    minutes       SMALLINT UNSIGNED NOT NULL,
    note          VARCHAR(128) NULL
) ENGINE=InnoDB;

-- What the public program may read: an order's header (masked on screen)
-- and, only once released (preliminary, final, corrected), its current
-- results.  The public account has no right on the tables themselves.
CREATE VIEW public_lab_orders AS
    SELECT id, barcode, patient_name, patient_sex, birth_date, age_text, mobile_last4,
           department, ordering_doctor, specimen_type, collected_at, received_at,
           IF(status IN ('preliminary','final','corrected'), reported_at, NULL) AS reported_at,
           expected_at, status, corrected_at
      FROM lab_orders;

CREATE VIEW public_lab_results AS
    SELECT r.order_id, p.code AS panel_code, p.name AS panel_name, r.seq, r.code, r.name,
           r.value_type, r.value, r.unit, r.reference_range, r.abnormal_flag, r.method,
           r.result_status, r.observed_at, r.comment
      FROM lab_results r
      JOIN lab_panels p ON p.id = r.panel_id
      JOIN lab_orders o ON o.id = r.order_id
     WHERE r.superseded_at IS NULL
       AND o.status IN ('preliminary','final','corrected');

CREATE VIEW public_lab_turnaround AS
    SELECT panel_code, panel_name, minutes, note FROM lab_turnaround;

INSERT INTO lab_turnaround (panel_code, panel_name, minutes, note) VALUES
('CBC',  '血常规', 30,  '急诊 30 分钟'),
('LFT',  '肝功能', 240, '上午送检当日下午可取'),
('UA',   '尿常规', 60,  NULL),
('GLU',  '血糖',   120, NULL);

-- Failed lookups of reports (cgi/reports/), the same shape as booking's.
INSERT INTO rate_rules (scope, max_hits, window_seconds, block_seconds, max_block_seconds, what) VALUES
('reports.client', 20, 900, 60, 3600, 'failed report lookups from one address'),
('reports.barcode', 5, 900, 60, 3600, 'failed report lookups of one barcode, whether it exists or not');

-- The key of the signed, expiring links to a report (the page and the
-- printed QR code): a key of its own, so no other service's token opens one.
INSERT INTO app_secrets (name, value) VALUES ('reports', HEX(RANDOM_BYTES(32)));
