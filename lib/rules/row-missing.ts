import { defineRule, type CheckResult } from './types';

const TABLE_ZH = { active: '表二', applications: '表三', reviews: '表四' } as const;

export default defineRule({
  meta: {
    id: 'row-missing',
    severity: 'warning',
    category: 'structure',
    title: { zh: '表格缺少规定的行或列', en: 'A table lacks a template row or column' },
    doc: {
      zh: '已找到的表格中，格式规定的某些行或列不存在（按行列标签识别，容许常见异写）。',
      en: 'A table that is present lacks rows or columns of the official template (found by their labels, tolerant of known variants).',
    },
  },
  check({ model }) {
    return model.tables.map((t): CheckResult => {
      const subject = `table.${t.id}`;
      if (!t.found) return { outcome: 'not-applicable', subject };
      if (!t.missing.length) return { outcome: 'pass', subject };
      return {
        outcome: t.confidence < 0.9 ? 'needs-review' : 'fail',
        subject,
        message: {
          zh: `${TABLE_ZH[t.id]}缺少：${t.missing.join('、')}。`,
          en: `Table ${t.id} lacks: ${t.missing.join(', ')}.`,
        },
        evidence: { keys: t.missing.map((m) => `${t.id}.${m}`), text: t.missing.join(', '), sources: t.source ? [{ ref: t.source, role: 'cell' }] : [] },
      };
    });
  },
});
