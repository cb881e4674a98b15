import { defineRule, type CheckResult } from './types';
import { APPLICATION_COLUMNS, cellKey } from '../template/formats';
import { cellSources, table, valuesOf } from './util';

export default defineRule({
  meta: {
    id: 'carried-forward-bound',
    severity: 'error',
    category: 'arithmetic',
    title: { zh: '结转下年度多于可办理的申请', en: 'More carried forward than there were applications' },
    doc: {
      zh: '「四、结转下年度继续办理」不可能多于「本年新收」与「上年结转」之和。',
      en: 'carriedForward cannot exceed received + carriedOver in any column.',
    },
  },
  check({ model }) {
    const t = table(model, 'applications');
    if (!t.found) return [{ outcome: 'not-applicable', subject: 'applications' }];
    return APPLICATION_COLUMNS.map((c): CheckResult => {
      const keys = [cellKey('applications', 'received', c.key), cellKey('applications', 'carriedOver', c.key), cellKey('applications', 'carriedForward', c.key)];
      const [rec, over, fwd] = keys.map((k) => model.cells[k]?.value ?? null);
      const subject = `applications.carriedForward.${c.key}`;
      if (rec == null || over == null || fwd == null) return { outcome: 'not-applicable', subject };
      if (fwd <= rec + over) return { outcome: 'pass', subject };
      return {
        outcome: t.confidence < 0.9 ? 'needs-review' : 'fail',
        subject,
        message: {
          zh: `表三「${c.label}」列：结转下年度 ${fwd} 件，多于本年新收与上年结转之和 ${rec + over} 件。`,
          en: `Table 3, ${c.key} column: ${fwd} carried forward, more than received + carried over (${rec + over}).`,
        },
        evidence: {
          keys, values: valuesOf(model, keys), expected: `≤ ${rec + over}`, actual: fwd,
          equation: 'carriedForward ≤ received + carriedOver',
          sources: [...cellSources(model, [keys[2]!], 'total'), ...cellSources(model, keys.slice(0, 2), 'operand')],
        },
      };
    });
  },
});
