#!/usr/bin/env python3
"""Writes the demo fee data as the HIS would export it (deterministic):
   fees-demo.py DIR [N]  ->  DIR/prices.csv (N items, default 2400),
   DIR/charges.csv (two inpatient stays, one outpatient visit), DIR/deposits.csv.
Names, specifications and prices follow the shape of a county hospital's
price list; the prices are plausible, not the hospital's."""
import csv, random, sys, datetime, os
from zoneinfo import ZoneInfo

rng = random.Random(20261201)
out_dir = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2400
os.makedirs(out_dir, exist_ok=True)

fixed = [  # code, name, category, spec, unit, price, class
    ('250101001', '血常规', '检验', '五分类', '次', '20.00', '甲'),
    ('250101002', '血常规（三分类）', '检验', '三分类', '次', '12.00', '甲'),
    ('250102001', '尿常规', '检验', '干化学+沉渣', '次', '15.00', '甲'),
    ('250103001', '便常规', '检验', '含隐血', '次', '10.00', '甲'),
    ('250301001', '血糖测定', '检验', '酶法', '项', '5.00', '甲'),
    ('250302001', '肝功能', '检验', '11项', '次', '60.00', '甲'),
    ('250303001', '肾功能', '检验', '3项', '次', '25.00', '甲'),
    ('XC0001', '头孢克洛胶囊', '西药', '0.25g*12粒', '盒', '18.60', '乙'),
    ('XC0002', '头孢克洛干混悬剂', '西药', '0.125g*6袋', '盒', '15.30', '乙'),
    ('XC0003', '头孢呋辛酯片', '西药', '0.25g*12片', '盒', '22.40', '乙'),
    ('XC0004', '头孢曲松钠注射液', '西药', '1g', '支', '8.75', '甲'),
    ('ZC0001', '参麦注射液', '中成药', '10ml', '支', '6.90', '乙'),
    ('ZC0002', '调经丸', '中成药', '6g*10丸', '盒', '24.00', '乙'),
    ('ZC0003', '参苓白术散', '中成药', '6g*10袋', '盒', '19.80', '甲'),
    ('ZY0001', '党参', '中草药', '饮片', '克', '0.32', '乙'),
    ('ZY0002', '白术', '中草药', '饮片', '克', '0.18', '乙'),
    ('ZY0003', '人参', '中草药', '饮片', '克', '3.60', '丙'),
    ('310000001', '长期医嘱护理', '护理', '', '日', '3.00', '甲'),
    ('120100001', 'Ⅰ级护理', '护理', '', '日', '30.00', '甲'),
    ('120100002', 'Ⅱ级护理', '护理', '', '日', '20.00', '甲'),
    ('330401001', '重睑术', '手术', '双侧', '次', '1200.00', '丙'),
    ('330402001', '重睑修复术', '手术', '', '次', '1800.00', '丙'),
    ('110900001', '普通病房床位费', '床位', '三人间', '日', '30.00', '甲'),
    ('110900002', '普通病房床位费', '床位', '双人间', '日', '45.00', '甲'),
    ('210100001', 'X线摄影', '检查', 'DR 单部位', '次', '60.00', '甲'),
    ('210300001', 'CT平扫', '检查', '64排 单部位', '次', '180.00', '甲'),
    ('220100001', '彩色多普勒超声', '检查', '腹部', '次', '120.00', '甲'),
    ('310701001', '心电图检查', '检查', '十二导联', '次', '25.00', '甲'),
    ('120400001', '静脉输液', '治疗', '第一组', '组', '12.00', '甲'),
    ('120400002', '静脉注射', '治疗', '', '次', '6.00', '甲'),
    ('MAT0001', '一次性输液器', '材料', '带针', '套', '2.50', '乙'),
    ('MAT0002', '医用纱布', '材料', '8cm*10cm', '块', '0.80', '丙'),
    ('XB0001', '0.9%氯化钠注射液', '西药', '250ml', '袋', '3.80', '甲'),
    ('XB0002', '维生素C注射液', '西药', '2ml:0.5g', '支', '1.20', '甲'),
]

