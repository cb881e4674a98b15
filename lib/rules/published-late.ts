import { defineRule } from './types';

const KIND_ZH = { department: '政府部门', government: '人民政府（汇总报告）', township: '乡镇、街道', unknown: '机关（类型不明，按3月31日从宽判断）' };

export default defineRule({
  meta: {
    id: 'published-late',
    severity: 'error',
    category: 'dates',
    title: { zh: '逾期公布', en: 'Published late' },
    doc: {
      zh: '《政府信息公开条例》第四十九条：县级以上政府部门应于每年1月31日前、县级以上地方人民政府应于3月31日前公布上一年度报告。发布日期晚于期限即报错；日期只来自PDF元数据（可信度低）或发布机关为乡镇街道（第四十九条未规定）时，标为「需复核」。类型不明的机关按3月31日从宽判断。',
      en: 'Article 49: departments publish by 31 January, county-level-or-higher governments (their aggregated report) by 31 March. A later publication date is an error; a date from PDF metadata only (low confidence), or a township/street office (not fixed by Article 49), makes it needs-review. An issuer of unknown kind is judged against 31 March, the lenient deadline.',
    },
  },
  check({ model }) {
    const { publication: p, deadline, issuerKind, issuerReason } = model.meta;
    if (!p.date || !deadline) return [{ outcome: 'not-applicable', subject: 'publication' }];
    if (p.date <= deadline) return [{ outcome: 'pass', subject: 'publication' }];
    const unsure = p.confidence === 'low' || issuerKind === 'township';
    return [{
      outcome: unsure ? 'needs-review' : 'fail',
      subject: 'publication',
      message: {
        zh: `发布日期 ${p.date} 晚于期限 ${deadline}（${KIND_ZH[issuerKind]}）。`,
        en: `Published ${p.date}, after the deadline ${deadline} (${issuerKind}).`,
      },
      ...(unsure
        ? {
            note: p.confidence === 'low'
              ? { zh: '日期取自PDF文件的创建时间，未必是公布日期。', en: 'The date is the PDF file’s creation date, which may not be the publication date.' }
              : { zh: '乡镇、街道的公布期限条例未作规定，各省多按1月31日执行。', en: 'Article 49 sets no deadline for townships and street offices; provinces usually apply 31 January.' },
          }
        : {}),
      evidence: {
        keys: [], expected: `≤ ${deadline}`, actual: p.date, text: `${p.raw ?? p.date} · ${issuerReason}`,
        sources: p.source ? [{ ref: p.source, role: 'sentence' }] : [],
      },
    }];
  },
});
