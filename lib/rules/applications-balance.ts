import { defineRule } from './types';
import { APPLICATION_COLUMNS, cellKey } from '../template/formats';
import { checkEquation, table } from './util';

export default defineRule({
  meta: {
    id: 'applications-balance',
    severity: 'error',
    category: 'arithmetic',
    title: { zh: '表三勾稽关系不平衡', en: 'Table 3 does not balance' },
    doc: {
      zh: '表三左上角写明的勾稽关系：每一列「一、本年新收」+「二、上年结转」=「（七）总计」+「四、结转下年度继续办理」。有空格的列不作判断（由「数据格为空」报告）。',
      en: 'The balance printed in table 3: for each of the 7 columns, received + carriedOver = resultTotal + carriedForward. A column with a blank operand is not assessed (cell-blank reports the blank).',
    },
  },
  check({ model }) {
    const t = table(model, 'applications');
    if (!t.found) return [{ outcome: 'not-applicable', subject: 'applications' }];
    return APPLICATION_COLUMNS.map((c) =>
      checkEquation(
        model,
        {
          subject: `applications.${c.key}`,
          left: [cellKey('applications', 'received', c.key), cellKey('applications', 'carriedOver', c.key)],
          right: [cellKey('applications', 'resultTotal', c.key), cellKey('applications', 'carriedForward', c.key)],
          words: 'received + carriedOver = resultTotal + carriedForward',
          wordsZh: '本年新收 + 上年结转 = 办理结果总计 + 结转下年度',
          totalSide: 'right',
        },
        t.confidence,
        (l, r) => ({
          zh: `表三「${c.label}」列：本年新收 + 上年结转 = ${l}，但办理结果总计 + 结转下年度 = ${r}。`,
          en: `Table 3, ${c.key} column: received + carried over = ${l}, but result total + carried forward = ${r}.`,
        }),
      ),
    );
  },
});
