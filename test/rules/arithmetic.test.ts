import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/audit';
import { makeReport, PINGTAN_APPS, PINGTAN_REVIEWS } from '../make-report';
import { firedRules } from '../helpers';

const audit = (text: string) => auditText(text, { uri: 'test.txt' });
const failing = (r: ReturnType<typeof audit>, rule: string) => r.findings.filter((f) => f.rule === rule);

describe('a clean report made of the Pingtan 2023 figures', () => {
  const r = audit(makeReport());
  it('raises nothing', () => expect(firedRules(r)).toEqual([]));
  it('maps the numbers', () => {
    expect(r.report!.cells['applications.received.total']!.value).toBe(81);
    expect(r.report!.cells['active.fees.amount']!.value).toBe(5949.088667);
    expect(r.report!.cells['reviews.directSuit.total']!.value).toBe(5);
  });
});

/** Change one number; the right rule fails at the right key, and nothing else fires. */
describe('mutations', () => {
  const withApp = (row: string, col: number, v: string) => {
    const values = [...PINGTAN_APPS[row]!];
    values[col] = v;
    return makeReport({ apps: { [row]: values } });
  };

  it("'applications-balance': received.total 81 → 82 breaks the balance and the row sum of that row", () => {
    const r = audit(withApp('received', 6, '82'));
    const bal = failing(r, 'applications-balance');
    expect(bal).toHaveLength(1);
    expect(bal[0]!.id).toBe('applications-balance:applications.total');
    // expected: what came in (received + carried over); actual: what the result side says
    expect(bal[0]!.evidence).toMatchObject({ expected: 82, actual: 81 });
    expect(bal[0]!.evidence.sources.filter((s) => s.role === 'total').map((s) => s.key)).toEqual([
      'applications.resultTotal.total', 'applications.carriedForward.total',
    ]);
    expect(failing(r, 'applications-row-sum').map((f) => f.id)).toEqual(['applications-row-sum:applications.received.total']);
    expect(firedRules(r)).toEqual(['applications-balance', 'applications-row-sum', 'narrative-contradiction']);
  });

  it("'applications-result-sum': granted.naturalPerson 22 → 23 breaks the result sum of that column (and its row)", () => {
    const r = audit(withApp('granted', 0, '23'));
    const f = failing(r, 'applications-result-sum');
    expect(f.map((x) => x.id)).toEqual(['applications-result-sum:applications.resultTotal.naturalPerson']);
    expect(f[0]!.evidence).toMatchObject({ expected: 81, actual: 80 });
    expect(failing(r, 'applications-row-sum').map((x) => x.id)).toEqual(['applications-row-sum:applications.granted.total']);
    expect(failing(r, 'applications-balance')).toHaveLength(0);
  });

  it("'applications-row-sum': a total that is not the sum of its row", () => {
    const r = audit(withApp('unavailable.notHeld', 6, '30'));
    expect(failing(r, 'applications-row-sum').map((x) => x.id)).toEqual(['applications-row-sum:applications.unavailable.notHeld.total']);
    expect(failing(r, 'applications-result-sum').map((x) => x.id)).toEqual(['applications-result-sum:applications.resultTotal.total']);
  });

  it("'carried-forward-bound': more carried forward than received + carried over", () => {
    const apps = { ...PINGTAN_APPS, carriedForward: ['0', '0', '0', '0', '0', '3', '3'] };
    const r = audit(makeReport({ apps }));
    expect(failing(r, 'carried-forward-bound').map((x) => x.id)).toEqual(['carried-forward-bound:applications.carriedForward.otherOrg']);
    expect(failing(r, 'carried-forward-bound')[0]!.evidence.actual).toBe(3);
  });

  it("'reviews-sum': a group total that does not add up", () => {
    const rev = [...PINGTAN_REVIEWS];
    rev[9] = '6';
    const r = audit(makeReport({ reviews: rev }));
    const f = failing(r, 'reviews-sum');
    expect(f.map((x) => x.id)).toEqual(['reviews-sum:reviews.directSuit.total']);
    expect(f[0]!.evidence).toMatchObject({ expected: 5, actual: 6 });
    expect(f[0]!.evidence.sources.find((s) => s.role === 'total')!.key).toBe('reviews.directSuit.total');
    expect(f[0]!.evidence.sources.filter((s) => s.role === 'operand')).toHaveLength(4);
  });

  it('a blank operand makes the equation not-applicable and is reported by cell-blank instead', () => {
    const r = audit(withApp('granted', 0, ''));
    expect(failing(r, 'applications-result-sum')).toHaveLength(0);
    expect(failing(r, 'applications-row-sum')).toHaveLength(0);
    expect(r.checks.find((c) => c.rule === 'applications-result-sum')!.notApplicable).toBe(1);
    expect(failing(r, 'cell-blank').map((f) => f.evidence.keys)).toEqual([['applications.granted.naturalPerson']]);
  });

  it('"/" and "—" are blank, not zero', () => {
    const r = audit(makeReport({ active: { licensing: '/', penalty: '—' } }));
    expect(r.report!.cells['active.licensing.decisions']).toMatchObject({ value: null, kind: 'blank', raw: '/' });
    expect(r.report!.cells['active.penalty.decisions']).toMatchObject({ value: null, kind: 'blank' });
  });
});
