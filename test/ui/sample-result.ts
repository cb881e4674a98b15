import { AuditResult } from '../../lib/model/result';

/**
 * A hand-made AuditResult that validates against the schema: an error with a total and operands, a needs-review
 * narrative finding on a sentence, an info finding without sources. Used where the UI must be tested
 * independently of what the engine says about a given fixture.
 */
export function sampleResult(): AuditResult {
  const html = (selector: string, start?: number, end?: number) => ({
    kind: 'html' as const,
    selector,
    ...(start !== undefined ? { start, end } : {}),
  });
  return AuditResult.parse({
    schemaVersion: '1.0.0',
    tool: { name: 'nianbao-audit', version: '0.1.0' },
    generatedAt: '2026-11-22T08:00:00.000Z',
    source: { kind: 'html', uri: 'http://www.example.gov.cn/nb/2023.html', title: '湛河区住建局2023年政府信息公开工作年度报告', sha256: null, bytes: null },
    status: 'assessed',
    reason: null,
    report: {
      meta: {
        title: '湛河区住建局2023年政府信息公开工作年度报告',
        titleSource: null,
        body: '湛河区住建局',
        year: 2023,
        periodYears: [2023],
        issuerKind: 'department',
        issuerReason: '局',
        templateVersion: '2021',
        publication: { date: '2024-02-05', raw: '2024-02-05', from: 'meta', confidence: 'high', source: null },
        deadline: '2024-01-31',
      },
      sections: [],
      tables: [],
      cells: {},
      deviations: [],
      statements: [],
      detected: { score: 0.9, signals: ['title'] },
    },
    findings: [
      {
        id: 'applications-row-sum:received',
        rule: 'applications-row-sum',
        severity: 'error',
        outcome: 'fail',
        message: { zh: '“本年新收”一行的总计 91 不等于各列之和 81。', en: 'The total of row "received" (91) is not the sum of its columns (81).' },
        evidence: {
          keys: ['applications.received.total', 'applications.received.naturalPerson', 'applications.received.commercial'],
          values: { 'applications.received.total': 91, 'applications.received.naturalPerson': 80, 'applications.received.commercial': 1 },
          expected: 81,
          actual: 91,
          equation: 'total = naturalPerson + commercial + research + publicInterest + legalService + otherOrg',
          sources: [
            { ref: html('#t3 > tr:nth-child(2) > td:nth-child(8)'), role: 'total', key: 'applications.received.total' },
            { ref: html('#t3 > tr:nth-child(2) > td:nth-child(2)'), role: 'operand', key: 'applications.received.naturalPerson' },
            { ref: html('#t3 > tr:nth-child(2) > td:nth-child(3)'), role: 'operand', key: 'applications.received.commercial' },
          ],
        },
      },
      {
        id: 'narrative-contradiction:received',
        rule: 'narrative-contradiction',
        severity: 'error',
        outcome: 'needs-review',
        message: { zh: '正文称收到申请 81 件，表三为 91 件。', en: 'The text says 81 applications were received; table 3 says 91.' },
        note: { zh: '正文可能按不同口径统计。', en: 'The text may count differently.' },
        evidence: {
          keys: ['applications.received.total'],
          expected: 91,
          actual: 81,
          text: '共计81件，涉及自然人80件、商业企业1件。',
          sources: [{ ref: html('#p1', 2, 20), role: 'sentence' }],
        },
      },
      {
        id: 'label-variant:active.col.repealed',
        rule: 'label-variant',
        severity: 'info',
        outcome: 'fail',
        message: { zh: '列名“本年度止件数”与标准“本年废止件数”不同。', en: 'Column label "本年度止件数" differs from "本年废止件数".' },
        evidence: { keys: [], text: '本年度止件数', sources: [] },
      },
    ],
    checks: [
      { rule: 'applications-balance', severity: 'error', fail: 0, needsReview: 0, pass: 7, notApplicable: 0 },
      { rule: 'applications-row-sum', severity: 'error', fail: 1, needsReview: 0, pass: 24, notApplicable: 0 },
      { rule: 'reviews-sum', severity: 'error', fail: 0, needsReview: 0, pass: 3, notApplicable: 0 },
      { rule: 'copied-text', severity: 'warning', fail: 0, needsReview: 0, pass: 0, notApplicable: 1 },
    ],
    summary: {
      errors: 1,
      warnings: 0,
      infos: 1,
      needsReview: 1,
      verdict: { zh: '发现1 个错误、1 处需复核、1 条提示。', en: 'Found 1 error, 1 to review, 1 note.' },
    },
  });
}
