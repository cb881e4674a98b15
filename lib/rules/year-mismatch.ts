import { defineRule, type CheckResult } from './types';

export default defineRule({
  meta: {
    id: 'year-mismatch',
    severity: 'warning',
    category: 'dates',
    title: { zh: '年份不一致', en: 'Years disagree' },
    doc: {
      zh: '标题中的报告年度、「X年1月1日至12月31日」统计期限应一致，公布年份应为报告年度的下一年。',
      en: 'The title year and the statistics period ("Y年1月1日至12月31日") must agree, and the publication year should be Y+1.',
    },
  },
  check({ model }) {
    const { year, periodYears, publication } = model.meta;
    if (year === null) return [{ outcome: 'not-applicable', subject: 'year' }];
    const results: CheckResult[] = [];
    const other = periodYears.filter((y) => y !== year);
    if (other.length) {
      results.push({
        outcome: 'fail', subject: 'year.period',
        message: { zh: `报告年度为 ${year}，但统计期限写的是 ${other.join('、')} 年。`, en: `The report is on ${year}, but the statistics period names ${other.join(', ')}.` },
        evidence: { keys: [], expected: year, actual: other.join(','), sources: model.meta.titleSource ? [{ ref: model.meta.titleSource, role: 'heading' }] : [] },
      });
    } else if (periodYears.length) results.push({ outcome: 'pass', subject: 'year.period' });
    if (publication.date && publication.confidence === 'high') {
      const py = +publication.date.slice(0, 4);
      if (py !== year + 1) {
        results.push({
          outcome: 'fail', subject: 'year.publication',
          message: { zh: `${year} 年度报告的发布日期是 ${publication.date}，公布年份应为 ${year + 1} 年。`, en: `The ${year} report is dated ${publication.date}; it should be published in ${year + 1}.` },
          evidence: { keys: [], expected: year + 1, actual: py, sources: publication.source ? [{ ref: publication.source, role: 'sentence' }] : [] },
        });
      } else results.push({ outcome: 'pass', subject: 'year.publication' });
    }
    return results.length ? results : [{ outcome: 'not-applicable', subject: 'year' }];
  },
});
