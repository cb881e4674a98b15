import { defineRule, type CheckResult } from './types';
import type { Deviation } from '../model/report';

export default defineRule({
  meta: {
    id: 'label-variant',
    severity: 'info',
    category: 'structure',
    title: { zh: '表格标签与规范写法不同', en: 'A table label deviates from the official wording' },
    doc: {
      zh: '行或列的标签有错别字或改了说法（如「本年度止件数」「社会组织」「规范性文件」）。数字仍按其含义归入正确的格子；仅因空格、换行或全角半角造成的差别不报。',
      en: 'A row or column label with a typo or a changed wording ("本年度止件数", "社会组织", "规范性文件"). The numbers still land on the right key; breaks by spaces or line breaks and full-width/half-width differences are not reported.',
    },
  },
  check({ model }) {
    const groups = new Map<string, Deviation[]>();
    for (const d of model.deviations) {
      if (d.kind !== 'label-variant') continue;
      const k = `${d.key}|${d.found.replace(/\s+/g, '')}`;
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(d);
    }
    const results: CheckResult[] = [];
    for (const ds of groups.values()) {
      const d = ds[0]!;
      results.push({
        outcome: 'fail',
        subject: d.key,
        message: {
          zh: `标签「${d.found}」，规范写法为「${d.canonical}」${ds.length > 1 ? `（${ds.length}处）` : ''}。`,
          en: `Label "${d.found}"; the official wording is "${d.canonical}"${ds.length > 1 ? ` (${ds.length} places)` : ''}.`,
        },
        evidence: {
          keys: [d.key],
          expected: d.canonical,
          actual: d.found,
          sources: ds.filter((x) => x.source).map((x) => ({ ref: x.source!, role: 'label' as const })),
        },
      });
    }
    if (!results.length && model.tables.some((t) => t.found)) results.push({ outcome: 'pass', subject: 'labels' });
    return results;
  },
});
