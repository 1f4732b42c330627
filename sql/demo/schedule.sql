-- The demo hospital's rolling schedule: clinic sessions and time slots from
-- today to 13 days ahead, added on every start where missing (the unique
-- keys make it idempotent), so the demo is always current.  A real
-- deployment publishes sessions from the office pages instead.
--
-- Who works when: each doctor has two or three half-days off a week,
-- chiefs and associate chiefs hold expert clinics (专家门诊), attendings
-- general ones (普通门诊), and internal medicine, surgery and paediatrics
-- also run an evening clinic (夜门诊) on weekdays.

INSERT IGNORE INTO clinic_sessions (doctor_id, department_id, session_date, period, clinic_type, fee_fen)
SELECT d.id, d.department_id, CURDATE() + INTERVAL s.seq DAY, p.period,
       CASE WHEN p.period = 'evening' THEN 'convenience'
            WHEN d.title = 'attending' THEN 'general' ELSE 'expert' END,
       CASE WHEN p.period = 'evening' THEN 500
            WHEN d.title = 'chief' THEN 3000
            WHEN d.title = 'associate_chief' THEN 2000 ELSE 1000 END
FROM doctors d
JOIN departments dep ON dep.id = d.department_id
CROSS JOIN seq_0_to_13 s
CROSS JOIN (SELECT 'morning' AS period UNION ALL SELECT 'afternoon' UNION ALL SELECT 'evening') p
WHERE d.active = 1
  AND (d.id + s.seq + (p.period = 'afternoon')) % 4 <> 0
  AND NOT (p.period = 'afternoon' AND WEEKDAY(CURDATE() + INTERVAL s.seq DAY) >= 5)
  AND NOT (p.period = 'evening' AND (WEEKDAY(CURDATE() + INTERVAL s.seq DAY) >= 5
                                     OR dep.code NOT IN ('NEIKE', 'WAIKE', 'ERKE')
                                     OR d.title <> 'attending'));

-- Slots: 30 minutes; mornings 08:00-12:00, afternoons 14:00-17:30,
-- evenings 17:30-20:30.  Expert clinics see 3 patients a slot, others 5.
INSERT IGNORE INTO time_slots (session_id, starts_at, ends_at, capacity)
SELECT cs.id,
       TIMESTAMP(cs.session_date, start_time) + INTERVAL (n.seq * 30) MINUTE,
       TIMESTAMP(cs.session_date, start_time) + INTERVAL (n.seq * 30 + 30) MINUTE,
       IF(cs.clinic_type = 'expert', 3, 5)
FROM (SELECT id, session_date, clinic_type,
             CASE period WHEN 'morning' THEN '08:00:00' WHEN 'afternoon' THEN '14:00:00' ELSE '17:30:00' END AS start_time,
             CASE period WHEN 'morning' THEN 8 WHEN 'afternoon' THEN 7 ELSE 6 END AS slots
      FROM clinic_sessions WHERE session_date >= CURDATE()) cs
JOIN seq_0_to_7 n ON n.seq < cs.slots;
