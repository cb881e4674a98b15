import { defineRule, type CheckResult } from './types';
import { sum } from './util';

export default defineRule({
  meta: {
    id: 'breakdown-sum',
    severity: 'warning',
    category: 'narrative',
    title: { zh: '正文分项之和与总数不符', en: 'Parts stated in the prose do not add up' },
    doc: {
      zh: '正文先给总数、再用「其中，……」列出各部分时，各部分之和应等于总数（只计同一单位的分项，列举结束后的「另外……」不计入）。',
      en: 'When a sentence gives a total and then its parts ("共发布信息423条。其中，规划计划12条，…"), the parts must add up to the total (parts with the same unit only; an "另外…" after the list is not part of it).',
    },
  },
  check({ model }) {
    const results: CheckResult[] = [];
    model.statements.forEach((s, i) => {
      if (s.topic !== 'breakdown' || !s.parts?.length || s.value === null) return;
      const subject = `breakdown#${i}`;
      const total = sum(s.parts.map((p) => p.value));
      if (total === s.value) { results.push({ outcome: 'pass', subject }); return; }
      const unit = s.unit ?? '';
      // quote from the total's phrase to the end of the list, and point the highlight there
      const at = Math.max(0, s.sentence.indexOf(s.phrase));
      const quote = s.sentence.slice(at);
      const ref = s.source.start !== undefined ? { ...s.source, start: s.source.start + at } : s.source;
      results.push({
        outcome: 'fail',
        subject,
        message: {
          zh: `正文称总数 ${s.value}${unit}，但所列 ${s.parts.length} 项相加为 ${total}${unit}。`,
          en: `The prose gives a total of ${s.value}${unit}, but its ${s.parts.length} listed parts add up to ${total}${unit}.`,
        },
        evidence: {
          keys: [],
          expected: s.value,
          actual: total,
          equation: `${s.value} = ${s.parts.map((p) => `${p.label} ${p.value}`).join(' + ')}`,
          text: quote,
          sources: [{ ref, role: 'sentence' }],
        },
      });
    });
    return results;
  },
});
