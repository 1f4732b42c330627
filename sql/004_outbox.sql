-- 004: the notification outbox.  Every message (booking made, day-before
-- reminder, cancellation, stop-clinic) is written here in the same
-- transaction as the change it reports, so a message exists exactly when
-- its change does; a separate sender delivers it.  `idempotency_key` is
-- unique: the same event can never be queued twice, and it travels with the
-- message so a gateway can drop a repeat delivery.

CREATE TABLE notification_outbox (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    idempotency_key  VARCHAR(80)  NOT NULL UNIQUE,     -- e.g. booking-made:7XK2M9PQ4R
    kind             ENUM('booking_made', 'reminder', 'cancelled', 'stop_clinic') NOT NULL,
    mobile           CHAR(11)     NOT NULL,
    booking_id       INT UNSIGNED NULL,
    params           LONGTEXT     NOT NULL,            -- JSON: what the message text needs
    status           ENUM('pending', 'sent', 'failed') NOT NULL DEFAULT 'pending',
    attempts         INT UNSIGNED NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME     NOT NULL,
    created_at       DATETIME     NOT NULL,
    sent_at          DATETIME     NULL,
    last_error       VARCHAR(255) NULL,
    KEY due (status, next_attempt_at),
    KEY (booking_id)
) ENGINE=InnoDB;
