import { defineRule } from './types';
import { normalizeChars } from '../normalize/text';

const FEE = /信息处理费|处理费|(?:未|没有|无|不)(?:收取|收)[^。]{0,10}费|收费[^。]{0,6}(?:0|零)\s*元/;

export default defineRule({
  meta: {
    id: 'fee-statement-missing',
    severity: 'info',
    category: 'narrative',
    title: { zh: '未说明信息处理费收取情况', en: 'No statement on information-processing fees' },
    doc: {
      zh: '2021年及以后的报告，第六部分应说明按国办函〔2020〕109号收取信息处理费的情况（未收取也应写明）。只写「无」不算说明。信息处理费不是表二的「行政事业性收费」。',
      en: 'From 2021, section 6 should state the information-processing fees collected under 国办函〔2020〕109号 (none collected should be said too). "无" alone does not count. These fees are not the administrative fees of table 2.',
    },
  },
  check({ model }) {
    const s6 = model.sections.find((s) => s.number === 6)!;
    const year = model.meta.year;
    if (!s6.found || year === null || year < 2021) return [{ outcome: 'not-applicable', subject: 'section.6' }];
    if (FEE.test(normalizeChars(s6.text))) return [{ outcome: 'pass', subject: 'section.6' }];
    return [{
      outcome: 'fail',
      subject: 'section.6',
      message: {
        zh: `第六部分${s6.text.trim() ? `只写了「${s6.text.trim().slice(0, 40)}」，` : '没有内容，'}未说明信息处理费收取情况。`,
        en: `Section 6 ${s6.text.trim() ? `only says "${s6.text.trim().slice(0, 40)}" and` : 'is empty and'} says nothing about information-processing fees.`,
      },
      evidence: { keys: [], text: s6.text.trim(), sources: s6.source ? [{ ref: s6.source, role: 'heading' }] : [] },
    }];
  },
});
