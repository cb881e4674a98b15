import { defineRule } from './types';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, cellKey } from '../template/formats';
import { checkEquation, table } from './util';

export default defineRule({
  meta: {
    id: 'applications-row-sum',
    severity: 'error',
    category: 'arithmetic',
    title: { zh: '表三各类申请人之和不等于总计', en: 'Table 3 applicant columns do not add up to the total' },
    doc: {
      zh: '每一行「总计」列应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和。',
      en: 'For each row, total = naturalPerson + commercial + research + publicInterest + legalService + otherOrg.',
    },
  },
  check({ model }) {
    const t = table(model, 'applications');
    if (!t.found) return [{ outcome: 'not-applicable', subject: 'applications' }];
    const parts = APPLICATION_COLUMNS.filter((c) => c.key !== 'total');
    return APPLICATION_ROWS.filter((r) => model.cells[cellKey('applications', r.key, 'total')]).map((r) =>
      checkEquation(
        model,
        {
          subject: `applications.${r.key}.total`,
          left: [cellKey('applications', r.key, 'total')],
          right: parts.map((c) => cellKey('applications', r.key, c.key)),
          words: 'total = naturalPerson + commercial + research + publicInterest + legalService + otherOrg',
          wordsZh: '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
          totalSide: 'left',
        },
        t.confidence,
        (l, s) => ({
          zh: `表三「${r.group ?? ''}${r.label}」行：总计为 ${l}，但各类申请人相加为 ${s}。`,
          en: `Table 3, row ${r.key}: the total is ${l}, but the applicant columns add up to ${s}.`,
        }),
      ),
    );
  },
});
