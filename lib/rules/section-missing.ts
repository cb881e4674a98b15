import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'section-missing',
    severity: 'error',
    category: 'structure',
    title: { zh: '缺少必备章节', en: 'A required section is missing' },
    doc: {
      zh: '年度报告格式规定六个部分（一、总体情况 … 六、其他需要报告的事项）。按标题文字和顺序查找（不只看序号），找不到的部分报错；证据是已找到的各章节标题。',
      en: 'The format requires six sections (一、总体情况 … 六、其他需要报告的事项). Sections are found by heading text and order, not by the numeral alone; a section that cannot be found is an error, with the headings that were found as evidence.',
    },
  },
  check({ model }) {
    const found = model.sections.filter((s) => s.found);
    if (!found.length) return model.sections.map((s) => ({ outcome: 'not-applicable' as const, subject: `section.${s.number}` }));
    return model.sections.map((s) => {
      if (s.found) return { outcome: 'pass' as const, subject: `section.${s.number}` };
      return {
        outcome: 'fail' as const,
        subject: `section.${s.number}`,
        message: { zh: `缺少第${s.number}部分「${s.canonical}」。`, en: `Section ${s.number} "${s.canonical}" is missing.` },
        evidence: {
          keys: [],
          expected: s.canonical,
          text: found.map((f) => f.heading).join(' / '),
          sources: found.map((f) => ({ ref: f.source!, role: 'heading' as const })),
        },
      };
    });
  },
});
