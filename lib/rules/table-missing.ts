import { defineRule, type CheckResult } from './types';

const NAMES = {
  active: { zh: '表二「主动公开政府信息情况」', en: 'table 2 (proactive disclosure)', section: 2 },
  applications: { zh: '表三「收到和处理政府信息公开申请情况」', en: 'table 3 (applications)', section: 3 },
  reviews: { zh: '表四「政府信息公开行政复议、行政诉讼情况」', en: 'table 4 (reviews and lawsuits)', section: 4 },
} as const;

export default defineRule({
  meta: {
    id: 'table-missing',
    severity: 'error',
    category: 'structure',
    title: { zh: '缺少统计表', en: 'A statistics table is missing' },
    doc: {
      zh: '表二、表三、表四须以表格形式出现。找不到时报错；若正文中有图片（表格可能以图片发布），改为「需复核」，因为无法读取图片中的数字。',
      en: 'Tables 2, 3 and 4 must be present as tables. A missing table is an error; when the article holds pictures (the table may be published as an image), it is needs-review instead, since numbers in a picture cannot be read.',
    },
  },
  check({ model }) {
    const anySection = model.sections.some((s) => s.found);
    return model.tables.map((t): CheckResult => {
      const subject = `table.${t.id}`;
      if (t.found) return { outcome: 'pass', subject };
      if (!anySection) return { outcome: 'not-applicable', subject };
      const name = NAMES[t.id];
      const section = model.sections.find((s) => s.number === name.section);
      const images = model.detected.signals.includes('images');
      return {
        outcome: images ? 'needs-review' : 'fail',
        subject,
        message: { zh: `未找到${name.zh}。`, en: `No ${name.en} was found.` },
        ...(images
          ? { note: { zh: '正文中有图片，表格可能以图片形式发布，无法核对其中数字。', en: 'The article contains pictures; the table may be an image, whose numbers cannot be checked.' } }
          : {}),
        evidence: {
          keys: [],
          text: section?.found ? `${section.heading}: ${section.text.slice(0, 80)}` : `${name.zh}`,
          sources: section?.source ? [{ ref: section.source, role: 'heading' }] : [],
        },
      };
    });
  },
});
