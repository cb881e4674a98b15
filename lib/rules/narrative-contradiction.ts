import { defineRule, type CheckResult } from './types';
import type { ReportModel, Statement } from '../model/report';
import type { EvidenceSource } from '../model/result';
import { APPLICATION_ROWS } from '../template/formats';
import { cellSources, sum, valuesOf } from './util';

interface Target {
  keys: string[];
  /** an alternative reading that also agrees (received + carriedOver) */
  alt?: string[];
  zh: string;
  en: string;
  /** the prose may count differently (projects vs decisions): a mismatch is needs-review */
  soft?: boolean;
  /** the statement says none / all closed: expected value 0 */
  expectZero?: boolean;
}

function rowsOf(model: ReportModel, prefix: string): string[] {
  const layout = model.tables.find((t) => t.id === 'applications')?.layout ?? '2021';
  return APPLICATION_ROWS.filter((r) => (r.key === prefix || r.key.startsWith(prefix + '.')) && r.versions.includes(layout)).map(
    (r) => `applications.${r.key}.total`,
  );
}

function target(model: ReportModel, s: Statement): Target | null {
  const t = s.topic;
  const m = /^applications\.received\.(naturalPerson|commercial|research|publicInterest|legalService|otherOrg)$/.exec(t);
  // like the total, a part may count this year's and last year's applications together ("收到申请75件，涉及自然人72件":
  // 71 new + 1 carried over)
  if (m) return { keys: [`applications.received.${m[1]}`], alt: [`applications.received.${m[1]}`, `applications.carriedOver.${m[1]}`], zh: '表三本年新收（分类）', en: 'table 3 received (by applicant)' };
  switch (t) {
    case 'applications.received':
      return { keys: ['applications.received.total'], alt: ['applications.received.total', 'applications.carriedOver.total'], zh: '表三本年新收申请总计', en: 'table 3 applications received' };
    case 'applications.none':
      return { keys: ['applications.received.total'], expectZero: true, zh: '表三本年新收申请总计', en: 'table 3 applications received' };
    case 'applications.allClosed':
      return { keys: ['applications.carriedForward.total'], expectZero: true, zh: '表三结转下年度继续办理', en: 'table 3 carried forward' };
    case 'applications.closed':
      return { keys: ['applications.resultTotal.total'], zh: '表三办理结果总计', en: 'table 3 result total' };
    case 'applications.granted':
      return { keys: ['applications.granted.total'], zh: '表三予以公开', en: 'table 3 granted' };
    case 'applications.partlyGranted':
      return { keys: ['applications.partlyGranted.total'], zh: '表三部分公开', en: 'table 3 partly granted' };
    case 'applications.granted+partlyGranted':
      return { keys: ['applications.granted.total', 'applications.partlyGranted.total'], zh: '表三予以公开与部分公开之和', en: 'table 3 granted + partly granted' };
    case 'applications.withheld':
      return { keys: rowsOf(model, 'withheld'), zh: '表三不予公开各项之和', en: 'table 3 withheld (sum)' };
    case 'applications.unavailable':
      return { keys: rowsOf(model, 'unavailable'), zh: '表三无法提供各项之和', en: 'table 3 unavailable (sum)' };
    case 'applications.notProcessed':
      return { keys: rowsOf(model, 'notProcessed'), zh: '表三不予处理各项之和', en: 'table 3 not processed (sum)' };
    case 'applications.otherHandling':
      return { keys: rowsOf(model, 'otherHandling'), zh: '表三其他处理', en: 'table 3 other handling' };
    case 'active.licensing.decisions':
      return { keys: ['active.licensing.decisions'], soft: true, zh: '表二行政许可处理决定数量', en: 'table 2 licensing decisions' };
    case 'active.penalty.decisions':
      return { keys: ['active.penalty.decisions'], soft: true, zh: '表二行政处罚处理决定数量', en: 'table 2 penalty decisions' };
    case 'active.coercion.decisions':
      return { keys: ['active.coercion.decisions'], soft: true, zh: '表二行政强制处理决定数量', en: 'table 2 coercion decisions' };
    case 'reviews.adminReview.total':
      return { keys: ['reviews.adminReview.total'], zh: '表四行政复议总计', en: 'table 4 administrative reviews' };
    case 'reviews.lawsuits.total':
      return { keys: ['reviews.directSuit.total', 'reviews.suitAfterReview.total'], zh: '表四行政诉讼总计（直接起诉 + 复议后起诉）', en: 'table 4 lawsuits (direct + after review)' };
    case 'reviews.none':
      return { keys: ['reviews.adminReview.total', 'reviews.directSuit.total', 'reviews.suitAfterReview.total'], expectZero: true, zh: '表四行政复议、行政诉讼总计', en: 'table 4 reviews and lawsuits' };
    default:
      return null;
  }
}

