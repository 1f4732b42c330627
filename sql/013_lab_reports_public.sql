-- 013: lab reports for patients (cgi/reports/): what the public lookup,
-- the printable view and the notification need beyond sql/009.
--
-- The full mobile the LIS sends (PID-13) is kept only to send the one
-- "report ready" message (never shown, never readable by the public
-- program); final_notified_at makes that message once per order.
ALTER TABLE lab_orders
    ADD COLUMN notify_mobile     CHAR(11) NULL AFTER mobile_last4,
    ADD COLUMN final_notified_at DATETIME NULL AFTER corrected_at;

-- Every panel of an order, released or not: an order still in the lab is
-- "expected at HH:MM" from the turnaround times of its panels.
CREATE VIEW public_lab_panels AS
    SELECT order_id, code, name, status FROM lab_panels;

-- Previous results of the same tests for the same patient (PID-3), from
-- other released orders reported before this one: the report shows them
-- beside today's values.  Only current (not superseded) values.
CREATE VIEW public_lab_history AS
    SELECT cur.id AS order_id, r.code, r.value, r.unit, r.abnormal_flag, prev.reported_at
      FROM lab_orders cur
      JOIN lab_orders prev ON prev.patient_id = cur.patient_id AND prev.id <> cur.id
                          AND prev.status IN ('preliminary','final','corrected')
                          AND prev.reported_at < COALESCE(cur.reported_at, NOW())
      JOIN lab_results r ON r.order_id = prev.id AND r.superseded_at IS NULL
     WHERE cur.patient_id IS NOT NULL;

-- The lab's list of recent imports, newest first.
ALTER TABLE lab_imports ADD KEY (received_at);