drugs = ['阿莫西林', '阿奇霉素', '左氧氟沙星', '头孢拉定', '头孢地尼', '头孢克肟', '头孢他啶', '头孢哌酮舒巴坦',
         '青霉素钠', '克林霉素', '甲硝唑', '布洛芬', '对乙酰氨基酚', '双氯芬酸钠', '阿司匹林', '氯吡格雷',
         '阿托伐他汀钙', '瑞舒伐他汀钙', '硝苯地平', '氨氯地平', '厄贝沙坦', '缬沙坦', '美托洛尔', '比索洛尔',
         '二甲双胍', '格列美脲', '阿卡波糖', '胰岛素', '奥美拉唑', '泮托拉唑', '雷贝拉唑', '多潘立酮',
         '蒙脱石', '乳果糖', '氨溴索', '盐酸氨溴索', '孟鲁司特钠', '氯雷他定', '西替利嗪', '地塞米松',
         '泼尼松', '甲泼尼龙', '呋塞米', '螺内酯', '氢氯噻嗪', '华法林钠', '肝素钠', '低分子肝素钙',
         '碳酸钙', '维生素B1', '维生素B6', '维生素B12', '叶酸', '葡萄糖', '氯化钾', '硫酸镁', '利多卡因',
         '丙泊酚', '咪达唑仑', '地西泮', '艾司唑仑', '舍曲林', '帕罗西汀', '奥氮平', '利培酮', '丙戊酸钠',
         '卡马西平', '左甲状腺素钠', '甲巯咪唑', '骨化三醇', '阿法骨化醇', '重组人干扰素', '重组人生长激素']
forms = [('片', '片', '盒', ['0.1g*24片', '0.25g*12片', '0.5g*20片', '10mg*7片', '5mg*28片']),
         ('胶囊', '粒', '盒', ['0.25g*24粒', '0.5g*12粒', '20mg*14粒']),
         ('注射液', '支', '支', ['1ml:10mg', '2ml:0.1g', '5ml:0.5g', '10ml:1g']),
         ('注射用', '瓶', '瓶', ['0.5g', '1.0g', '2.0g']),
         ('缓释片', '片', '盒', ['30mg*10片', '0.2g*20片']),
         ('颗粒', '袋', '盒', ['0.5g*10袋', '3g*12袋'])]
patent = ['复方丹参', '银黄', '板蓝根', '连花清瘟', '藿香正气', '六味地黄', '逍遥', '补中益气', '香砂养胃',
          '牛黄解毒', '双黄连', '清开灵', '血塞通', '丹红', '金水宝', '百令', '桂枝茯苓', '乌鸡白凤', '益母草',
          '安宫牛黄', '速效救心', '麝香保心', '通心络', '脑心通', '复方甘草', '急支', '小儿感冒', '蒲地蓝消炎']
patent_forms = [('丸', '6g*10丸'), ('片', '0.3g*36片'), ('胶囊', '0.4g*24粒'), ('颗粒', '10g*10袋'),
                ('口服液', '10ml*10支'), ('滴丸', '27mg*180丸'), ('注射液', '10ml')]
herbs = ['黄芪', '当归', '川芎', '白芍', '熟地黄', '生地黄', '茯苓', '甘草', '陈皮', '半夏', '丹参', '苦参',
         '玄参', '沙参', '太子参', '西洋参', '苍术', '莪术', '大黄', '大枣', '阿胶', '枸杞子', '菊花', '金银花',
         '连翘', '柴胡', '黄芩', '黄连', '黄柏', '栀子', '薄荷', '桔梗', '杏仁', '麦冬', '天冬', '五味子',
         '山药', '山茱萸', '泽泻', '牡丹皮', '桂枝', '附子', '干姜', '生姜', '白芷', '防风', '羌活', '独活',
         '红花', '桃仁', '益母草', '牛膝', '杜仲', '续断', '茜草', '蛤蚧', '藁本', '三七', '天麻', '钩藤']
