import type { AuditResult, Finding } from '../lib/model/result';
import { describeRef } from '../lib/source/ref';

export type Lang = 'zh' | 'en';

const L = {
  zh: {
    error: '错误', warning: '警告', info: '提示', review: '需复核', source: '来源', template: '格式', published: '发布日期',
    deadline: '期限', unknown: '未知', verdict: '结论', onTime: '按时', late: '逾期', cells: '数据格', text: '原文',
    expected: '应为', actual: '实为', passed: '已通过的检查', rules: '条规则', places: '处', notAssessable: '无法核查', blank: '空',
    version: (v: string) => `${v} 年版`, where: '位置', equation: '关系',
  },
  en: {
    error: 'Errors', warning: 'Warnings', info: 'Notes', review: 'Needs review', source: 'source', template: 'format', published: 'published',
    deadline: 'deadline', unknown: 'unknown', verdict: 'Verdict', onTime: 'on time', late: 'late', cells: 'cells', text: 'text',
    expected: 'expected', actual: 'actual', passed: 'Checks passed', rules: 'rules', places: 'places', notAssessable: 'Not assessable', blank: 'blank',
    version: (v: string) => `${v} format`, where: 'where', equation: 'equation',
  },
} as const;

export interface Style { bold(s: string): string; red(s: string): string; yellow(s: string): string; cyan(s: string): string; dim(s: string): string; magenta(s: string): string }

export function makeStyle(color: boolean): Style {
  const wrap = (a: number, b: number) => (s: string) => (color ? `\x1b[${a}m${s}\x1b[${b}m` : s);
  return { bold: wrap(1, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22), magenta: wrap(35, 39) };
}

export function formatText(r: AuditResult, lang: Lang, st: Style): string {
  const t = L[lang];
  const out: string[] = [];
  const m = r.report?.meta;
  out.push(st.bold(m?.title ?? r.source.title ?? r.source.uri ?? '(untitled)'));
  const info: string[] = [`${t.source}: ${r.source.uri ?? '-'} (${r.source.kind})`];
  if (m) {
    if (m.templateVersion) info.push(`${t.template}: ${t.version(m.templateVersion)}`);
    const pub = m.publication.date ?? t.unknown;
    const status = m.publication.date && m.deadline ? (m.publication.date <= m.deadline ? t.onTime : t.late) : '';
    info.push(`${t.published}: ${pub}${status ? ` (${status})` : ''}`);
    if (m.deadline) info.push(`${t.deadline}: ${m.deadline}`);
  }
  out.push('  ' + st.dim(info.join(' · ')));
  out.push(`  ${st.bold(t.verdict)}: ${r.summary.verdict[lang]}`);

  if (r.status === 'not-assessable' && r.findings.length === 1 && r.findings[0]!.id === 'not-assessable:source') {
    out.push('');
    out.push(`  ${st.magenta('⊘')} ${t.notAssessable}: ${r.reason?.[lang] ?? ''}`);
    return out.join('\n') + '\n';
  }

  const groups: { title: string; mark: string; color: (s: string) => string; items: Finding[] }[] = [
    { title: t.error, mark: '✗', color: st.red, items: r.findings.filter((f) => f.outcome === 'fail' && f.severity === 'error') },
    { title: t.warning, mark: '!', color: st.yellow, items: r.findings.filter((f) => f.outcome === 'fail' && f.severity === 'warning') },
    { title: t.review, mark: '?', color: st.magenta, items: r.findings.filter((f) => f.outcome === 'needs-review') },
    { title: t.info, mark: 'i', color: st.cyan, items: r.findings.filter((f) => f.outcome === 'fail' && f.severity === 'info') },
  ];
  for (const g of groups) {
    if (!g.items.length) continue;
    out.push('');
    out.push(g.color(st.bold(`${g.title} (${g.items.length})`)));
    for (const f of g.items) {
      out.push(`  ${g.color(g.mark)} ${st.bold(f.rule)}${f.outcome === 'needs-review' ? st.dim(` [${f.severity}]`) : ''}  ${f.message[lang]}`);
      if (f.note) out.push(`      ${st.dim(f.note[lang])}`);
      const e = f.evidence;
      if (e.keys.length) {
        const vals = e.keys.slice(0, 12).map((k) => (e.values && k in e.values ? `${k} = ${e.values[k] ?? t.blank}` : k));
        out.push(`      ${st.dim(t.cells + ':')} ${vals.join(', ')}${e.keys.length > 12 ? ` … (+${e.keys.length - 12})` : ''}`);
      }
      if (e.equation && e.expected !== undefined) out.push(`      ${st.dim(t.equation + ':')} ${e.equation}`);
      if (e.expected !== undefined || e.actual !== undefined) out.push(`      ${st.dim(`${t.expected}:`)} ${e.expected ?? '-'}  ${st.dim(`${t.actual}:`)} ${e.actual ?? '-'}`);
      if (e.text && f.rule !== 'date-unknown') out.push(`      ${st.dim(t.text + ':')} 「${e.text.length > 160 ? e.text.slice(0, 160) + '…' : e.text}」`);
      const where = e.sources.slice(0, 3).map((s) => describeRef(s.ref)).filter(Boolean);
      if (where.length) out.push(`      ${st.dim(t.where + ':')} ${where.join('; ')}${e.sources.length > 3 ? ' …' : ''}`);
    }
  }
  const passed = r.checks.filter((c) => c.pass > 0 && c.fail === 0 && c.needsReview === 0);
  out.push('');
  out.push(st.dim(`${t.passed}: ${passed.length} ${t.rules}, ${passed.reduce((a, c) => a + c.pass, 0)} ${t.places} — ${passed.map((c) => c.rule).join(', ')}`));
  return out.join('\n') + '\n';
}
