-- Demo volunteers: applications at each step, two active volunteers with
-- shifts this month (one under 4 hours), an evaluation and a published star.
-- Mobiles 139054600xx are not real numbers.
INSERT IGNORE INTO volunteer_applications (application_no, name, id_number, open_id_number, birth_date, sex, mobile,
  email, address, occupation, health, availability, services, languages, emergency_name, emergency_relation, emergency_mobile,
  status, created_at, updated_at) VALUES
('V2DEMO001A', '张丽华', '370402196508120245', '370402196508120245', '1965-08-12', 'female', '13905460001', 'demo@example.com', '市中区人民路 1 号', '社区居民', '',
 '10100000000000', 'guide,education', '方言', '家属', '配偶', '13905469999', 'submitted', NOW() - INTERVAL 70 DAY, NOW());
INSERT IGNORE INTO volunteer_applications (application_no, name, id_number, open_id_number, birth_date, sex, mobile,
  email, address, occupation, health, availability, services, languages, emergency_name, emergency_relation, emergency_mobile,
  status, created_at, updated_at, interview_at, interview_place) VALUES
('V2DEMO002B', '王建国', '370402195803050134', '370402195803050134', '1958-03-05', 'male', '13905460002', 'demo@example.com', '市中区人民路 1 号', '社区居民', '',
 '01010000001100', 'admission,ward', '方言', '家属', '配偶', '13905469999', 'interview', NOW() - INTERVAL 70 DAY, NOW(), CURDATE() + INTERVAL 2 DAY + INTERVAL 10 HOUR, '门诊楼三楼志愿者服务站');
INSERT IGNORE INTO volunteer_applications (application_no, name, id_number, open_id_number, birth_date, sex, mobile,
  email, address, occupation, health, availability, services, languages, emergency_name, emergency_relation, emergency_mobile,
  status, created_at, updated_at, interview_at, interview_place, interview_outcome) VALUES
('V2DEMO003C', '刘晓燕', '37040320010917046X', '37040320010917046X', '2001-09-17', 'female', '13905460003', 'demo@example.com', '市中区人民路 1 号', '社区居民', '',
 '00001100110000', 'guide,theme', '方言', '家属', '配偶', '13905469999', 'training', NOW() - INTERVAL 70 DAY, NOW(), CURDATE() - INTERVAL 5 DAY + INTERVAL 10 HOUR, '门诊楼三楼志愿者服务站', '沟通良好');
INSERT IGNORE INTO volunteer_applications (application_no, name, id_number, open_id_number, birth_date, sex, mobile,
  email, address, occupation, health, availability, services, languages, emergency_name, emergency_relation, emergency_mobile,
  status, created_at, updated_at, interview_outcome, training_sessions, exam_score, exam_attempts, active_since) VALUES
('V2DEMO004D', '陈志强', '37040419900101057X', '37040419900101057X', '1990-01-01', 'male', '13905460004', 'demo@example.com', '市中区人民路 1 号', '社区居民', '',
 '11000000000011', 'guide,ward', '方言', '家属', '配偶', '13905469999', 'active', NOW() - INTERVAL 70 DAY, NOW(), '沟通良好', 3, 86, 1, CURDATE() - INTERVAL 60 DAY);
INSERT IGNORE INTO volunteer_applications (application_no, name, id_number, open_id_number, birth_date, sex, mobile,
  email, address, occupation, health, availability, services, languages, emergency_name, emergency_relation, emergency_mobile,
  status, created_at, updated_at, interview_outcome, training_sessions, exam_score, exam_attempts, active_since) VALUES
('V2DEMO005E', '赵敏', '370405198511200682', '370405198511200682', '1985-11-20', 'female', '13905460005', 'demo@example.com', '市中区人民路 1 号', '社区居民', '',
 '00110011000000', 'education,theme', '方言', '家属', '配偶', '13905469999', 'active', NOW() - INTERVAL 70 DAY, NOW(), '沟通良好', 3, 86, 1, CURDATE() - INTERVAL 60 DAY);
INSERT INTO volunteer_shifts (application_id, point_id, started_at, ended_at, minutes, source, created_at)
SELECT a.id, 1, DATE_FORMAT(CURDATE(), '%Y-%m-01 08:00:00'), DATE_FORMAT(CURDATE(), '%Y-%m-01 11:30:00'), 210, 'office', NOW()
FROM volunteer_applications a WHERE a.application_no = 'V2DEMO004D'
  AND NOT EXISTS (SELECT 1 FROM volunteer_shifts s WHERE s.application_id = a.id);
INSERT INTO volunteer_shifts (application_id, point_id, started_at, ended_at, minutes, source, created_at)
SELECT a.id, 2, DATE_FORMAT(CURDATE(), '%Y-%m-01 14:00:00'), DATE_FORMAT(CURDATE(), '%Y-%m-01 15:30:00'), 90, 'office', NOW()
FROM volunteer_applications a WHERE a.application_no = 'V2DEMO004D'
  AND (SELECT COUNT(*) FROM volunteer_shifts s WHERE s.application_id = a.id) = 1;
INSERT INTO volunteer_shifts (application_id, point_id, started_at, ended_at, minutes, source, created_at)
SELECT a.id, 3, DATE_FORMAT(CURDATE(), '%Y-%m-01 09:00:00'), DATE_FORMAT(CURDATE(), '%Y-%m-01 10:30:00'), 90, 'office', NOW()
FROM volunteer_applications a WHERE a.application_no = 'V2DEMO005E'
  AND NOT EXISTS (SELECT 1 FROM volunteer_shifts s WHERE s.application_id = a.id);
INSERT INTO volunteer_evaluations (application_id, month, conduct, punctuality, feedback, created_by, created_at)
SELECT a.id, DATE_FORMAT(CURDATE(), '%Y-%m'), '耐心细致', '从不迟到', '多位老年患者表扬他导诊耐心', 'demo', NOW()
FROM volunteer_applications a WHERE a.application_no = 'V2DEMO004D'
  AND NOT EXISTS (SELECT 1 FROM volunteer_evaluations e WHERE e.application_id = a.id);
INSERT IGNORE INTO volunteer_stars (application_id, citation, published, created_at)
SELECT id, '坚持每周两个半天在门诊大厅导医,耐心为老年患者讲解自助机使用', 1, NOW()
FROM volunteer_applications WHERE application_no = 'V2DEMO004D';
