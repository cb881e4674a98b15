import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'date-unknown',
    severity: 'info',
    category: 'dates',
    title: { zh: '找不到发布日期', en: 'No publication date found' },
    doc: {
      zh: '页面元数据（PubDate）、「发布时间」、文末落款日期、PDF元数据中都没有发布日期，无法判断是否按时公布。',
      en: 'No publication date in the page metadata (PubDate), a 发布时间 line, the signature date at the end, or the PDF metadata: timeliness cannot be checked.',
    },
  },
  check({ model }) {
    if (model.meta.publication.date) return [{ outcome: 'pass', subject: 'publication' }];
    return [{
      outcome: 'fail',
      subject: 'publication',
      message: { zh: '未找到发布日期，无法判断是否按时公布。', en: 'No publication date was found, so timeliness cannot be checked.' },
      evidence: {
        keys: [],
        text: 'searched: <meta name="PubDate">, 发布时间/发布日期 lines, the signature date at the end, PDF CreationDate',
        sources: [],
      },
    }];
  },
});
