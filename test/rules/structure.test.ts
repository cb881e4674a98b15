import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/audit';
import { makeReport } from '../make-report';
import { firedRules } from '../helpers';

const audit = (text: string) => auditText(text, { uri: 'test.txt' });
const of = (r: ReturnType<typeof audit>, rule: string) => r.findings.filter((f) => f.rule === rule);

describe("'section-missing'", () => {
  it('a missing section 5 is an error naming it, with the found headings as evidence', () => {
    const r = audit(makeReport({ sections: { 5: null } }));
    const f = of(r, 'section-missing');
    expect(f.map((x) => x.id)).toEqual(['section-missing:section.5']);
    expect(f[0]!.outcome).toBe('fail');
    expect(f[0]!.evidence.sources.length).toBe(5);
  });
});

describe("'section-empty'", () => {
  it('section 5 saying only 无 is flagged; a real section 5 is not', () => {
    expect(of(audit(makeReport({ section5: '无。' })), 'section-empty').map((f) => f.id)).toEqual(['section-empty:section.5']);
    expect(of(audit(makeReport()), 'section-empty')).toHaveLength(0);
  });
});

describe("'section-order'", () => {
  it('sections 5 and 6 swapped are out of order', () => {
    const text = makeReport().replace(/五、存在的主要问题及改进情况([\s\S]*?)六、其他需要报告的事项([\s\S]*?)某某市某某局\n/, '六、其他需要报告的事项$2五、存在的主要问题及改进情况$1某某市某某局\n');
    const r = audit(text);
    expect(of(r, 'section-order').map((f) => f.id)).toEqual(['section-order:sections.order']);
  });
  it('a heading that appears twice is flagged', () => {
    const r = audit(makeReport({ extraProse: '\n六、其他需要报告的事项\n' }));
    expect(of(r, 'section-order').map((f) => f.id)).toContain('section-order:section.6.repeated');
  });
});

describe("'heading-variant'", () => {
  it('"1、 总体情况" is a variant; spaces alone are not', () => {
    expect(of(audit(makeReport({ headings: { 1: '1、 总体情况' } })), 'heading-variant')).toHaveLength(1);
    expect(of(audit(makeReport({ headings: { 1: '一、 总体情况' } })), 'heading-variant')).toHaveLength(0);
  });
  it('sub-items "（一）主动公开情况" inside section 1 are not sections', () => {
    const r = audit(makeReport({ extraProse: '（一）主动公开情况。\n一、政府信息管理：严格审核。' }));
    expect(firedRules(r)).toEqual([]);
  });
});

describe("'table-missing'", () => {
  it('a report without table 4 is an error', () => {
    const text = makeReport().replace(/行政复议\t[\s\S]*?\n\n五、/, '\n五、');
    const r = audit(text);
    expect(of(r, 'table-missing').map((f) => f.id)).toEqual(['table-missing:table.reviews']);
  });
});

describe("'row-missing'", () => {
  it('a table 3 without its 重复申请 row', () => {
    const text = makeReport().replace(/\t\t2\. 重复申请[^\n]*\n/, '');
    const r = audit(text);
    const f = of(r, 'row-missing');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.keys).toEqual(['applications.row.notProcessed.repeated']);
  });
});

describe("'template-outdated'", () => {
  it('a single （六）其他处理 row in a 2023 report', () => {
    const r = audit(makeReport({ otherHandlingSingleRow: true, apps: { otherHandling: ['2', '0', '0', '0', '0', '0', '2'] } }));
    expect(of(r, 'template-outdated').map((f) => f.id)).toEqual(['template-outdated:table.applications']);
    expect(r.report!.cells['applications.otherHandling.total']!.value).toBe(2);
    expect(of(r, 'applications-result-sum')).toHaveLength(0);
  });
  it('is not applicable to a 2020 report', () => {
    const r = audit(makeReport({ year: 2020, otherHandlingSingleRow: true, apps: { otherHandling: ['2', '0', '0', '0', '0', '0', '2'] } }));
    expect(of(r, 'template-outdated')).toHaveLength(0);
  });
});

describe("'label-variant'", () => {
  it('社会组织 for 社会公益组织, once', () => {
    const r = audit(makeReport().replace('社会公益组织', '社会组织'));
    const f = of(r, 'label-variant');
    expect(f.map((x) => [x.evidence.expected, x.evidence.actual])).toEqual([['社会公益组织', '社会组织']]);
    expect(r.report!.cells['applications.received.publicInterest']!.value).toBe(0);
  });
  it('"商业 企业" broken by a space is normalised silently', () => {
    expect(of(audit(makeReport().replace('商业企业', '商业 企业')), 'label-variant')).toHaveLength(0);
  });
});

describe("'not-assessable'", () => {
  it('a page with no report', () => {
    const r = audit('今天天气很好。\n我们去公园散步。');
    expect(r.status).toBe('not-assessable');
    expect(firedRules(r)).toEqual(['not-assessable']);
    expect(r.reason!.zh).toContain('年度报告');
  });
});

describe("'table-missing' with pictures", () => {
  it('tables published as images: needs-review for each table and the report is not-assessable', async () => {
    const { auditBytesSync } = await import('../../lib/node/audit-bytes');
    const sections = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
    const body = sections.map((h, i) => `<p>${h}</p><p>本部分内容${i}。政府信息公开工作稳步推进，取得积极成效，群众满意度不断提升。</p>${i >= 1 && i <= 3 ? `<p><img src="t${i}.png"></p>` : ''}`).join('');
    const html = `<html><head><meta name="ArticleTitle" content="某某局2023年政府信息公开工作年度报告"></head><body><div class="TRS_Editor">${body}</div></body></html>`;
    const r = auditBytesSync({ bytes: new TextEncoder().encode(html), uri: 'pictures.html' });
    expect(r.status).toBe('not-assessable');
    expect(r.findings.filter((f) => f.rule === 'table-missing').map((f) => f.outcome)).toEqual(['needs-review', 'needs-review', 'needs-review']);
    expect(r.findings.filter((f) => f.severity === 'error' && f.outcome === 'fail')).toEqual([]);
    expect(r.reason!.zh).toContain('图片');
  });
});