export default defineRule({
  meta: {
    id: 'narrative-contradiction',
    severity: 'error',
    category: 'narrative',
    title: { zh: '正文表述与统计表矛盾', en: 'The prose contradicts the tables' },
    doc: {
      zh: '正文中的数字（阿拉伯数字或汉字数字）和「未收到申请」「均已办结」等表述须与统计表一致。表格为空而正文给出数字、或数字不同即报错；正文可能按不同口径统计时（本年新收与上年结转合计、只说本机关而表格是全区汇总、行政许可「项目」与「处理决定」），标为「需复核」并说明原因。',
      en: 'Numbers in the prose (Arabic or Chinese numerals) and statements such as "未收到申请" or "均已办结" must agree with the tables. A number stated for a blank cell, or a different number, is an error; where the prose may count differently (received plus carried over, one office against the whole region, licensing projects against decisions), it is needs-review with the reason.',
    },
  },
  check({ model }) {
    const results: CheckResult[] = [];
    model.statements.forEach((s, i) => {
      const tg = target(model, s);
      if (!tg) return;
      const subject = `${s.topic}#${i}`;
      const entries = tg.keys.map((k) => model.cells[k]);
      if (!tg.keys.length || entries.some((e) => e === undefined)) { results.push({ outcome: 'not-applicable', subject }); return; }
      const values = entries.map((e) => e!.value);
      const sentence: EvidenceSource = { ref: s.source, role: 'sentence' };
      const stated = tg.expectZero ? 0 : s.value;
      if (stated === null) { results.push({ outcome: 'not-applicable', subject }); return; }
      const evidenceBase = { keys: tg.keys, values: valuesOf(model, tg.keys), text: s.sentence, sources: [sentence, ...cellSources(model, tg.keys, 'cell')] };

      if (values.every((v) => v === null)) {
        if (stated > 0) {
          results.push({
            outcome: 'fail', subject,
            message: { zh: `正文称「${s.phrase}」，但${tg.zh}为空。`, en: `The prose says "${s.phrase}", but ${tg.en} is blank.` },
            evidence: { ...evidenceBase, expected: stated, actual: '空 (blank)' },
          });
        } else results.push({ outcome: 'not-applicable', subject });
        return;
      }
      if (values.some((v) => v === null)) { results.push({ outcome: 'not-applicable', subject }); return; }
      const actual = sum(values as number[]);
      if (actual === stated) { results.push({ outcome: 'pass', subject }); return; }
      if (tg.alt && tg.alt.every((k) => model.cells[k]?.value != null) && sum(tg.alt.map((k) => model.cells[k]!.value!)) === stated) {
        results.push({ outcome: 'pass', subject });
        return;
      }
      let note: { zh: string; en: string } | undefined;
      if (s.scope === 'part') {
        note = { zh: '该句说的是某个机构（如区政府办）的数字，表格统计的可能是全区/全部门，口径不同。', en: 'The sentence counts for one office (e.g. the government office) while the table may count the whole region or body: a different scope.' };
      } else if (tg.soft) {
        note = { zh: '正文可能按项目或事项计数，表格按处理决定计数，请核实。', en: 'The prose may count projects or items while the table counts decisions: check.' };
      } else if (model.meta.issuerKind === 'government' && s.scope !== 'whole' && !tg.expectZero) {
        note = { zh: '本报告为政府汇总报告，该句可能只说本机关的数字，请核实口径。', en: 'This is an aggregated government report; the sentence may count only the issuing office: check the scope.' };
      }
      results.push({
        outcome: note ? 'needs-review' : 'fail', subject,
        message: tg.expectZero
          ? { zh: `正文称「${s.phrase}」，但${tg.zh}为 ${actual}。`, en: `The prose says "${s.phrase}", but ${tg.en} is ${actual}.` }
          : { zh: `正文称「${s.phrase}」（${stated}），但${tg.zh}为 ${actual}。`, en: `The prose says "${s.phrase}" (${stated}), but ${tg.en} is ${actual}.` },
        ...(note ? { note } : {}),
        evidence: { ...evidenceBase, expected: actual, actual: stated },
      });
    });
    return results;
  },
});
