import { defineRule } from './types';
import { REVIEW_COLUMNS, REVIEW_GROUPS, cellKey } from '../template/formats';
import { checkEquation, table } from './util';

export default defineRule({
  meta: {
    id: 'reviews-sum',
    severity: 'error',
    category: 'arithmetic',
    title: { zh: '表四分项之和不等于总计', en: 'Table 4 groups do not add up' },
    doc: {
      zh: '行政复议、未经复议直接起诉、复议后起诉三组，各组「总计」应等于结果维持、结果纠正、其他结果、尚未审结之和。',
      en: 'For adminReview, directSuit and suitAfterReview: total = upheld + corrected + other + pending.',
    },
  },
  check({ model }) {
    const t = table(model, 'reviews');
    if (!t.found) return [{ outcome: 'not-applicable', subject: 'reviews' }];
    const parts = REVIEW_COLUMNS.filter((c) => c.key !== 'total');
    return REVIEW_GROUPS.map((g) =>
      checkEquation(
        model,
        {
          subject: `reviews.${g.key}.total`,
          left: [cellKey('reviews', g.key, 'total')],
          right: parts.map((c) => cellKey('reviews', g.key, c.key)),
          words: 'total = upheld + corrected + other + pending',
          wordsZh: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
          totalSide: 'left',
        },
        t.confidence,
        (l, r) => ({
          zh: `表四「${g.label}」：总计为 ${l}，但维持、纠正、其他、尚未审结相加为 ${r}。`,
          en: `Table 4, ${g.key}: the total is ${l}, but upheld + corrected + other + pending = ${r}.`,
        }),
      ),
    );
  },
});
