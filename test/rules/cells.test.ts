import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/audit';
import { makeReport, PINGTAN_APPS } from '../make-report';

const audit = (text: string) => auditText(text, { uri: 'test.txt' });
const of = (r: ReturnType<typeof audit>, rule: string) => r.findings.filter((f) => f.rule === rule);

describe("'cell-invalid'", () => {
  it('text, negative and fractional counts fail; a decimal fee passes', () => {
    const r = audit(makeReport({ active: { licensing: '若干', penalty: '-3', coercion: '2.5' } }));
    expect(of(r, 'cell-invalid').map((f) => f.evidence.keys[0]).sort()).toEqual([
      'active.coercion.decisions', 'active.licensing.decisions', 'active.penalty.decisions',
    ]);
    expect(r.report!.cells['active.fees.amount']!.value).toBeCloseTo(5949.088667);
  });
  it('a money cell may carry its unit as written; a count may not', () => {
    const r = audit(makeReport({ active: { fees: '5949.09万元', licensing: '2629件' } }));
    expect(r.report!.cells['active.fees.amount']).toMatchObject({ value: 5949.09, raw: '5949.09万元', kind: 'number' });
    expect(of(r, 'cell-invalid').map((f) => f.evidence.keys[0])).toEqual(['active.licensing.decisions']);
  });
  it('thousands separators are read as numbers', () => {
    const r = audit(makeReport({ active: { licensing: '2,629' } }));
    expect(r.report!.cells['active.licensing.decisions']!.value).toBe(2629);
    expect(of(r, 'cell-invalid')).toHaveLength(0);
  });
});

describe("'cell-blank'", () => {
  it('a whole blank table 3 is one finding per blank column group, not 175', () => {
    const blank = Object.fromEntries(Object.keys(PINGTAN_APPS).map((k) => [k, ['', '', '', '', '', '', '']]));
    const r = audit(makeReport({ apps: blank }));
    const f = of(r, 'cell-blank');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence.keys).toHaveLength(25 * 7);
  });
  it('a blank row is one finding', () => {
    const r = audit(makeReport({ apps: { 'notProcessed.repeated': ['', '', '', '', '', '', ''] } }));
    const f = of(r, 'cell-blank');
    expect(f.map((x) => x.id)).toEqual(['cell-blank:applications.notProcessed.repeated']);
  });
});
