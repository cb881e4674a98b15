import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { auditBytesSync } from '../../lib/node/audit-bytes';
import { auditDocument } from '../../lib/audit';
import { decodeHtmlBytes } from '../../lib/source/decode';
import { AuditResult } from '../../lib/model/result';
import { firedRules, readFixtureBytes, SEED_EXPECTATIONS, value } from '../helpers';

const FILES: Record<string, string> = { '000': 'seed-000.html', '001': 'seed-001-gbk.html', '002': 'seed-002.html', '003': 'seed-003.html', '004': 'seed-004.html' };

describe('HTML renderings of the seeds (Word-exported tables in a CMS page) give the same findings', () => {
  for (const seed of SEED_EXPECTATIONS) {
    const file = FILES[seed.id]!;
    it(`${file}: ${seed.rules.join(', ')}`, () => {
      const r = auditBytesSync({ bytes: readFixtureBytes('html', file), uri: file });
      AuditResult.parse(r);
      expect(firedRules(r)).toEqual(seed.rules);
      expect(r.report!.tables.every((t) => t.found && t.missing.length === 0)).toBe(true);
    });
    it(`${file}: the same in jsdom as in linkedom (the DOM the content script sees)`, () => {
      const bytes = readFixtureBytes('html', file);
      const doc = new JSDOM(decodeHtmlBytes(bytes).text).window.document;
      const a = auditDocument(doc, { uri: file });
      const b = auditBytesSync({ bytes, uri: file });
      expect(a.findings.map((f) => f.id)).toEqual(b.findings.map((f) => f.id));
      expect(a.report!.cells).toEqual(b.report!.cells);
      // every cell reference finds its <td> again
      for (const [key, c] of Object.entries(a.report!.cells)) {
        if (c.source?.kind !== 'html') continue;
        const el = doc.querySelector(c.source.selector);
        expect(el?.tagName, key).toBe('TD');
      }
    });
  }
  it('the GBK page is decoded by its meta charset', () => {
    const r = auditBytesSync({ bytes: readFixtureBytes('html', 'seed-001-gbk.html'), uri: 'seed-001-gbk.html' });
    expect(r.report!.meta.body).toBe('湛河区住建局');
    expect(value(r, 'active.fees.amount')).toBe(27.8334);
  });
  it('a mutated number in the HTML fails the right equation at the right cell', () => {
    const html = new TextDecoder().decode(readFixtureBytes('corpus', 'pingtan_2023.html'));
    // 予以公开 自然人 22 → 23 (the first cell after the label)
    const mutated = html.replace(/(（一）予以公开[\s\S]*?<td[^>]*>[\s\S]*?)22/, '$123');
    expect(mutated).not.toBe(html);
    const r = auditBytesSync({ bytes: new TextEncoder().encode(mutated), uri: 'mutated.html' });
    const f = r.findings.find((x) => x.rule === 'applications-result-sum')!;
    expect(f.id).toBe('applications-result-sum:applications.resultTotal.naturalPerson');
    const total = f.evidence.sources.find((s) => s.role === 'total')!;
    expect(total.key).toBe('applications.resultTotal.naturalPerson');
    const doc = new JSDOM(mutated).window.document;
    expect(doc.querySelector((total.ref as { selector: string }).selector)!.textContent!.trim()).toBe('80');
  });
});

describe('the real portal page corpus/pingtan_2023.html', () => {
  const r = auditBytesSync({ bytes: readFixtureBytes('corpus', 'pingtan_2023.html'), uri: 'pingtan_2023.html' });
  it('maps every cell of tables 2-4', () => {
    expect(Object.keys(r.report!.cells)).toHaveLength(10 + 25 * 7 + 15);
    expect(Object.values(r.report!.cells).every((c) => c.kind === 'number')).toBe(true);
    expect(value(r, 'applications.received.total')).toBe(81);
    expect(value(r, 'applications.received.naturalPerson')).toBe(80);
    expect(value(r, 'applications.received.commercial')).toBe(1);
    expect(value(r, 'applications.granted.total')).toBe(22);
    expect(value(r, 'applications.partlyGranted.total')).toBe(20);
    expect(value(r, 'applications.resultTotal.total')).toBe(81);
    expect(value(r, 'applications.carriedForward.total')).toBe(0);
    expect(value(r, 'active.normativeDocuments.inForce')).toBe(470);
    expect(value(r, 'active.licensing.decisions')).toBe(2629);
    expect(value(r, 'active.fees.amount')).toBe(5949.088667);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(r, `reviews.adminReview.${c}`))).toEqual([1, 1, 0, 0, 2]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(r, `reviews.directSuit.${c}`))).toEqual([4, 0, 0, 1, 5]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(r, `reviews.suitAfterReview.${c}`))).toEqual([1, 0, 1, 0, 2]);
  });
  it('raises no finding: the prose agrees (393 in force is not a contradiction of 470), on time as a government report', () => {
    expect(r.findings).toEqual([]);
    expect(r.report!.meta).toMatchObject({ year: 2023, issuerKind: 'government', deadline: '2024-03-31' });
    expect(r.report!.meta.publication).toMatchObject({ date: '2024-03-08', from: 'meta' });
    const narrative = r.checks.find((c) => c.rule === 'narrative-contradiction')!;
    expect(narrative.pass).toBeGreaterThanOrEqual(10);
    expect(r.report!.statements.some((s) => s.topic.includes('inForce'))).toBe(false);
  });
});

describe('the real portal page corpus/pingtan_2019.html (the 2019 format, as in force for reports on 2019 and 2020)', () => {
  const r = auditBytesSync({ bytes: readFixtureBytes('corpus', 'pingtan_2019.html'), uri: 'pingtan_2019.html' });
  it('maps every cell of the 2019 tables, the procurement amount with its unit', () => {
    expect(r.report!.meta).toMatchObject({ year: 2019, templateVersion: '2019', issuerKind: 'government', deadline: '2020-03-31' });
    expect(r.report!.tables.map((t) => [t.id, t.missing])).toEqual([['active', []], ['applications', []], ['reviews', []]]);
    // table 2: 8 rows of the 2019 format (22 cells), table 3: 23 rows with the single （六）其他处理, table 4: 15
    expect(Object.keys(r.report!.cells)).toHaveLength(22 + 23 * 7 + 15);
    expect(Object.values(r.report!.cells).every((c) => c.kind === 'number')).toBe(true);
    expect(['made', 'published', 'totalPublished'].map((c) => value(r, `active.normativeDocuments.${c}`))).toEqual([89, 89, 89]);
    expect(['previousCount', 'change', 'decisions'].map((c) => value(r, `active.otherServices.${c}`))).toEqual([10, 0, 153]);
    expect(['previousCount', 'change'].map((c) => value(r, `active.fees.${c}`))).toEqual([35, 0]);
    expect(value(r, 'active.procurement.projects')).toBe(135);
    expect(value(r, 'active.procurement.amount')).toBe(75394432.52);
    expect(r.report!.cells['active.procurement.amount']!.raw).toBe('75394432.52元');
    expect(value(r, 'applications.received.total')).toBe(23);
    expect(value(r, 'applications.resultTotal.total')).toBe(23);
  });
  it('raises no finding: 规范性文件 and 处理决定数量 are the official words of the 2019 format, not label variants', () => {
    expect(r.findings).toEqual([]);
    expect(r.report!.deviations).toEqual([]);
    expect(r.checks.find((c) => c.rule === 'label-variant')).toMatchObject({ fail: 0 });
    expect(r.checks.find((c) => c.rule === 'row-missing')).toMatchObject({ fail: 0 });
  });
});
