import { defineRule } from './types';
import { normalizeChars } from '../normalize/text';

/** Shorter than this (without spaces and punctuation) cannot report anything. */
const MIN_CHARS = 20;

export default defineRule({
  meta: {
    id: 'section-empty',
    severity: 'warning',
    category: 'structure',
    title: { zh: '章节内容为空或过于简短', en: 'A section is empty or too short' },
    doc: {
      zh: '第一部分「总体情况」和第五部分「存在的主要问题及改进情况」必须有实质内容：只有「无」、为空或一句过短的话，视为未报告。第五部分须写明问题和改进措施。',
      en: 'Section 1 (overview) and section 5 (problems and improvements) must say something: empty, only "无", or a sentence too short to report anything is flagged. Section 5 must name problems and improvements.',
    },
  },
  check({ model }) {
    return model.sections
      .filter((s) => s.number === 1 || s.number === 5)
      .map((s) => {
        const subject = `section.${s.number}`;
        if (!s.found) return { outcome: 'not-applicable' as const, subject };
        // a long section passes on its opening alone (normalising is per character, so the opening's content is a
        // part of the whole's)
        if (contentOf(s.text.slice(0, 8 * MIN_CHARS)).length >= MIN_CHARS) return { outcome: 'pass' as const, subject };
        const content = contentOf(s.text);
        if (content.length >= MIN_CHARS && content !== '无') return { outcome: 'pass' as const, subject };
        return {
          outcome: 'fail' as const,
          subject,
          message: {
            zh: `第${s.number}部分「${s.canonical}」${content ? `只有「${s.text.trim()}」` : '没有内容'}。`,
            en: `Section ${s.number} "${s.canonical}" ${content ? `only says "${s.text.trim()}"` : 'is empty'}.`,
          },
          evidence: { keys: [], text: s.text.trim(), sources: s.source ? [{ ref: s.source, role: 'heading' as const }] : [] },
        };
      });
  },
});

/** The text without whitespace and punctuation. */
function contentOf(text: string): string {
  return normalizeChars(text).replace(/[\s，。、；：,.;:！!？?（）()“”"]/g, '');
}
