-- 志愿者医院服务: the recruitment call, applications and their workflow,
-- service points, shifts (service hours), evaluations and star volunteers.

-- The recruitment call (招募简章): one row, edited by the coordinator.
CREATE TABLE volunteer_call (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  title VARCHAR(100) NOT NULL,
  services TEXT NOT NULL,          -- what volunteers do
  eligibility TEXT NOT NULL,       -- who can apply
  how_to_apply TEXT NOT NULL,
  commitment TEXT NOT NULL,        -- 志愿工作承诺书, shown in full on the form
  is_open TINYINT(1) NOT NULL DEFAULT 1,
  deadline DATE NULL,              -- last day applications are taken
  updated_at DATETIME NOT NULL,
  CONSTRAINT one_call CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An application, and the volunteer it becomes.  `open_id_number` holds the
-- ID number while the application is not in a final state (NULL after), so
-- a UNIQUE key allows one open application per ID number.
CREATE TABLE volunteer_applications (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_no CHAR(10) NOT NULL,
  name VARCHAR(32) NOT NULL,
  id_number VARCHAR(18) NOT NULL,
  open_id_number VARCHAR(18) NULL,
  birth_date DATE NOT NULL,
  sex ENUM('male', 'female') NOT NULL,
  mobile CHAR(11) NOT NULL,
  email VARCHAR(100) NOT NULL,
  address VARCHAR(200) NOT NULL,
  occupation VARCHAR(100) NOT NULL,
  political_status VARCHAR(20) NULL,
  health TEXT NOT NULL,
  availability CHAR(14) NOT NULL,   -- Mon AM, Mon PM, ... Sun PM as 0/1
  services VARCHAR(100) NOT NULL,   -- comma-separated keys
  skills TEXT NULL,
  languages VARCHAR(200) NULL,
  previous TEXT NULL,
  emergency_name VARCHAR(32) NOT NULL,
  emergency_relation VARCHAR(20) NOT NULL,
  emergency_mobile CHAR(11) NOT NULL,
  status ENUM('submitted', 'interview', 'training', 'exam', 'active',
              'rejected', 'withdrawn', 'suspended', 'left') NOT NULL DEFAULT 'submitted',
  interview_at DATETIME NULL,
  interview_place VARCHAR(100) NULL,
  interview_notes TEXT NULL,
  interview_outcome VARCHAR(200) NULL,
  training_sessions INT NOT NULL DEFAULT 0,
  exam_score INT NULL,
  exam_attempts INT NOT NULL DEFAULT 0,
  reason VARCHAR(200) NULL,         -- why rejected, withdrawn, suspended, left
  active_since DATE NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY application_no (application_no),
  UNIQUE KEY one_open (open_id_number),
  KEY by_status (status, created_at),
  CONSTRAINT exam_range CHECK (exam_score IS NULL OR exam_score BETWEEN 0 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Service points (导医台, 住院部, wards): each has a printed QR code.
CREATE TABLE volunteer_points (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  UNIQUE KEY name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A shift: begun (checked in) and ended (checked out); minutes when ended.
CREATE TABLE volunteer_shifts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id INT UNSIGNED NOT NULL,
  point_id INT UNSIGNED NOT NULL,
  started_at DATETIME NOT NULL,
  ended_at DATETIME NULL,
  minutes INT NULL,
  source ENUM('office', 'qr') NOT NULL,
  created_at DATETIME NOT NULL,
  KEY by_volunteer (application_id, started_at),
  KEY by_month (started_at),
  CONSTRAINT shift_volunteer FOREIGN KEY (application_id) REFERENCES volunteer_applications (id),
  CONSTRAINT shift_point FOREIGN KEY (point_id) REFERENCES volunteer_points (id),
  CONSTRAINT shift_order CHECK (ended_at IS NULL OR ended_at > started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Evaluation notes: conduct, punctuality, patient feedback.
CREATE TABLE volunteer_evaluations (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id INT UNSIGNED NOT NULL,
  month CHAR(7) NOT NULL,
  conduct VARCHAR(200) NOT NULL,
  punctuality VARCHAR(200) NOT NULL,
  feedback VARCHAR(500) NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY by_volunteer (application_id, month),
  CONSTRAINT evaluation_volunteer FOREIGN KEY (application_id) REFERENCES volunteer_applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 服务明星: the volunteers the office publishes, with a citation.
CREATE TABLE volunteer_stars (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application_id INT UNSIGNED NOT NULL,
  citation VARCHAR(200) NOT NULL,
  published TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  UNIQUE KEY one_star (application_id),
  CONSTRAINT star_volunteer FOREIGN KEY (application_id) REFERENCES volunteer_applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The public sees of a star only the name the office published, the
-- citation, since when and the hours, through this view.
CREATE VIEW public_volunteer_stars AS
  SELECT s.id, a.name, s.citation, a.active_since,
         (SELECT COALESCE(SUM(minutes), 0) FROM volunteer_shifts h WHERE h.application_id = a.id) AS minutes
  FROM volunteer_stars s JOIN volunteer_applications a ON a.id = s.application_id
  WHERE s.published = 1 AND a.status = 'active';

INSERT INTO volunteer_call (id, title, services, eligibility, how_to_apply, commitment, is_open, deadline, updated_at) VALUES
(1, '“志愿者医院服务”志愿者招募',
 '导医导诊:在门诊大厅为患者指路、解答咨询、协助自助机使用。\n出入院直通车:引导病人或家属办理入、出院手续,陪送入院病人至病区。\n病房陪伴:为住院患者提供沟通交流、陪同检查、阅读报刊等服务。\n健康宣教:发放宣传资料,协助开展健康讲座。\n主题日活动:高血压病日、爱眼日、爱耳日等主题性志愿服务。',
 '年满18周岁,有对自己的行为负责任的能力;具有志愿精神,认同志愿者的使命及目标,不追求物质报酬;具有良好的沟通能力和责任感,愿意与他人合作;有参与服务的时间(每月不少于4小时);身体状况基本健康。',
 '在线填写志愿者申请表,提交后获得申请编号,凭申请编号和手机号查询进度。医院将安排面试、培训和考核,考核合格(60分及以上)后成为正式志愿者。',
 '本人自愿成为医院志愿者,承诺:\n一、遵守国家法律法规和医院规章制度,服从志愿者协调员的安排;\n二、尊重患者,保护患者隐私,不泄露在服务中知悉的患者信息;\n三、不收受患者及家属任何钱物,不追求物质报酬或其它私利;\n四、按时参加服务,每月服务不少于4小时,不能到岗时提前请假;\n五、服务时佩戴志愿者标识,文明礼貌,不从事超出志愿服务范围的医疗行为;\n六、如有违反,医院有权暂停或终止本人的志愿服务。',
 1, NULL, NOW());

INSERT INTO volunteer_points (name) VALUES ('门诊大厅导医台'), ('住院部服务中心'), ('内科病区'), ('外科病区');

-- The key of volunteers' signed links and codes: check-in links sent to a
-- volunteer's mobile, service points' QR codes, certificates.
INSERT INTO app_secrets (name, value) VALUES ('volunteers', HEX(RANDOM_BYTES(32)));

INSERT INTO rate_rules (scope, max_hits, window_seconds, block_seconds, max_block_seconds, what) VALUES
('vol.apply.client',  10, 3600,  0,    0, 'volunteer applications submitted from one address'),
('vol.lookup.client', 20,  900, 60, 3600, 'failed application lookups from one address'),
('vol.lookup.number',  5,  900, 60, 3600, 'failed lookups of one application number');
