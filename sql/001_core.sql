-- 001: what every service stands on: secrets, office accounts, sessions,
-- login backoff and the audit log.  All DATETIMEs are Asia/Shanghai wall
-- time (the server runs with time_zone '+08:00').

CREATE TABLE app_secrets (
    name  VARCHAR(32) NOT NULL PRIMARY KEY,
    value CHAR(64)    NOT NULL            -- hex of 32 random bytes
) ENGINE=InnoDB;

-- The CSRF MAC key: made once, here, shared by every handler process.
INSERT INTO app_secrets (name, value) VALUES ('csrf', HEX(RANDOM_BYTES(32)));

CREATE TABLE users (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,   -- argon2id, libsodium's string form
    -- order matters: the C code reads roles+0 as a bit mask (cgi/core/portal.h)
    roles          SET('office', 'desk', 'lab', 'volunteer', 'admin') NOT NULL,
    disabled       TINYINT(1)   NOT NULL DEFAULT 0,
    created_at     DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_login_at  DATETIME     NULL
) ENGINE=InnoDB;

CREATE TABLE sessions (
    token_hash    CHAR(64)     NOT NULL PRIMARY KEY,   -- SHA-256 of the cookie
    user_id       INT UNSIGNED NOT NULL,
    created_at    DATETIME     NOT NULL,
    last_seen_at  DATETIME     NOT NULL,
    expires_at    DATETIME     NOT NULL,
    ip            VARCHAR(45)  NULL,
    KEY (user_id),
    KEY (expires_at),
    FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;

CREATE TABLE login_throttle (
    scope         ENUM('user', 'ip') NOT NULL,
    subject       VARCHAR(128) NOT NULL,
    failures      INT          NOT NULL,
    window_start  DATETIME     NOT NULL,
    locked_until  DATETIME     NULL,
    PRIMARY KEY (scope, subject)
) ENGINE=InnoDB;

CREATE TABLE audit_log (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at           DATETIME     NOT NULL,
    user_id      INT UNSIGNED NULL,
    username     VARCHAR(64)  NULL,
    action       VARCHAR(32)  NOT NULL,
    entity       VARCHAR(32)  NOT NULL,
    entity_id    BIGINT       NULL,
    before_json  LONGTEXT     NULL,
    after_json   LONGTEXT     NULL,
    ip           VARCHAR(45)  NULL,
    request_id   VARCHAR(40)  NULL,
    KEY (entity, entity_id),
    KEY (at)
) ENGINE=InnoDB;
