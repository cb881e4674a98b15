import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'not-assessable',
    severity: 'info',
    category: 'extraction',
    title: { zh: '无法核查', en: 'Not assessable' },
    doc: {
      zh: '来源无法读取到足以核查的程度：扫描件没有文字层、表格是图片、识别为年度报告却找不到任何统计表、页面不是年度报告。说明缺什么、为什么。这不是报告本身的错误。',
      en: 'The source could not be read well enough to audit: a scanned PDF without text, tables as pictures, a report detected but no table found, or a page that is not a report. Says what is missing and why. This is never an error of the report itself.',
    },
  },
  check({ model }) {
    const anyTable = model.tables.some((t) => t.found);
    const anySection = model.sections.some((s) => s.found);
    if (anyTable || !anySection) return [{ outcome: 'pass', subject: 'tables' }];
    const images = model.detected.signals.includes('images');
    return [{
      outcome: 'fail',
      subject: 'tables',
      message: images
        ? { zh: '识别到年度报告，但统计表是图片，无法读取其中的数字。', en: 'A report was detected, but its tables are pictures: their numbers cannot be read.' }
        : { zh: '识别到年度报告，但没有找到任何统计表。', en: 'A report was detected, but no statistics table was found.' },
      evidence: { keys: [], text: model.detected.signals.join(', '), sources: [] },
    }];
  },
});
