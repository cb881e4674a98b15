import { defineRule, type CheckResult } from './types';
import { MONEY_KEYS, SIGNED_COLUMNS } from '../template/formats';
import { cellSources } from './util';

export default defineRule({
  meta: {
    id: 'cell-invalid',
    severity: 'error',
    category: 'cells',
    title: { zh: '数据格不是有效数字', en: 'A data cell is not a valid number' },
    doc: {
      zh: '统计表中的数据格须为数字：不是数字（如「若干」）、为负数或件数带小数都报错。收费金额可为小数；2019年版「本年增/减」可为负数。',
      en: 'Data cells must be numbers: text ("若干"), a negative number or a non-integer count is an error. Money columns (active.fees.amount) may be decimal; the 2019 change columns (本年增/减) may be negative.',
    },
  },
  check({ model }) {
    const results: CheckResult[] = [];
    for (const [key, c] of Object.entries(model.cells)) {
      const col = key.slice(key.lastIndexOf('.') + 1);
      const money = MONEY_KEYS.has(key);
      let problem: { zh: string; en: string } | null = null;
      if (c.kind === 'text') problem = { zh: `「${c.raw.trim()}」不是数字`, en: `"${c.raw.trim()}" is not a number` };
      else if (c.kind === 'number' && c.value! < 0 && !SIGNED_COLUMNS.has(col)) problem = { zh: `为负数 ${c.value}`, en: `is negative (${c.value})` };
      else if (c.kind === 'number' && !money && !Number.isInteger(c.value)) problem = { zh: `件数 ${c.value} 不是整数`, en: `count ${c.value} is not a whole number` };
      if (!problem) { if (c.kind === 'number') results.push({ outcome: 'pass', subject: key }); continue; }
      results.push({
        outcome: 'fail',
        subject: key,
        message: { zh: `${key}：${problem.zh}。`, en: `${key}: ${problem.en}.` },
        evidence: { keys: [key], actual: c.raw.trim(), text: c.raw, sources: cellSources(model, [key], 'cell') },
      });
    }
    return results;
  },
});
