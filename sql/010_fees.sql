-- 010: fee transparency (医药费用公开): the price catalogue with its price
-- history and search tokens, the office's price imports, and the fee lists
-- of inpatient stays (一日清单) and outpatient visits.
--
-- Money is integer fen everywhere.  An item is current while
-- effective_from <= today and (ends_on IS NULL OR ends_on > today).

CREATE TABLE fee_items (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    his_code        VARCHAR(32)  NOT NULL UNIQUE,          -- the HIS's own item code
    insurance_code  VARCHAR(40)  NULL,                     -- 国家医保编码, where there is one
    name            VARCHAR(200) NOT NULL,
    category        VARCHAR(8)   NOT NULL,                 -- 西药 中成药 中草药 检查 检验 治疗 手术 材料 床位 护理 其他
    spec            VARCHAR(200) NOT NULL DEFAULT '',
    unit            VARCHAR(20)  NOT NULL,
    price_fen       BIGINT UNSIGNED NOT NULL,
    insurance_class ENUM('甲','乙','丙') NOT NULL,
    effective_from  DATE         NOT NULL,                 -- this price since
    ends_on         DATE         NULL,                     -- no longer offered from this day
    initials        VARCHAR(128) NOT NULL DEFAULT '',      -- natural pinyin initials (pinyin.c), derived
    updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY (insurance_code),
    KEY category_name (category, name),          -- the catalogue by category, in order
    KEY current_by_category (category, ends_on, effective_from),   -- counting what is current, from the index alone
    KEY (ends_on)
) ENGINE=InnoDB;

-- Every price an item has had: one row per period, the open one last.
CREATE TABLE fee_price_history (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id         INT UNSIGNED NOT NULL,
    price_fen       BIGINT UNSIGNED NOT NULL,
    effective_from  DATE         NOT NULL,
    ended_on        DATE         NULL,
    import_id       INT UNSIGNED NULL,
    recorded_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY (item_id, effective_from),
    CONSTRAINT FOREIGN KEY (item_id) REFERENCES fee_items (id)
) ENGINE=InnoDB;

-- The search index, derived when an item is imported (cgi/fees/index.c):
-- every suffix of the name (kind 0) and of each reading's initials (kind 1
-- the natural reading, kind 2 the others), so "contains q" is the index
-- range token LIKE 'q%'.  MariaDB has no ngram FULLTEXT parser; this is its
-- equivalent, binary-collated (tokens are lower-cased when made).  Only
-- current items have tokens: an item that ends loses them (import.c).
CREATE TABLE fee_search (
    token    VARCHAR(24) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    kind     TINYINT UNSIGNED NOT NULL,
    item_id  INT UNSIGNED NOT NULL,
    pos      TINYINT UNSIGNED NOT NULL,          -- where in the name the suffix starts
    -- copied from the item, so a search ranks and filters its hits from
    -- this table alone (the clustered key's range) and joins only the page
    name_chars SMALLINT UNSIGNED NOT NULL,
    name_crc   INT UNSIGNED NOT NULL,             -- CRC32 of the name: one name's items side by side
    category   VARCHAR(8)   NOT NULL,
    PRIMARY KEY (token, item_id, kind, pos),
    KEY (item_id),
    CONSTRAINT FOREIGN KEY (item_id) REFERENCES fee_items (id)
) ENGINE=InnoDB;

-- One applied price list: who, when, which file, what it changed.
CREATE TABLE fee_imports (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_sha256     CHAR(64)     NOT NULL,
    effective_on    DATE         NOT NULL,
    rows_read       INT UNSIGNED NOT NULL,
    added           INT UNSIGNED NOT NULL,
    changed         INT UNSIGNED NOT NULL,
    ended           INT UNSIGNED NOT NULL,
    notice_id       INT UNSIGNED NULL,
    user_id         INT UNSIGNED NULL,
    created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

-- When the catalogue last changed: the price files' Last-Modified and ETag.
CREATE TABLE fee_catalogue_version (
    id          TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    version     INT UNSIGNED NOT NULL,
    changed_at  DATETIME     NOT NULL
) ENGINE=InnoDB;
INSERT INTO fee_catalogue_version VALUES (1, 0, NOW());

-- An inpatient stay (kind 'inpatient', number = 住院号) or an outpatient
-- visit ('outpatient', 就诊号), as the HIS sends it.  Only the last four
-- digits of the mobile and of the ID number are kept: they are the second
-- factor of a lookup and nothing else needs them.
CREATE TABLE fee_accounts (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            ENUM('inpatient','outpatient') NOT NULL,
    number          VARCHAR(20)  NOT NULL,
    patient_name    VARCHAR(64)  NOT NULL,
    mobile_last4    CHAR(4)      NULL,
    id_last4        CHAR(4)      NULL,
    department      VARCHAR(64)  NOT NULL DEFAULT '',
    ward            VARCHAR(64)  NOT NULL DEFAULT '',
    bed             VARCHAR(16)  NOT NULL DEFAULT '',
    admitted_at     DATETIME     NOT NULL,        -- the visit's time for an outpatient
    discharged_at   DATETIME     NULL,
    low_balance_fen BIGINT       NOT NULL DEFAULT 100000,   -- warn below 1,000.00
    updated_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    UNIQUE KEY (kind, number)
) ENGINE=InnoDB;

CREATE TABLE fee_account_items (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    his_line_id     VARCHAR(40)  NOT NULL UNIQUE,   -- the HIS's own line id: imports are idempotent by it
    account_id      INT UNSIGNED NOT NULL,
    served_on       DATE         NOT NULL,
    his_code        VARCHAR(32)  NOT NULL DEFAULT '',
    name            VARCHAR(200) NOT NULL,
    spec            VARCHAR(200) NOT NULL DEFAULT '',
    unit            VARCHAR(20)  NOT NULL DEFAULT '',
    unit_price_fen  BIGINT       NOT NULL,
    quantity_milli  BIGINT       NOT NULL,          -- quantity x 1000 (0.5 支 is 500)
    amount_fen      BIGINT       NOT NULL,          -- negative for a refund line (退费)
    insurance_class ENUM('甲','乙','丙') NULL,
    KEY (account_id, served_on),
    CONSTRAINT FOREIGN KEY (account_id) REFERENCES fee_accounts (id)
) ENGINE=InnoDB;

CREATE TABLE fee_deposits (
    id              INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    his_line_id     VARCHAR(40)  NOT NULL UNIQUE,
    account_id      INT UNSIGNED NOT NULL,
    paid_at         DATETIME     NOT NULL,
    amount_fen      BIGINT       NOT NULL,          -- negative for a refund of the deposit
    method          VARCHAR(20)  NOT NULL DEFAULT '',
    KEY (account_id),
    CONSTRAINT FOREIGN KEY (account_id) REFERENCES fee_accounts (id)
) ENGINE=InnoDB;

INSERT INTO rate_rules (scope, max_hits, window_seconds, block_seconds, max_block_seconds, what) VALUES
('fees.client', 20, 900, 60, 3600, 'failed fee-list lookups from one address'),
('fees.number',  5, 900, 60, 3600, 'failed fee-list lookups of one admission or visit number, whether it exists or not');

-- The key of the signed, expiring links to a fee list found by lookup
-- (its page and its printable view): a key of its own.
INSERT INTO app_secrets (name, value) VALUES ('fees', HEX(RANDOM_BYTES(32)));
