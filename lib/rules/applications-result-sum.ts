import { defineRule } from './types';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, cellKey } from '../template/formats';
import { checkEquation, table } from './util';

export default defineRule({
  meta: {
    id: 'applications-result-sum',
    severity: 'error',
    category: 'arithmetic',
    title: { zh: '表三办理结果之和不等于总计', en: 'Table 3 results do not add up to the total' },
    doc: {
      zh: '每一列「（七）总计」应等于（一）予以公开、（二）部分公开、（三）不予公开各项、（四）无法提供各项、（五）不予处理各项、（六）其他处理各项之和（2019年版（六）为一行）。',
      en: 'For each column, resultTotal = granted + partlyGranted + Σwithheld.* + Σunavailable.* + ΣnotProcessed.* + ΣotherHandling.* (the 2019 format has a single otherHandling row).',
    },
  },
  check({ model }) {
    const t = table(model, 'applications');
    if (!t.found) return [{ outcome: 'not-applicable', subject: 'applications' }];
    const version = t.layout ?? '2021';
    const rows = APPLICATION_ROWS.filter((r) => r.inResultSum && r.versions.includes(version));
    return APPLICATION_COLUMNS.map((c) =>
      checkEquation(
        model,
        {
          subject: `applications.resultTotal.${c.key}`,
          left: [cellKey('applications', 'resultTotal', c.key)],
          right: rows.map((r) => cellKey('applications', r.key, c.key)),
          words: 'resultTotal = granted + partlyGranted + Σwithheld + Σunavailable + ΣnotProcessed + ΣotherHandling',
          wordsZh: '总计 = 予以公开 + 部分公开 + 不予公开 + 无法提供 + 不予处理 + 其他处理',
          totalSide: 'left',
        },
        t.confidence,
        (l, r) => ({
          zh: `表三「${c.label}」列：（七）总计为 ${l}，但各项办理结果相加为 ${r}。`,
          en: `Table 3, ${c.key} column: the result total is ${l}, but the result rows add up to ${r}.`,
        }),
      ),
    );
  },
});
