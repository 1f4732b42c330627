-- More demo lab reports (make run), beside demo/003:
--   LAB202600005  血糖, preliminary                                  (2468 / 黄)
--   LAB202600006  肝功能, cancelled (specimen haemolysed)            (1357 / 吴)
--   LAB202500901  王小明's CBC a month ago: the "previous result" of LAB202600001
INSERT INTO lab_imports (id, sending_app, control_id, content_hash, barcode, items, source) VALUES
(9005, 'DEMO', 'DEMO-5', REPEAT('5', 64), 'LAB202600005', 1, 'file'),
(9006, 'DEMO', 'DEMO-6', REPEAT('6', 64), 'LAB202600006', 0, 'file'),
(9007, 'DEMO', 'DEMO-7', REPEAT('7', 64), 'LAB202500901', 4, 'file');

INSERT INTO lab_orders (id, barcode, patient_name, patient_sex, birth_date, mobile_last4, patient_id,
                        department, ordering_doctor, specimen_type, collected_at, received_at,
                        reported_at, expected_at, status, corrected_at, final_notified_at) VALUES
(9005, 'LAB202600005', '黄丽', 'F', '1975-04-01', '2468', 'P000105', '内分泌科', '钱医生', '静脉血',
 NOW() - INTERVAL 90 MINUTE, NOW() - INTERVAL 80 MINUTE, NOW() - INTERVAL 10 MINUTE, NULL, 'preliminary', NULL, NULL),
(9006, 'LAB202600006', '吴刚', 'M', '1990-09-09', '1357', 'P000106', '消化内科', '赵医生', '静脉血',
 NOW() - INTERVAL 2 HOUR, NOW() - INTERVAL 110 MINUTE, NULL, NULL, 'cancelled', NULL, NULL),
(9007, 'LAB202500901', '王小明', 'M', '1980-05-12', '1234', 'P000101', '内科', '刘医生', '静脉血',
 NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 30 DAY, NOW() - INTERVAL 30 DAY, NULL, 'final', NULL, NOW() - INTERVAL 30 DAY);

INSERT INTO lab_panels (id, order_id, code, name, status) VALUES
(9005, 9005, 'GLU', '血糖', 'P'), (9006, 9006, 'LFT', '肝功能', 'X'), (9007, 9007, 'CBC', '血常规', 'F');

INSERT INTO lab_results (order_id, panel_id, seq, code, name, value_type, value, unit, reference_range,
                         abnormal_flag, result_status, observed_at, comment, import_id) VALUES
(9005, 9005, 1, 'GLU', '空腹血糖', 'NM', '7.8', 'mmol/L', '3.9-6.1', 'H', 'P', NOW() - INTERVAL 10 MINUTE, '待复核', 9005),
(9007, 9007, 1, 'WBC', '白细胞计数', 'NM', '8.9', '10^9/L', '3.5-9.5', 'N', 'F', NOW() - INTERVAL 30 DAY, NULL, 9007),
(9007, 9007, 2, 'RBC', '红细胞计数', 'NM', '4.8', '10^12/L', '4.3-5.8', 'N', 'F', NOW() - INTERVAL 30 DAY, NULL, 9007),
(9007, 9007, 3, 'HGB', '血红蛋白', 'NM', '128', 'g/L', '130-175', 'L', 'F', NOW() - INTERVAL 30 DAY, NULL, 9007),
(9007, 9007, 4, 'PLT', '血小板计数', 'NM', '230', '10^9/L', '125-350', 'N', 'F', NOW() - INTERVAL 30 DAY, NULL, 9007);

-- the demo reports already released were told (no message queued for them)
UPDATE lab_orders SET final_notified_at = reported_at WHERE status IN ('final','corrected') AND final_notified_at IS NULL;
