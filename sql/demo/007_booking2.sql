-- Demo hospital, second round: the departments a city hospital has and the
-- triage table needs (神经内科, 耳鼻喉科, 发热门诊, 急诊科 ...), their
-- doctors (the rolling schedule of demo/schedule.sql gives them sessions),
-- and the symptom -> department table (导诊) the office keeps.
INSERT INTO departments (code, name, location, phone, intro, sort_order) VALUES
    ('SHENJING', '神经内科', '门诊楼三楼北区', '010-12345210', '头痛、头晕、脑血管病、癫痫、帕金森病、失眠等神经系统疾病的诊治。', 10),
    ('ERBIHOU', '耳鼻喉科', '门诊楼四楼北区', '010-12345211', '咽喉炎、鼻炎、鼻窦炎、中耳炎、听力下降、耳鸣的诊治。', 11),
    ('FAREI', '发热门诊', '急诊楼一楼西侧(独立通道)', '010-12345212', '体温 37.3℃ 以上的发热患者首诊,24 小时开放。', 12),
    ('JIZHEN', '急诊科', '急诊楼一楼', '010-12345120', '24 小时急诊:胸痛、卒中、创伤、中毒等急危重症救治。', 13),
    ('GUKE', '骨科', '门诊楼二楼西区 12 诊室', '010-12345213', '骨折、关节损伤、颈肩腰腿痛、骨质疏松的诊治。', 14),
    ('XIAOHUA', '消化内科', '门诊楼二楼东区 5 诊室', '010-12345214', '胃炎、胃溃疡、肠炎、肝胆胰疾病,胃肠镜检查。', 15),
    ('HUXI', '呼吸内科', '门诊楼二楼东区 3 诊室', '010-12345215', '咳嗽、哮喘、肺炎、慢阻肺、肺结节的诊治。', 16),
    ('MINIAO', '泌尿外科', '门诊楼二楼西区 15 诊室', '010-12345216', '泌尿系结石、前列腺疾病、尿路感染的诊治。', 17);
INSERT INTO doctors (department_id, name, title, specialty, intro) VALUES
    ((SELECT id FROM departments WHERE code = 'SHENJING'), '曹文', 'chief', '脑血管病、头痛', '主任医师,从事神经内科临床工作24年,擅长脑血管病、头痛。'),
    ((SELECT id FROM departments WHERE code = 'SHENJING'), '邓辉', 'attending', '癫痫、失眠', '主治医师,从事神经内科临床工作10年,擅长癫痫、失眠。'),
    ((SELECT id FROM departments WHERE code = 'ERBIHOU'), '彭丽', 'associate_chief', '鼻炎、鼻窦炎', '副主任医师,从事耳鼻喉科临床工作17年,擅长鼻炎、鼻窦炎。'),
    ((SELECT id FROM departments WHERE code = 'ERBIHOU'), '许亮', 'attending', '中耳炎、耳鸣', '主治医师,从事耳鼻喉科临床工作9年,擅长中耳炎、耳鸣。'),
    ((SELECT id FROM departments WHERE code = 'FAREI'), '蒋华', 'attending', '发热待查、呼吸道感染', '主治医师,从事感染性疾病临床工作12年。'),
    ((SELECT id FROM departments WHERE code = 'JIZHEN'), '沈勇', 'associate_chief', '急危重症、胸痛救治', '副主任医师,从事急诊临床工作16年。'),
    ((SELECT id FROM departments WHERE code = 'GUKE'), '秦刚', 'chief', '关节置换、运动损伤', '主任医师,从事骨科临床工作26年,擅长关节置换、运动损伤。'),
    ((SELECT id FROM departments WHERE code = 'XIAOHUA'), '吕芳', 'associate_chief', '胃肠疾病、消化内镜', '副主任医师,从事消化内科临床工作15年。'),
    ((SELECT id FROM departments WHERE code = 'HUXI'), '苏楠', 'chief', '哮喘、慢阻肺、肺结节', '主任医师,从事呼吸内科临床工作23年。'),
    ((SELECT id FROM departments WHERE code = 'MINIAO'), '卢峰', 'attending', '泌尿系结石、前列腺增生', '主治医师,从事泌尿外科临床工作11年。');
INSERT INTO symptom_departments (symptom, department_id, emergency)
SELECT s.symptom, d.id, s.emergency FROM (
    SELECT '头痛' AS symptom, 'SHENJING' AS code, 0 AS emergency UNION ALL
    SELECT '头晕', 'SHENJING', 0 UNION ALL
    SELECT '失眠', 'SHENJING', 0 UNION ALL
    SELECT '手脚麻木', 'SHENJING', 0 UNION ALL
    SELECT '发热', 'FAREI', 0 UNION ALL
    SELECT '发热', 'NEIKE', 0 UNION ALL
    SELECT '发烧', 'FAREI', 0 UNION ALL
    SELECT '发烧', 'NEIKE', 0 UNION ALL
    SELECT '咳嗽', 'HUXI', 0 UNION ALL
    SELECT '咳嗽', 'NEIKE', 0 UNION ALL
    SELECT '牙痛', 'KOUQIANG', 0 UNION ALL
    SELECT '牙疼', 'KOUQIANG', 0 UNION ALL
    SELECT '牙龈出血', 'KOUQIANG', 0 UNION ALL
    SELECT '咽痛', 'ERBIHOU', 0 UNION ALL
    SELECT '嗓子疼', 'ERBIHOU', 0 UNION ALL
    SELECT '鼻塞', 'ERBIHOU', 0 UNION ALL
    SELECT '耳鸣', 'ERBIHOU', 0 UNION ALL
    SELECT '胃痛', 'XIAOHUA', 0 UNION ALL
    SELECT '腹泻', 'XIAOHUA', 0 UNION ALL
    SELECT '腰痛', 'GUKE', 0 UNION ALL
    SELECT '关节痛', 'GUKE', 0 UNION ALL
    SELECT '骨折', 'GUKE', 0 UNION ALL
    SELECT '尿频', 'MINIAO', 0 UNION ALL
    SELECT '皮疹', 'PIFU', 0 UNION ALL
    SELECT '视力下降', 'YANKE', 0 UNION ALL
    SELECT '心慌', 'XINNEI', 0 UNION ALL
    SELECT '高血压', 'XINNEI', 0 UNION ALL
    SELECT '月经不调', 'FUCHAN', 0 UNION ALL
    SELECT '孩子', 'ERKE', 0 UNION ALL
    SELECT '小孩', 'ERKE', 0 UNION ALL
    SELECT '儿童', 'ERKE', 0 UNION ALL
    SELECT '宝宝', 'ERKE', 0 UNION ALL
    SELECT '小儿', 'ERKE', 0 UNION ALL
    SELECT '胸痛', 'JIZHEN', 1 UNION ALL
    SELECT '胸痛', 'XINNEI', 1 UNION ALL
    SELECT '呼吸困难', 'JIZHEN', 1 UNION ALL
    SELECT '呼吸困难', 'HUXI', 1
) s JOIN departments d ON d.code = s.code;
