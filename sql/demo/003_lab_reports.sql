-- Demo lab reports (make run): barcodes printed on the demo specimen slips.
-- Second factor: the mobile's last 4 digits, or the surname.
--   LAB202600001  血常规, final, one high and one low value         (1234 / 王)
--   LAB202600002  肝功能, final, ALT critical                        (5678 / 李)
--   LAB202600003  尿常规, in progress, expected later today          (9012 / 张)
--   LAB202600004  血常规, corrected: HGB corrected after a re-run    (3456 / 陈)
INSERT INTO lab_imports (id, sending_app, control_id, content_hash, barcode, items, source) VALUES
(1, 'DEMO', 'DEMO-1', REPEAT('0', 64), 'LAB202600001', 4, 'file'),
(2, 'DEMO', 'DEMO-2', REPEAT('1', 64), 'LAB202600002', 4, 'file'),
(3, 'DEMO', 'DEMO-4', REPEAT('3', 64), 'LAB202600004', 3, 'file'),
(4, 'DEMO', 'DEMO-4C', REPEAT('4', 64), 'LAB202600004', 1, 'file');

INSERT INTO lab_orders (id, barcode, patient_name, patient_sex, birth_date, mobile_last4, patient_id,
                        department, ordering_doctor, specimen_type, collected_at, received_at,
                        reported_at, expected_at, status, corrected_at) VALUES
(1, 'LAB202600001', '王小明', 'M', '1980-05-12', '1234', 'P000101', '内科', '刘医生', '静脉血',
 NOW() - INTERVAL 3 HOUR, NOW() - INTERVAL 170 MINUTE, NOW() - INTERVAL 2 HOUR, NULL, 'final', NULL),
(2, 'LAB202600002', '李红', 'F', '1962-11-03', '5678', 'P000102', '消化内科', '赵医生', '静脉血',
 NOW() - INTERVAL 6 HOUR, NOW() - INTERVAL 350 MINUTE, NOW() - INTERVAL 1 HOUR, NULL, 'final', NULL),
(3, 'LAB202600003', '张伟', 'M', '1995-02-20', '9012', 'P000103', '泌尿外科', '孙医生', '尿液',
 NOW() - INTERVAL 20 MINUTE, NOW() - INTERVAL 10 MINUTE, NULL, NOW() + INTERVAL 50 MINUTE, 'in_progress', NULL),
(4, 'LAB202600004', '陈静', 'F', '1988-08-08', '3456', 'P000104', '妇科', '周医生', '静脉血',
 NOW() - INTERVAL 5 HOUR, NOW() - INTERVAL 290 MINUTE, NOW() - INTERVAL 30 MINUTE, NULL, 'corrected',
 NOW() - INTERVAL 30 MINUTE);

INSERT INTO lab_panels (id, order_id, code, name, status) VALUES
(1, 1, 'CBC', '血常规', 'F'), (2, 2, 'LFT', '肝功能', 'F'), (3, 3, 'UA', '尿常规', 'I'),
(4, 4, 'CBC', '血常规', 'C');

INSERT INTO lab_results (order_id, panel_id, seq, code, name, value_type, value, unit, reference_range,
                         abnormal_flag, result_status, observed_at, superseded_at, import_id) VALUES
(1, 1, 1, 'WBC', '白细胞计数', 'NM', '11.2', '10^9/L', '3.5-9.5', 'H', 'F', NOW() - INTERVAL 2 HOUR, NULL, 1),
(1, 1, 2, 'RBC', '红细胞计数', 'NM', '4.6', '10^12/L', '4.3-5.8', 'N', 'F', NOW() - INTERVAL 2 HOUR, NULL, 1),
(1, 1, 3, 'HGB', '血红蛋白', 'NM', '125', 'g/L', '130-175', 'L', 'F', NOW() - INTERVAL 2 HOUR, NULL, 1),
(1, 1, 4, 'PLT', '血小板计数', 'NM', '210', '10^9/L', '125-350', 'N', 'F', NOW() - INTERVAL 2 HOUR, NULL, 1),
(2, 2, 1, 'ALT', '丙氨酸氨基转移酶', 'NM', '1250', 'U/L', '7-40', 'HH', 'F', NOW() - INTERVAL 1 HOUR, NULL, 2),
(2, 2, 2, 'AST', '天门冬氨酸氨基转移酶', 'NM', '88', 'U/L', '13-35', 'H', 'F', NOW() - INTERVAL 1 HOUR, NULL, 2),
(2, 2, 3, 'TBIL', '总胆红素', 'NM', '15.2', 'μmol/L', '0-21', 'N', 'F', NOW() - INTERVAL 1 HOUR, NULL, 2),
(2, 2, 4, 'ALB', '白蛋白', 'NM', '41', 'g/L', '40-55', 'N', 'F', NOW() - INTERVAL 1 HOUR, NULL, 2),
(4, 4, 1, 'WBC', '白细胞计数', 'NM', '6.1', '10^9/L', '3.5-9.5', 'N', 'F', NOW() - INTERVAL 4 HOUR, NULL, 3),
(4, 4, 2, 'HGB', '血红蛋白', 'NM', '98', 'g/L', '115-150', 'L', 'F', NOW() - INTERVAL 4 HOUR,
 NOW() - INTERVAL 30 MINUTE, 3),
(4, 4, 3, 'PLT', '血小板计数', 'NM', '260', '10^9/L', '125-350', 'N', 'F', NOW() - INTERVAL 4 HOUR, NULL, 3),
(4, 4, 2, 'HGB', '血红蛋白', 'NM', '121', 'g/L', '115-150', 'N', 'C', NOW() - INTERVAL 30 MINUTE, NULL, 4);
