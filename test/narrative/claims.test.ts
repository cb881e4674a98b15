import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOPICS, extractClaims, type Claim } from '../../lib/narrative/claims';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/narrative/${name}`, import.meta.url), 'utf8');

/** The comparable part of a claim. */
function brief(c: Claim) {
  return {
    topic: c.topic,
    value: c.value,
    unit: c.unit,
    phrase: c.phrase,
    scope: c.scope,
    ...(c.parts ? { parts: c.parts.map((p) => [p.label, p.value]) } : {}),
  };
}

/** Offsets must be exact: the rules quote text.slice(start, end). */
function claimsOf(text: string) {
  const claims = extractClaims(text);
  for (const c of claims) {
    expect(TOPICS).toContain(c.topic);
    expect(text.slice(c.start, c.end)).toBe(c.phrase);
    expect(text.slice(c.sentence.start, c.sentence.end)).toBe(c.sentence.text);
    expect(c.start).toBeGreaterThanOrEqual(c.sentence.start);
    expect(c.end).toBeLessThanOrEqual(c.sentence.end);
    for (const p of c.parts ?? []) {
      expect(text.slice(p.start, p.end)).toBe(p.phrase);
      expect(p.start).toBeGreaterThanOrEqual(c.sentence.start);
      expect(p.end).toBeLessThanOrEqual(c.sentence.end);
    }
  }
  return claims;
}

const briefs = (text: string) => claimsOf(text).map(brief);

/** The same claims whether the whole text is given or one line (one block of the text extractor) at a time. */
function perLine(text: string) {
  return text.split('\n').flatMap((l) => claimsOf(l).map(brief));
}

describe('seed 000 (互助县住房保障服务中心)', () => {
  const t = fixture('000_d1f4d466d2ee4c6e.txt');
  const expected = [
    { topic: 'active.licensing.decisions', value: 39, unit: '件', phrase: '办理行政许可项目 39 件', scope: 'unknown' },
    { topic: 'applications.none', value: 0, unit: null, phrase: '未收到依申请公开事例', scope: 'unknown' },
  ];

  it('finds the licensing count and "未收到依申请公开事例", and nothing else', () => {
    expect(briefs(t)).toEqual(expected);
    expect(perLine(t)).toEqual(expected);
  });

  it('quotes the whole sentence', () => {
    const c = claimsOf(t).find((x) => x.topic === 'active.licensing.decisions')!;
    expect(c.sentence.text).toBe('2023 全年办理行政许可项目 39 件，报送信息 33 条。');
  });

  it('does not turn 公示公告 2 条 or 报送信息 33 条 into claims', () => {
    const values = claimsOf(t).map((c) => c.value);
    expect(values).not.toContain(2);
    expect(values).not.toContain(33);
    expect(briefs('2023 年发布公示公告 2 条。')).toEqual([]);
    // "不予公开三类" is a classification, not a withheld count
    expect(briefs('将政府信息分为主动公开、依申请公开、不予公开三类，严格按照保密法逐条进行审核。')).toEqual([]);
  });
});

describe('seed 001 (湛河区住建局)', () => {
  it('has no claims ("确保全年未发生任何重大安全事件" is not about reviews)', () => {
    const t = fixture('001_cf1e86794f147280.txt');
    expect(briefs(t)).toEqual([]);
    expect(perLine(t)).toEqual([]);
  });
});

describe('seed 002 (海门区住房建设服务中心)', () => {
  const t = fixture('002_ab6da90aa55277b8.txt');
  const expected = [
    {
      topic: 'breakdown', value: 31, unit: '条', phrase: '南通市海门区住房建设服务中心共发布信息公开类信息31条', scope: 'unknown',
      parts: [
        ['部门简介', 4], ['政策文件', 3], ['公告公示', 5], ['规划计划', 2], ['部门预决算', 1], ['政府采购', 10],
        ['重点工作和民生实事', 4], ['人事信息', 1], ['年度报告', 1],
      ],
    },
    { topic: 'applications.received', value: 8, unit: '件', phrase: '依申请公开8件', scope: 'unknown' },
  ];

  it('finds the 31-条 breakdown (the 件 items are not parts) and "依申请公开8件"', () => {
    expect(briefs(t)).toEqual(expected);
    expect(perLine(t)).toEqual(expected);
    const b = claimsOf(t).find((c) => c.topic === 'breakdown')!;
    expect(b.parts!.reduce((s, p) => s + p.value, 0)).toBe(31);
    expect(b.sentence.text.startsWith('2023年，南通市海门区住房建设服务中心共发布信息公开类信息31条。其中，部门简介4条')).toBe(true);
    expect(b.sentence.text.endsWith('切实保障人民群众的知情权、参与权和监督权。')).toBe(true);
    expect(b.parts![0]!.phrase).toBe('部门简介4条');
  });

  it('does not read 办理市长信箱12件 as anything', () => {
    expect(claimsOf(t).map((c) => c.value)).not.toContain(12);
  });
});

describe('seed 003 (互助县新农村建设服务中心)', () => {
  it('has no claims: "无" under a heading is in another block and says nothing by itself', () => {
    const t = fixture('003_25c42bc5e0ee16a3.txt');
    expect(briefs(t)).toEqual([]);
    expect(perLine(t)).toEqual([]);
  });
});

describe('seed 004 (长子县横水林区服务中心)', () => {
  const t = fixture('004_292e5f130bca3acf.txt');
  const expected = [
    {
      topic: 'breakdown', value: 423, unit: '条', phrase: '在长子县人民政府门户网站主动公开发布信息423条', scope: 'whole',
      parts: [['规划计划', 12], ['社会救助', 90], ['应急管理', 112], ['回应关切', 37], ['监督保障', 41], ['基本医疗卫生', 92], ['财政资金', 22], ['农田水利工程', 15]],
    },
    { topic: 'applications.none', value: 0, unit: null, phrase: '未接收到任何依申请公开的申请', scope: 'whole' },
  ];

  it('finds the 423 breakdown whose parts add to 421, without "另外，村级三务公开459条"', () => {
    expect(briefs(t)).toEqual(expected);
    expect(perLine(t)).toEqual(expected);
    const b = claimsOf(t).find((c) => c.topic === 'breakdown')!;
    expect(b.parts!.reduce((s, p) => s + p.value, 0)).toBe(421);
    expect(b.sentence.text.endsWith('农田水利工程15条。')).toBe(true);
    expect(claimsOf(t).map((c) => c.value)).not.toContain(459);
  });

  it('does not read "1名专职人员" or "未收取信息处理费" as claims', () => {
    expect(briefs('设立了1名专职人员，1名兼职人员。')).toEqual([]);
    expect(briefs('我中心2023年未收取信息处理费。')).toEqual([]);
  });
});

describe('pingtan 2023 (平潭综合实验区, an aggregated report)', () => {
  const t = fixture('pingtan_2023_prose.txt');

  it('reads the requests paragraph: received with its applicants, the results and the reviews', () => {
    expect(briefs(t)).toEqual([
      { topic: 'applications.received', value: 81, unit: '件', phrase: '接收通过邮寄、网络提交的各类政府信息公开申请共计81件', scope: 'whole' },
      { topic: 'applications.received.naturalPerson', value: 80, unit: '件', phrase: '自然人80件', scope: 'whole' },
      { topic: 'applications.received.commercial', value: 1, unit: '件', phrase: '商业企业1件', scope: 'whole' },
      { topic: 'applications.closed', value: 81, unit: '件', phrase: '办结依申请公开81件', scope: 'unknown' },
      { topic: 'applications.granted+partlyGranted', value: 42, unit: '件', phrase: '予以公开及部分公开42件', scope: 'unknown' },
      { topic: 'applications.withheld', value: 5, unit: '件', phrase: '不予公开5件', scope: 'unknown' },
      { topic: 'applications.unavailable', value: 31, unit: '件', phrase: '无法提供31件', scope: 'unknown' },
      { topic: 'applications.notProcessed', value: 1, unit: '件', phrase: '不予处理1件', scope: 'unknown' },
      { topic: 'applications.otherHandling', value: 2, unit: '件', phrase: '其他处理2件', scope: 'unknown' },
      { topic: 'reviews.adminReview.total', value: 2, unit: '件', phrase: '行政复议案件2件', scope: 'unknown' },
      { topic: 'reviews.lawsuits.total', value: 7, unit: '件', phrase: '行政诉讼案件7件', scope: 'unknown' },
    ]);
  });

  it('quotes the ；-clause of each result', () => {
    const w = claimsOf(t).find((c) => c.topic === 'applications.withheld')!;
    expect(w.sentence.text).toBe('不予公开5件，占6.17%；');
  });

  it('makes no claim of the normative documents, the disclosed items or the interviews', () => {
    const values = claimsOf(t).map((c) => c.value);
    for (const v of [393, 77, 13561, 117, 1654, 3, 711, 2021, 350400]) expect(values).not.toContain(v);
    expect(briefs('清理并集中发布现行有效行政规范性文件393件，动态更新本年度制发的规范性文件77件。')).toEqual([]);
    expect(briefs('2023年全区共主动公开政府信息13561条。')).toEqual([]);
    expect(briefs('注销2个无人维护或重复建设的政务新媒体，新开设1个政务新媒体。')).toEqual([]);
  });
});

describe('hongze 2024 (the PDF text, 区政府办 speaking for the district)', () => {
  it('reads the office’s 17 requests as a part-scope claim across the PDF line wrap', () => {
    const t = fixture('hongze_2024_layout.txt');
    const claims = claimsOf(t);
    expect(claims.map(brief)).toEqual([
      { topic: 'applications.received', value: 17, unit: '件', phrase: '受理政府\n信息公开申请 17 件', scope: 'part' },
      { topic: 'applications.allClosed', value: null, unit: null, phrase: '均已在法定期限内予以答复', scope: 'part' },
    ]);
    expect(claims[0]!.sentence.text).toBe('2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。');
  });

  it('reads the same sentence on one line', () => {
    expect(briefs('2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。')).toEqual([
      { topic: 'applications.received', value: 17, unit: '件', phrase: '受理政府信息公开申请 17 件', scope: 'part' },
      { topic: 'applications.allClosed', value: null, unit: null, phrase: '均已在法定期限内予以答复', scope: 'part' },
    ]);
  });

  it('makes no claim of 2428 条, 7 期, the fee or the "降低行政复议、行政诉讼发生率" plan', () => {
    expect(briefs('2024 年，我区在政府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7 期，解读信息发布 7 条。')).toEqual([]);
    expect(briefs('2024 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。')).toEqual([]);
    expect(briefs('使各行政机关答复的方式、格式、不予公开依据等更加规范，有效降低行政复议、行政诉讼发生率和纠错率。')).toEqual([]);
  });
});

describe('patterns', () => {
  it.each([
    ['全年共收到政府信息公开申请三十九件。', 'applications.received', 39],
    ['本年度新收政府信息公开申请8件。', 'applications.received', 8],
    ['2023年，我局共受理依申请公开12件。', 'applications.received', 12],
    ['我局高度重视依申请公开工作。本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。', 'applications.received', 70],
    ['全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。', 'applications.closed', 148],
    ['办结依申请公开81件。', 'applications.closed', 81],
    ['依申请公开情况：本年度收到申请8件，均已办结。', 'applications.received', 8],
    ['共作出行政处罚决定23件。', 'active.penalty.decisions', 23],
    ['全年办理行政许可156件、行政处罚23件。', 'active.penalty.decisions', 23],
    ['实施行政强制措施4次。', 'active.coercion.decisions', 4],
    ['全年共办理行政许可事项1.2万件。', 'active.licensing.decisions', 12000],
    ['因政府信息公开被申请行政复议1件，被提起行政诉讼2件。', 'reviews.adminReview.total', 1],
    ['因政府信息公开被申请行政复议1件，被提起行政诉讼2件。', 'reviews.lawsuits.total', 2],
  ])('%s → %s %s', (text, topic, value) => {
    const c = claimsOf(text).filter((x) => x.topic === topic);
    expect(c.map((x) => x.value)).toEqual([value]);
  });

  it.each([
    ['2023年，我局未收到政府信息公开申请。', 'applications.none'],
    ['本年度无依申请公开事项。', 'applications.none'],
    ['未收到公民、法人或其他组织提出的政府信息公开申请。', 'applications.none'],
    ['依申请公开情况：本年度未收到申请。', 'applications.none'],
    ['三、政府信息依申请公开工作情况 2016年全区未收到有关政府信息公开申请。', 'applications.none'],
    ['全年未发生因政府信息公开引起的行政复议、行政诉讼。', 'reviews.none'],
    ['2016年我区未收到有关政府信息公开行政复议、提起行政诉讼的申请。', 'reviews.none'],
    ['行政复议、行政诉讼案件均为零。', 'reviews.none'],
  ])('%s → %s (value 0)', (text, topic) => {
    expect(claimsOf(text).map((c) => [c.topic, c.value])).toEqual([[topic, 0]]);
  });

  it('"未发生…行政复议" alone is a zero for reviews only', () => {
    expect(briefs('全年未收到因依申请公开引起的行政复议。')).toEqual([
      { topic: 'reviews.adminReview.total', value: 0, unit: null, phrase: '未收到因依申请公开引起的行政复议', scope: 'unknown' },
    ]);
  });

  it('reads a received total listed by applicant in the next sentence', () => {
    expect(briefs('共收到政府信息公开申请81件。其中，自然人80件，商业企业1件。')).toEqual([
      { topic: 'breakdown', value: 81, unit: '件', phrase: '共收到政府信息公开申请81件', scope: 'unknown', parts: [['自然人', 80], ['商业企业', 1]] },
      { topic: 'applications.received', value: 81, unit: '件', phrase: '收到政府信息公开申请81件', scope: 'unknown' },
      { topic: 'applications.received.naturalPerson', value: 80, unit: '件', phrase: '自然人80件', scope: 'unknown' },
      { topic: 'applications.received.commercial', value: 1, unit: '件', phrase: '商业企业1件', scope: 'unknown' },
    ]);
  });

  it('tells the office from the whole', () => {
    const scopes = (t: string) => claimsOf(t).map((c) => [c.value, c.scope]);
    expect(scopes('本机关共受理政府信息公开申请5件。')).toEqual([[5, 'part']]);
    expect(scopes('区政府办公室共收到政府信息公开申请5件。')).toEqual([[5, 'part']]);
    expect(scopes('区政府本级收到申请12件，全区共收到政府信息公开申请95件。')).toEqual([[12, 'part'], [95, 'whole']]);
    expect(scopes('2023年，我局共收到政府信息公开申请3件。')).toEqual([[3, 'whole']]);
    expect(scopes('本单位共收到政府信息公开申请3件。')).toEqual([[3, 'whole']]);
    expect(scopes('共收到政府信息公开申请3件。')).toEqual([[3, 'unknown']]);
  });
});

describe('no claim where the grammar does not bind the number', () => {
  it.each([
    // licensing: applications, catalogue entries and disclosed items are not decisions
    '全年受理行政许可申请500件。',
    '梳理公布行政许可事项45项。',
    '公开行政许可和行政处罚信息1200条。',
    '公开行政许可信息39条。',
    '行政许可类信息69条，施工许可证76条。',
    // a review body, not a respondent; reviews without a disclosure context
    '我局全年办理行政复议案件120件。',
    '全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。',
    '本年度未发生行政复议案件。',
    // requests: negated, about something else, approximate, both verbs on one number, handled (办理)
    '不予受理政府信息公开申请3件。',
    '收到申请8件。',
    '受理各类群众诉求259起。',
    '办理人大代表建议5件，均已办结。',
    '共收到政府信息公开申请约100件。',
    '共收到政府信息公开申请100余件。',
    '收到并办结政府信息公开申请8件。',
    '全年办理政府信息公开申请218件。',
    '依申请公开办结率100%。',
    // breakdowns: two totals, "等", same-sentence lists, a single part
    '全年发布信息500条，较上年增加50条。其中，规划计划12条，社会救助90条。',
    '全年发布信息500条。其中，规划计划12条，社会救助90条等。',
    '今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条。',
    '2016年全区主动公开政府信息3460条。其中，区管委会及区直各部门主动公开政府信息1822条，占53%。各乡镇主动公开政府信息1638条，占47%。',
    // table text run together
    '一、本年新收政府信息公开申请数量230 000023二、上年结转政府信息公开申请数量0000000',
    '受理依申请公开信息总数条00其中：1、当面申请数条00行政复议数件00行政诉讼数件00',
    '行政许可\t0\t\t\n行政处罚\t0',
    // reviews mentioned as a goal; a review count in a clause not about disclosure
    '着力减少行政复议、行政诉讼案件数量。',
    '依申请公开工作有序；全年行政复议案件120件。',
    // a denial of a subset is not a denial of all
    '全年未发生行政复议纠错案件，无依申请公开超期答复情况。',
    '因政府信息公开未发生行政复议纠错、行政诉讼败诉案件。',
    '未发生依申请公开超期答复。',
    '未收到依申请公开的投诉。',
    '依申请公开工作中，基本全部办结。',
  ])('%s', (text) => {
    expect(briefs(text)).toEqual([]);
  });

  it('"均已办结或正在办理" is not all closed', () => {
    expect(briefs('收到政府信息公开申请5件，均已办结或正在办理。').map((c) => c.topic)).toEqual(['applications.received']);
  });
});