herb_specs = ['饮片', '配方颗粒', '精制饮片']
labs = ['血清总蛋白测定', '血清白蛋白测定', '丙氨酸氨基转移酶测定', '天门冬氨酸氨基转移酶测定', '血清肌酐测定',
        '尿素测定', '血清尿酸测定', '甘油三酯测定', '总胆固醇测定', '糖化血红蛋白测定', 'C反应蛋白测定',
        '降钙素原测定', '凝血酶原时间测定', '活化部分凝血活酶时间测定', '乙型肝炎表面抗原测定', '丙型肝炎抗体测定',
        '人免疫缺陷病毒抗体测定', '梅毒螺旋体抗体测定', '甲状腺功能', '血清钾测定', '血清钠测定', '血气分析',
        '肌钙蛋白测定', '脑钠肽测定', 'D-二聚体测定', '血型鉴定', '交叉配血', '细菌培养及鉴定', '药敏试验']
lab_methods = ['化学法', '免疫比浊法', '化学发光法', '酶联免疫法', '仪器法']
exams = ['X线摄影', 'CT平扫', 'CT增强扫描', '磁共振平扫', '磁共振增强扫描', '彩色多普勒超声', '超声心动图',
         '动态心电图', '动态血压监测', '胃镜检查', '肠镜检查', '支气管镜检查', '骨密度测定', '肺功能检查', '脑电图']
exam_parts = ['头颅', '胸部', '腹部', '腰椎', '颈椎', '膝关节', '肝胆脾', '甲状腺', '乳腺', '泌尿系']
treatments = ['肌肉注射', '皮下注射', '静脉输液', '雾化吸入', '换药', '清创缝合术', '导尿', '灌肠', '吸氧',
              '针刺', '艾灸', '推拿', '拔罐', '中药熏洗', '康复评定', '运动疗法', '血液透析', '吸痰护理']
surgeries = ['阑尾切除术', '胆囊切除术', '疝修补术', '剖宫产术', '甲状腺次全切除术', '白内障超声乳化摘除术',
             '腰椎间盘摘除术', '膝关节置换术', '包皮环切术', '痔切除术', '扁桃体切除术', '乳腺肿物切除术']
materials = ['一次性注射器', '留置针', '导尿管', '吸氧管', '医用胶带', '无菌手套', '引流袋', '输血器',
             '中心静脉导管', '吻合器', '骨科钢板', '人工晶体', '医用口罩', '敷贴']

items = list(fixed)
seen = {(r[1], r[3]) for r in items}
n = 0

def price(lo, hi, step=1):
    return '%.2f' % (rng.randrange(int(lo * 100), int(hi * 100), step) / 100)

def cls():
    return rng.choice('甲甲甲乙乙丙')

def add(code, name, cat, spec, unit, p, c):
    if (name, spec) in seen:
        return
    seen.add((name, spec))
    items.append((code, name, cat, spec, unit, p, c))

gen = []
for d in drugs:
    for f, u, pack, specs in forms:
        name = ('注射用' + d) if f == '注射用' else d + f
        for s in specs:
            gen.append(('西药', name, s, pack))
for p in patent:
    for f, s in patent_forms:
        gen.append(('中成药', p + f, s, '盒' if '注射' not in f else '支'))
for h in herbs:
    for s in herb_specs:
        gen.append(('中草药', h, s, '克'))
for l in labs:
    for m in lab_methods:
        gen.append(('检验', l, m, '项'))
for e in exams:
    for part in exam_parts:
        gen.append(('检查', e, part, '部位'))
for t in treatments:
    for s in ['', '每次', '大', '中', '小']:
        gen.append(('治疗', t, s, '次'))
for s in surgeries:
    for v in ['', '腹腔镜下', '含麻醉']:
        gen.append(('手术', s, v, '次'))
for m in materials:
    for v in ['5ml', '10ml', '20G', '22G', '16Fr', '大号', '中号', '小号', '10cm*10cm']:
        gen.append(('材料', m, v, '个'))
rng.shuffle(gen)
ranges = {'西药': (0.5, 300), '中成药': (5, 120), '中草药': (0.02, 5), '检验': (3, 200), '检查': (20, 1200),
          '治疗': (2, 500), '手术': (300, 12000), '材料': (0.5, 3000)}
