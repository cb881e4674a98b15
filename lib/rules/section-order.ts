import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'section-order',
    severity: 'warning',
    category: 'structure',
    title: { zh: '章节顺序错乱或重复', en: 'Sections out of order or repeated' },
    doc: {
      zh: '六个部分应按一至六的顺序各出现一次。顺序颠倒或同一部分出现两次时提示。',
      en: 'The six sections should appear once each, in order. Flags a section that comes before one with a lower number, or a heading that appears twice.',
    },
  },
  check({ model }) {
    const found = model.sections.filter((s) => s.found).sort((a, b) => a.position! - b.position!);
    if (found.length < 2) return [{ outcome: 'not-applicable' as const, subject: 'sections' }];
    const results = [];
    const outOfOrder = found.filter((s, i) => i > 0 && s.number < found[i - 1]!.number);
    if (outOfOrder.length) {
      results.push({
        outcome: 'fail' as const,
        subject: 'sections.order',
        message: {
          zh: `章节顺序为 ${found.map((s) => s.number).join('、')}，应为 1 至 6 依次排列。`,
          en: `Sections appear in the order ${found.map((s) => s.number).join(', ')}; expected 1 to 6.`,
        },
        evidence: {
          keys: [],
          expected: '1,2,3,4,5,6',
          actual: found.map((s) => s.number).join(','),
          sources: outOfOrder.map((s) => ({ ref: s.source!, role: 'heading' as const })),
        },
      });
    } else results.push({ outcome: 'pass' as const, subject: 'sections.order' });
    for (const s of found) {
      if (s.occurrences > 1) {
        results.push({
          outcome: 'fail' as const,
          subject: `section.${s.number}.repeated`,
          message: { zh: `「${s.canonical}」出现了 ${s.occurrences} 次。`, en: `"${s.canonical}" appears ${s.occurrences} times.` },
          evidence: { keys: [], actual: s.occurrences, expected: 1, sources: [{ ref: s.source!, role: 'heading' as const }] },
        });
      } else results.push({ outcome: 'pass' as const, subject: `section.${s.number}.repeated` });
    }
    return results;
  },
});
