import { defineRule, type CheckResult } from './types';
import { cellSources } from './util';

export default defineRule({
  meta: {
    id: 'template-outdated',
    severity: 'warning',
    category: 'structure',
    title: { zh: '使用了已废止的2019年版格式', en: 'Uses the superseded 2019 format' },
    doc: {
      zh: '2021年及以后的报告应使用国办公开办函〔2021〕30号格式。表三「（六）其他处理」只有一行、表二使用2019年版的列（本年新制作数量等）或出现「第二十条第（九）项」，说明沿用了旧模板。单个旧措辞（如「规范性文件」）只算标签异写。',
      en: 'Reports on 2021 or later must use the 2021 format. A single-row （六）其他处理 in table 3, 2019 columns in table 2, or the （九） block mean the old template was used. A lone 2019 word ("规范性文件") is a label variant only.',
    },
  },
  check({ model }) {
    const year = model.meta.year;
    return model.tables.filter((t) => t.id !== 'reviews').map((t): CheckResult => {
      const subject = `table.${t.id}`;
      if (!t.found || year === null || year < 2021) return { outcome: 'not-applicable', subject };
      if (t.layout !== '2019') return { outcome: 'pass', subject };
      const isApps = t.id === 'applications';
      const sources = isApps ? cellSources(model, ['applications.otherHandling.total'], 'label') : t.source ? [{ ref: t.source, role: 'cell' as const }] : [];
      return {
        outcome: 'fail',
        subject,
        message: isApps
          ? { zh: `${year}年度报告的表三「（六）其他处理」只有一行，是2019年版格式（2021年版分为三项）。`, en: `The ${year} report's table 3 has a single （六）其他处理 row: the 2019 format (the 2021 format has three sub-rows).` }
          : { zh: `${year}年度报告的表二使用了2019年版的列或栏目。`, en: `The ${year} report's table 2 uses 2019-format columns or blocks.` },
        evidence: { keys: isApps ? ['applications.otherHandling.total'] : [], expected: '2021', actual: '2019', sources },
      };
    });
  },
});
