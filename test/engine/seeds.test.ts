import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/audit';
import { AuditResult } from '../../lib/model/result';
import { firedRules, readFixture, SEED_EXPECTATIONS, value } from '../helpers';

const audit = (file: string) => auditText(readFixture('seeds', file), { uri: `seeds/${file}` });

describe('golden: the five seeds produce exactly the findings of rules.md', () => {
  for (const seed of SEED_EXPECTATIONS) {
    it(`${seed.id}: ${seed.rules.join(', ')}`, () => {
      const r = audit(seed.file);
      expect(() => AuditResult.parse(r)).not.toThrow();
      expect(r.status).toBe('assessed');
      expect(firedRules(r)).toEqual(seed.rules);
      // every section found, every table mapped
      expect(r.report!.sections.every((s) => s.found)).toBe(true);
      expect(r.report!.tables.every((t) => t.found)).toBe(true);
    });
  }
});

describe('seed 000 (互助县住房保障服务中心 2023)', () => {
  const r = audit('000_d1f4d466d2ee4c6e.txt');
  it('keeps the blank licensing cell as null, not 0', () => {
    expect(value(r, 'active.licensing.decisions')).toBeNull();
    expect(r.report!.cells['active.licensing.decisions']!.kind).toBe('blank');
    const blank = r.findings.filter((f) => f.rule === 'cell-blank');
    expect(blank).toHaveLength(1);
    expect(blank[0]!.evidence.keys).toEqual(['active.licensing.decisions']);
  });
  it('reports the prose "办理行政许可项目 39 件" against the blank cell, with the sentence as evidence', () => {
    const f = r.findings.find((x) => x.rule === 'narrative-contradiction')!;
    expect(f.evidence.keys).toEqual(['active.licensing.decisions']);
    expect(f.evidence.expected).toBe(39);
    expect(f.evidence.text).toContain('行政许可项目 39 件');
    expect(f.evidence.sources.some((s) => s.role === 'sentence' && s.ref.kind === 'text')).toBe(true);
  });
  it('agrees with "未收到依申请公开事例" and finds no arithmetic failure', () => {
    expect(value(r, 'applications.received.total')).toBe(0);
    for (const id of ['applications-balance', 'applications-result-sum', 'applications-row-sum', 'reviews-sum']) {
      const c = r.checks.find((x) => x.rule === id)!;
      expect(c.fail + c.needsReview).toBe(0);
      expect(c.pass).toBeGreaterThan(0);
    }
  });
  it('names the label variants 社会组织 and 规范性文件', () => {
    const found = r.findings.filter((f) => f.rule === 'label-variant').map((f) => f.evidence.actual);
    expect(found).toEqual(expect.arrayContaining(['社会组织', '规范性文件']));
  });
  it('uses the 2019 single-row （六）其他处理 in a 2023 report', () => {
    expect(r.report!.tables.find((t) => t.id === 'applications')!.layout).toBe('2019');
    expect(value(r, 'applications.otherHandling.total')).toBe(0);
    expect(r.report!.meta.templateVersion).toBe('2021');
  });
  it('reads identity: body, year, department deadline', () => {
    expect(r.report!.meta.body).toBe('互助县住房保障服务中心');
    expect(r.report!.meta.year).toBe(2023);
    expect(r.report!.meta.issuerKind).toBe('department');
    expect(r.report!.meta.deadline).toBe('2024-01-31');
  });
});

describe('seed 001 (湛河区住建局 2023)', () => {
  const r = audit('001_cf1e86794f147280.txt');
  it('reads the fee amount as a decimal', () => expect(value(r, 'active.fees.amount')).toBe(27.8334));
  it('maps 本年度止件数 onto repealed and reports the variant', () => {
    expect(value(r, 'active.normativeDocuments.repealed')).toBe(0);
    const f = r.findings.filter((x) => x.rule === 'label-variant');
    expect(f.map((x) => x.evidence.actual)).toEqual(['本年度止件数']);
  });
  it('does not take the "一、政府信息管理" items inside section 1 for sections', () => {
    expect(r.findings.some((f) => f.rule === 'section-order')).toBe(false);
    expect(r.report!.sections.every((s) => s.occurrences === 1)).toBe(true);
  });
});

