-- 002: notices (通知公告).  Drafts and expired notices stay in `notices`;
-- the public program can read only the view `public_notices`, which holds
-- exactly what is published now.

CREATE TABLE notices (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    body        MEDIUMTEXT   NOT NULL,
    category    ENUM('notice', 'recruitment', 'stop_clinic', 'price_change', 'health_talk') NOT NULL,
    status      ENUM('draft', 'published') NOT NULL DEFAULT 'draft',
    pinned      TINYINT(1)   NOT NULL DEFAULT 0,
    publish_at  DATETIME     NULL,      -- in the future: scheduled
    expire_at   DATETIME     NULL,      -- NULL: never expires
    created_by  INT UNSIGNED NULL,
    updated_by  INT UNSIGNED NULL,
    created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    KEY public_order (status, pinned, publish_at),
    KEY (category)
) ENGINE=InnoDB;

CREATE SQL SECURITY DEFINER VIEW public_notices AS
    SELECT id, title, body, category, pinned, publish_at, expire_at
    FROM notices
    WHERE status = 'published'
      AND publish_at <= NOW()
      AND (expire_at IS NULL OR expire_at > NOW());
