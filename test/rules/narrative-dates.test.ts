import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/audit';
import { makeReport } from '../make-report';
import { firedRules } from '../helpers';

const audit = (text: string) => auditText(text, { uri: 'test.txt' });
const of = (r: ReturnType<typeof audit>, rule: string) => r.findings.filter((f) => f.rule === rule);

describe("'narrative-contradiction'", () => {
  it('"收到申请80件" against 81 received is an error citing the sentence and the cell', () => {
    const r = audit(makeReport({ section1: '2023年，我局共收到政府信息公开申请80件。' }));
    const f = of(r, 'narrative-contradiction');
    expect(f).toHaveLength(1);
    expect(f[0]!.outcome).toBe('fail');
    expect(f[0]!.evidence).toMatchObject({ expected: 81, actual: 80, keys: ['applications.received.total'] });
    expect(f[0]!.evidence.sources.map((s) => s.role)).toEqual(['sentence', 'cell']);
  });
  it('applicant parts may count received + carried over, like the total (Pingtan 2022: 自然人72件 = 71 new + 1 carried over)', () => {
    const apps = { received: ['79', '1', '0', '0', '0', '0', '80'], carriedOver: ['1', '0', '0', '0', '0', '0', '1'] };
    const ok = audit(makeReport({ section1: '2023年，全区收到政府信息公开申请81件，涉及自然人80件、商业企业1件。', apps }));
    expect(of(ok, 'narrative-contradiction')).toEqual([]);
    expect(ok.checks.find((c) => c.rule === 'narrative-contradiction')!.pass).toBeGreaterThanOrEqual(3);
    // a part that agrees with neither reading is still an error
    const bad = audit(makeReport({ section1: '2023年，全区收到政府信息公开申请81件，涉及自然人85件、商业企业1件。', apps }));
    expect(of(bad, 'narrative-contradiction').map((f) => [f.outcome, f.evidence.keys])).toEqual([['fail', ['applications.received.naturalPerson']]]);
  });
  it('"未收到政府信息公开申请" while 81 were received', () => {
    const r = audit(makeReport({ section1: '2023年，我局未收到政府信息公开申请。' }));
    expect(of(r, 'narrative-contradiction').map((f) => f.outcome)).toEqual(['fail']);
  });
  it('"均已办结" while applications are carried forward', () => {
    const apps = { carriedForward: ['1', '0', '0', '0', '0', '0', '1'], resultTotal: ['79', '1', '0', '0', '0', '0', '80'], granted: ['21', '0', '0', '0', '0', '0', '21'] };
    const r = audit(makeReport({ section1: '2023年，我局共收到政府信息公开申请81件，均已办结。', apps }));
    const f = of(r, 'narrative-contradiction');
    expect(f.map((x) => x.evidence.keys)).toEqual([['applications.carriedForward.total']]);
  });
  it('an office counting its own applications in a government report is needs-review, not error', () => {
    const r = audit(makeReport({
      title: '某某市某某区人民政府2023年政府信息公开工作年度报告',
      section1: '2023年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。',
    }));
    const f = of(r, 'narrative-contradiction');
    expect(f.map((x) => x.outcome)).toEqual(['needs-review']);
    expect(f[0]!.note!.zh).toContain('口径');
  });
  it('Chinese numerals: "行政复议案件二件" agrees with table 4', () => {
    const r = audit(makeReport({ section1: '因政府信息公开引起的行政复议案件二件、行政诉讼案件七件。' }));
    expect(of(r, 'narrative-contradiction')).toHaveLength(0);
    expect(r.checks.find((c) => c.rule === 'narrative-contradiction')!.pass).toBeGreaterThanOrEqual(2);
  });
});

describe("'breakdown-sum'", () => {
  it('parts that do not add up; the "另外" after the list is not a part', () => {
    const r = audit(makeReport({ extraProse: '全年主动公开信息100条。其中，政策文件40条，通知公告50条。另外，村务公开30条。' }));
    const f = of(r, 'breakdown-sum');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({ expected: 100, actual: 90 });
  });
  it('parts that add up pass', () => {
    const r = audit(makeReport({ extraProse: '全年主动公开信息100条。其中，政策文件40条，通知公告60条。' }));
    expect(of(r, 'breakdown-sum')).toHaveLength(0);
  });
});

describe("'fee-statement-missing'", () => {
  it('"无" alone in section 6 of a 2023 report', () => {
    expect(of(audit(makeReport({ section6: '无' })), 'fee-statement-missing')).toHaveLength(1);
    expect(of(audit(makeReport({ section6: '本年度未收取信息处理费。' })), 'fee-statement-missing')).toHaveLength(0);
  });
});

describe("'published-late' and 'date-unknown'", () => {
  it('a department publishing on 2024-02-05 is late (deadline 01-31)', () => {
    const r = audit(makeReport({ signature: '2024年2月5日' }));
    const f = of(r, 'published-late');
    expect(f.map((x) => x.outcome)).toEqual(['fail']);
    expect(f[0]!.evidence).toMatchObject({ actual: '2024-02-05', expected: '≤ 2024-01-31' });
  });
  it('a government report on 2024-03-08 is on time (deadline 03-31)', () => {
    const r = audit(makeReport({ title: '某某县人民政府2023年政府信息公开工作年度报告', signature: '2024年3月8日' }));
    expect(of(r, 'published-late')).toHaveLength(0);
    expect(r.report!.meta.deadline).toBe('2024-03-31');
  });
  it('no date at all', () => {
    expect(firedRules(audit(makeReport({ signature: null })))).toEqual(['date-unknown']);
  });
});

describe("'year-mismatch'", () => {
  it('the statistics period names another year', () => {
    const r = audit(makeReport({ section1: '本报告统计数据从2022年1月1日至12月31日。' }));
    expect(of(r, 'year-mismatch').map((f) => f.id)).toEqual(['year-mismatch:year.period']);
  });
  it('published two years later', () => {
    const r = audit(makeReport({ signature: '2025年1月10日' }));
    expect(of(r, 'year-mismatch').map((f) => f.id)).toEqual(['year-mismatch:year.publication']);
  });
});