describe('seed 002 (海门区住房建设服务中心 2023)', () => {
  const r = audit('002_ab6da90aa55277b8.txt');
  it('reads the totals column', () => {
    expect(value(r, 'applications.received.total')).toBe(8);
    expect(value(r, 'applications.granted.total')).toBe(4);
    expect(value(r, 'applications.unavailable.notHeld.total')).toBe(4);
    expect(value(r, 'applications.resultTotal.total')).toBe(8);
  });
  it('groups the blanks: the six applicant columns as one finding, table 4 non-totals as one', () => {
    const blank = r.findings.filter((f) => f.rule === 'cell-blank');
    expect(blank).toHaveLength(2);
    const apps = blank.find((f) => f.evidence.keys[0]!.startsWith('applications'))!;
    expect(apps.evidence.keys.some((k) => k.endsWith('.total'))).toBe(false);
    expect(new Set(apps.evidence.keys.map((k) => k.split('.').pop())).size).toBe(6);
    const rev = blank.find((f) => f.evidence.keys[0]!.startsWith('reviews'))!;
    expect(rev.evidence.keys).toHaveLength(12);
  });
  it('the balance and the result sum hold on the total column', () => {
    const bal = r.checks.find((c) => c.rule === 'applications-balance')!;
    expect(bal.pass).toBe(1);
    expect(bal.fail).toBe(0);
  });
  it('reports the heading "1、 总体情况" as a variant', () => {
    const f = r.findings.find((x) => x.rule === 'heading-variant')!;
    expect(f.evidence.actual).toContain('总体情况');
  });
  it('is published on time (2024-01-08, signature)', () => {
    expect(r.report!.meta.publication).toMatchObject({ date: '2024-01-08', from: 'signature' });
    expect(r.checks.find((c) => c.rule === 'published-late')!.pass).toBe(1);
  });
  it('the 31-item breakdown adds up and the prose "依申请公开8件" agrees', () => {
    expect(r.checks.find((c) => c.rule === 'breakdown-sum')!.pass).toBeGreaterThanOrEqual(1);
    expect(r.checks.find((c) => c.rule === 'narrative-contradiction')!.pass).toBeGreaterThanOrEqual(1);
  });
});

describe('seed 003 (互助县新农村建设服务中心 2023)', () => {
  const r = audit('003_25c42bc5e0ee16a3.txt');
  it('tells the blank naturalPerson column from the tab positions', () => {
    expect(value(r, 'applications.received.naturalPerson')).toBeNull();
    expect(value(r, 'applications.received.commercial')).toBe(0);
    expect(value(r, 'applications.received.total')).toBe(0);
    const blank = r.findings.filter((f) => f.rule === 'cell-blank');
    expect(blank).toHaveLength(2);
    expect(blank[0]!.evidence.keys.every((k) => k.endsWith('.naturalPerson'))).toBe(true);
    expect(blank[1]!.evidence.keys.every((k) => k.startsWith('reviews.adminReview.'))).toBe(true);
  });
  it('finds the title without "报告" and the body', () => {
    expect(r.report!.meta.title).toContain('2023 年度政府信息公开工作情况');
    expect(r.report!.meta.body).toBe('互助县新农村建设服务中心');
  });
});

describe('seed 004 (长子县横水林区服务中心 2023)', () => {
  const r = audit('004_292e5f130bca3acf.txt');
  it('reports 423 vs 421 with the sentence as evidence', () => {
    const f = r.findings.find((x) => x.rule === 'breakdown-sum')!;
    expect(f.evidence.expected).toBe(423);
    expect(f.evidence.actual).toBe(421);
    expect(f.evidence.text).toContain('423');
    expect(f.evidence.equation).not.toContain('459');
  });
  it('is published on time and states the fee', () => {
    expect(r.report!.meta.publication.date).toBe('2024-01-03');
    expect(r.checks.find((c) => c.rule === 'fee-statement-missing')!.pass).toBe(1);
  });
});
