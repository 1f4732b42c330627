-- 025: the working calendar.  Deadlines in working days (a complaint's
-- acknowledgement within 1 working day, its answer within 5) counted
-- Monday to Friday only, so a complaint filed on 30 September was due to
-- be answered in the middle of the National Day holiday.  The State
-- Council publishes each year's public holidays and the weekend days
-- worked in their place (调休上班) in a notice, usually in November; the
-- office enters them here (/office/calendar), and every working-day
-- deadline counts with them (cgi/core/workcal.c).
CREATE TABLE calendar_days (
    day         DATE              NOT NULL PRIMARY KEY,
    working     TINYINT(1)        NOT NULL,   -- 0 a public holiday, 1 a weekend day worked
    name        VARCHAR(16)       NOT NULL,   -- 国庆节, 国庆节调休上班
    created_by  INT UNSIGNED      NULL,
    created_at  DATETIME          NOT NULL,
    CONSTRAINT working_is_a_flag CHECK (working IN (0, 1))
) ENGINE=InnoDB;

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
INSERT INTO calendar_days (day, working, name, created_at) VALUES
    ('2026-01-01', 0, '元旦', NOW()), ('2026-01-02', 0, '元旦', NOW()), ('2026-01-03', 0, '元旦', NOW()),
    ('2026-01-04', 1, '元旦调休上班', NOW()),
    ('2026-02-14', 1, '春节调休上班', NOW()),
    ('2026-02-15', 0, '春节', NOW()), ('2026-02-16', 0, '春节', NOW()), ('2026-02-17', 0, '春节', NOW()),
    ('2026-02-18', 0, '春节', NOW()), ('2026-02-19', 0, '春节', NOW()), ('2026-02-20', 0, '春节', NOW()),
    ('2026-02-21', 0, '春节', NOW()), ('2026-02-22', 0, '春节', NOW()), ('2026-02-23', 0, '春节', NOW()),
    ('2026-02-28', 1, '春节调休上班', NOW()),
    ('2026-04-04', 0, '清明节', NOW()), ('2026-04-05', 0, '清明节', NOW()), ('2026-04-06', 0, '清明节', NOW()),
    ('2026-05-01', 0, '劳动节', NOW()), ('2026-05-02', 0, '劳动节', NOW()), ('2026-05-03', 0, '劳动节', NOW()),
    ('2026-05-04', 0, '劳动节', NOW()), ('2026-05-05', 0, '劳动节', NOW()),
    ('2026-05-09', 1, '劳动节调休上班', NOW()),
    ('2026-06-19', 0, '端午节', NOW()), ('2026-06-20', 0, '端午节', NOW()), ('2026-06-21', 0, '端午节', NOW()),
    ('2026-09-20', 1, '国庆节调休上班', NOW()),
    ('2026-09-25', 0, '中秋节', NOW()), ('2026-09-26', 0, '中秋节', NOW()), ('2026-09-27', 0, '中秋节', NOW()),
    ('2026-10-01', 0, '国庆节', NOW()), ('2026-10-02', 0, '国庆节', NOW()), ('2026-10-03', 0, '国庆节', NOW()),
    ('2026-10-04', 0, '国庆节', NOW()), ('2026-10-05', 0, '国庆节', NOW()), ('2026-10-06', 0, '国庆节', NOW()),
    ('2026-10-07', 0, '国庆节', NOW()),
    ('2026-10-10', 1, '国庆节调休上班', NOW());
