import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'heading-variant',
    severity: 'info',
    category: 'structure',
    title: { zh: '章节标题与规范写法不同', en: 'A section heading deviates from the official wording' },
    doc: {
      zh: '章节标题的序号或文字与格式规定不一致（如「1、 总体情况」）。空格、全角半角的差别不计。',
      en: 'A section heading whose numbering or wording differs from the official text (e.g. "1、 总体情况"). Spaces and full-width/half-width differences are ignored.',
    },
  },
  check({ model }) {
    const dev = model.deviations.filter((d) => d.kind === 'heading-variant');
    const variantKeys = new Set(dev.map((d) => d.key));
    const results = model.sections
      .filter((s) => s.found && !variantKeys.has(`section.${s.number}`))
      .map((s) => ({ outcome: 'pass' as const, subject: `section.${s.number}` }));
    for (const d of dev) {
      results.push({
        outcome: 'fail',
        subject: d.key,
        message: { zh: `标题「${d.found}」，规范写法为「${d.canonical}」。`, en: `Heading "${d.found}"; the official wording is "${d.canonical}".` },
        evidence: { keys: [], expected: d.canonical, actual: d.found, sources: d.source ? [{ ref: d.source, role: 'heading' }] : [] },
      } as never);
    }
    return results;
  },
});
