import { describe, expect, it } from 'vitest';
import { auditInput } from '../../lib/node/audit-file';
import { AuditResult } from '../../lib/model/result';
import { templateKeys } from '../../lib/template/formats';
import { firedRules, readFixtureBytes, value } from '../helpers';

describe('the real WPS-made PDF corpus/hongze_2024.pdf, audited end to end', async () => {
  const r = await auditInput({ bytes: readFixtureBytes('corpus', 'hongze_2024.pdf'), uri: 'hongze_2024.pdf' });
  it('validates and is assessed', () => {
    AuditResult.parse(r);
    expect(r.status).toBe('assessed');
    expect(r.source.kind).toBe('pdf');
  });
  it('finds the six sections and maps every cell of tables 2-4 to its key with the right value', () => {
    expect(r.report!.sections.every((s) => s.found)).toBe(true);
    // table 3 uses the single （六）其他处理 row, so its keys are the 2019 row set
    const keys = templateKeys('2021').filter((k) => !k.startsWith('applications.otherHandling.')).concat(
      ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => `applications.otherHandling.${c}`),
    );
    expect(Object.keys(r.report!.cells).sort()).toEqual(keys.sort());
    expect(Object.values(r.report!.cells).every((c) => c.kind === 'number' && c.source?.kind === 'pdf')).toBe(true);
    expect(value(r, 'active.normativeDocuments.issued')).toBe(3);
    expect(value(r, 'active.normativeDocuments.repealed')).toBe(0);
    expect(value(r, 'active.normativeDocuments.inForce')).toBe(8);
    expect(value(r, 'active.licensing.decisions')).toBe(9487);
    expect(value(r, 'applications.received.total')).toBe(95);
    expect(value(r, 'applications.carriedForward.total')).toBe(0);
    // table 4: 1 + 1 = 2; 1 = 1; 2 + 1 = 3 (corpus/README.md)
    const group = (g: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => value(r, `reviews.${g}.${c}`));
    expect(group('adminReview')).toEqual([1, 1, 0, 0, 2]);
    expect(group('directSuit')).toEqual([1, 0, 0, 0, 1]);
    expect(group('suitAfterReview')).toEqual([2, 0, 1, 0, 3]);
    // table 3: 95 received = 50 + 9 + 3 + 32 + 1 + 0 in the result groups
    const t = (k: string) => value(r, `applications.${k}.total`)!;
    expect([t('granted'), t('partlyGranted')]).toEqual([50, 9]);
    expect(t('unavailable.notHeld') + t('unavailable.needsCreation') + t('unavailable.unclear')).toBe(32);
  });
  it('raises the scope difference (17 for the office vs 95 for the district) as needs-review, not error', () => {
    const f = r.findings.filter((x) => x.rule === 'narrative-contradiction');
    expect(f).toHaveLength(1);
    expect(f[0]!.outcome).toBe('needs-review');
    expect(f[0]!.evidence).toMatchObject({ expected: 95, actual: 17 });
  });
  it('reports exactly: the typo label, the scope question, and the single-row （六） of the 2019 format', () => {
    expect(firedRules(r)).toEqual(['label-variant', 'narrative-contradiction', 'template-outdated']);
    expect(r.findings.filter((f) => f.outcome === 'fail' && f.severity === 'error')).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'label-variant')!.evidence.actual).toBe('2.其他法律行政止公开');
  });
  it('takes the publication date from the PDF metadata with low confidence (on time for a government)', () => {
    expect(r.report!.meta.publication).toMatchObject({ date: '2025-02-25', from: 'pdf-metadata', confidence: 'low' });
    expect(r.report!.meta).toMatchObject({ issuerKind: 'government', deadline: '2025-03-31' });
  });
});

describe('unreadable PDFs are not-assessable with a clear reason', () => {
  it('corrupt bytes', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n%%EOF');
    const r = await auditInput({ bytes, uri: 'broken.pdf' });
    expect(r.status).toBe('not-assessable');
    expect(r.findings.map((f) => f.rule)).toEqual(['not-assessable']);
  });
});