for i, (cat, name, spec, unit) in enumerate(gen):
    if len(items) >= count:
        break
    lo, hi = ranges[cat]
    add('D%06d' % (i + 1), name, cat, spec, unit, price(lo, hi), cls())
i = len(gen)
while len(items) < count:  # a larger generated catalogue (make bench): numbered variants
    i += 1
    cat, name, spec, unit = gen[i % len(gen)]
    lo, hi = ranges[cat]
    add('G%07d' % i, name, cat, '%s 批%d' % (spec, i), unit, price(lo, hi), cls())

def insurance(code, cat):
    if cat in ('西药', '中成药'):
        return 'X%s%07d' % ('B' if cat == '西药' else 'Z', int.from_bytes(code.encode(), 'little') % 10000000)
    return ''

with open(os.path.join(out_dir, 'prices.csv'), 'w', newline='', encoding='utf-8-sig') as f:
    w = csv.writer(f)
    w.writerow(['项目编码', '医保编码', '项目名称', '类别', '规格', '单位', '单价', '医保类别'])
    for code, name, cat, spec, unit, p, c in items:
        w.writerow([code, insurance(code, cat), name, cat, spec, unit, p, c])

# two stays and a visit, their fee items day by day, and deposits
today = datetime.datetime.now(ZoneInfo('Asia/Shanghai')).date()  # the hospital's day
stays = [('ZY2026000123', '张三', '13800001234', '110101199003071234', '心内科', '心内科一病区', '12', 6),
         ('ZY2026000456', '李四', '13900005678', '11010119851111567X', '骨科', '骨科二病区', '3', 3)]
by_code = {r[0]: r for r in items}
daily = ['110900001', '120100002', '120400001', 'XB0001', 'MAT0001']
with open(os.path.join(out_dir, 'charges.csv'), 'w', newline='', encoding='utf-8-sig') as f:
    w = csv.writer(f)
    w.writerow(['类型', '号码', '姓名', '手机号', '身份证号', '科室', '病区', '床号', '入院时间', '出院时间',
                '行号', '日期', '项目编码', '项目名称', '规格', '单位', '单价', '数量', '医保类别'])
    line = 0
    for no, name, mobile, idno, dept, ward, bed, days in stays:
        admitted = today - datetime.timedelta(days=days - 1)
        for d in range(days):
            day = admitted + datetime.timedelta(days=d)
            codes = daily + (['250101001', '250302001', '210300001'] if d == 0 else []) + \
                    (['XC0004', 'XC0004'] if d % 2 else ['ZC0001'])
            for code in codes:
                line += 1
                c = by_code[code]
                qty = '2' if code == 'XB0001' else '1'
                w.writerow(['住院', no, name, mobile, idno, dept, ward, bed, admitted.isoformat() + ' 09:30', '',
                            'L%08d' % line, day.isoformat(), code, c[1], c[3], c[4], c[5], qty, c[6]])
    for code, qty in [('250101001', '1'), ('XC0001', '2'), ('310701001', '1')]:
        line += 1
        c = by_code[code]
        w.writerow(['门诊', 'MZ2026100088', '王五', '13700009012', '', '呼吸内科', '', '',
                    today.isoformat() + ' 08:15', '', 'L%08d' % line, today.isoformat(), code, c[1], c[3], c[4],
                    c[5], qty, c[6]])
with open(os.path.join(out_dir, 'deposits.csv'), 'w', newline='', encoding='utf-8-sig') as f:
    w = csv.writer(f)
    w.writerow(['类型', '号码', '行号', '缴费时间', '金额', '方式'])
    w.writerow(['住院', 'ZY2026000123', 'D0001', (today - datetime.timedelta(days=5)).isoformat() + ' 10:02', '3000.00', '微信'])
    w.writerow(['住院', 'ZY2026000123', 'D0002', (today - datetime.timedelta(days=2)).isoformat() + ' 16:40', '2000.00', '银行卡'])
    w.writerow(['住院', 'ZY2026000456', 'D0003', (today - datetime.timedelta(days=2)).isoformat() + ' 11:20', '1000.00', '现金'])
