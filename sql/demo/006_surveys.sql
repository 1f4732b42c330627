-- Demo: the hospital's standard satisfaction surveys, modelled on the
-- national 门诊 / 住院患者满意度调查 items (registration, waiting, the
-- doctor's explanation, nursing, environment, fees, overall).  Open this
-- year and the next; the outpatient one is public and is the one a visit's
-- invitation leads to.
INSERT INTO surveys (code, version, title, audience, is_public, opens_on, closes_on, created_at) VALUES
  ('OPD', 1, '门诊患者满意度调查', 'outpatient', 1, MAKEDATE(YEAR(CURDATE()), 1), MAKEDATE(YEAR(CURDATE()) + 1, 1) + INTERVAL 364 DAY, NOW()),
  ('IPD', 1, '住院患者满意度调查', 'inpatient', 0, MAKEDATE(YEAR(CURDATE()), 1), MAKEDATE(YEAR(CURDATE()) + 1, 1) + INTERVAL 364 DAY, NOW());

SET @opd = (SELECT id FROM surveys WHERE code = 'OPD' AND version = 1);
SET @ipd = (SELECT id FROM surveys WHERE code = 'IPD' AND version = 1);

INSERT INTO survey_questions (survey_id, position, kind, prompt, required, choices) VALUES
  (@opd, 1, 'rating', '挂号、预约是否方便', 1, NULL),
  (@opd, 2, 'rating', '候诊等待时间是否可以接受', 1, NULL),
  (@opd, 3, 'rating', '医生是否耐心解释病情和治疗方案', 1, NULL),
  (@opd, 4, 'rating', '护士和服务台的服务态度', 1, NULL),
  (@opd, 5, 'rating', '就诊环境(清洁、标识、安静)', 1, NULL),
  (@opd, 6, 'rating', '收费是否清楚、合理', 1, NULL),
  (@opd, 7, 'rating', '对本次就诊的总体满意程度', 1, NULL),
  (@opd, 8, 'single', '您本次是如何预约的', 0, '网上预约\n电话预约\n现场挂号\n其他'),
  (@opd, 9, 'text', '您对我们还有什么意见和建议', 0, NULL),
  (@ipd, 1, 'rating', '入院手续办理是否方便', 1, NULL),
  (@ipd, 2, 'rating', '医生查房和病情解释', 1, NULL),
  (@ipd, 3, 'rating', '护士的护理和及时回应', 1, NULL),
  (@ipd, 4, 'rating', '病房环境(清洁、安静、安全)', 1, NULL),
  (@ipd, 5, 'rating', '膳食服务', 1, NULL),
  (@ipd, 6, 'rating', '费用清单是否清楚、合理', 1, NULL),
  (@ipd, 7, 'rating', '出院指导和随访安排', 1, NULL),
  (@ipd, 8, 'rating', '对本次住院的总体满意程度', 1, NULL),
  (@ipd, 9, 'multiple', '您认为最需要改进的方面', 0, '等候时间\n沟通解释\n护理服务\n病房环境\n膳食\n费用'),
  (@ipd, 10, 'text', '您对我们还有什么意见和建议', 0, NULL);

-- Six months of answers to the outpatient survey (invitations, and every
-- tenth a phone follow-up), with their statistics made from them, so the
-- results page has something to show.
INSERT INTO survey_responses (survey_id, department_id, channel, month, submitted_at)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 240)
SELECT @opd, d.id, IF(n.i % 10 = 0, 'phone', 'invitation'),
       DATE_FORMAT(CURDATE() - INTERVAL (n.i % 6) MONTH, '%Y-%m-01'),
       LEAST(NOW(), DATE_FORMAT(CURDATE() - INTERVAL (n.i % 6) MONTH, '%Y-%m-01') + INTERVAL (n.i % 27) DAY + INTERVAL 10 HOUR)
  FROM n JOIN departments d ON d.sort_order = 1 + n.i % 9;

INSERT INTO survey_answers (response_id, question_id, rating)
SELECT r.id, q.id, GREATEST(1, 5 - ((r.id * 7 + q.position * 5 + (r.month = DATE_FORMAT(CURDATE(), '%Y-%m-01'))) % 4)
                                  * ((r.id + q.position) % 3 = 0))
  FROM survey_responses r JOIN survey_questions q ON q.survey_id = r.survey_id AND q.kind = 'rating'
 WHERE r.survey_id = @opd;

INSERT INTO survey_stats (survey_id, question_id, choice, department_id, month, channel, n, total, r1, r2, r3, r4, r5)
SELECT r.survey_id, a.question_id, 0, r.department_id, r.month, IF(r.channel = 'phone', 'phone', 'self'),
       COUNT(*), SUM(a.rating), SUM(a.rating = 1), SUM(a.rating = 2), SUM(a.rating = 3), SUM(a.rating = 4), SUM(a.rating = 5)
  FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = @opd
 GROUP BY r.survey_id, a.question_id, r.department_id, r.month, IF(r.channel = 'phone', 'phone', 'self');

INSERT INTO survey_stats (survey_id, question_id, choice, department_id, month, channel, n)
SELECT survey_id, 0, 0, department_id, month, IF(channel = 'phone', 'phone', 'self'), COUNT(*)
  FROM survey_responses WHERE survey_id = @opd
 GROUP BY survey_id, department_id, month, IF(channel = 'phone', 'phone', 'self');

UPDATE surveys SET responses = (SELECT COUNT(*) FROM survey_responses WHERE survey_id = @opd) WHERE id = @opd;
