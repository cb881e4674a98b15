import type { Extraction, TextBlock } from '../extract/types';
import type { IssuerKind, ReportMeta, SectionEntry, TemplateVersion } from '../model/report';
import type { SourceRef } from '../source/ref';
import { normalizeChars } from '../normalize/text';

const TITLE_RE = /政府信息公开(?:工作)?(?:年度)?(?:报告|工作情况|年报)|政务公开.{0,6}年度报告/;
const YEAR_RE = /((?:19|20)\d{2})\s*年/;
const DATE_RE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The report title: page metadata first, else the block(s) before the first section heading. */
export function findTitle(x: Extraction, blocks: TextBlock[], firstHeading: number): { title: string | null; source: SourceRef | null } {
  const hint = x.hints.title?.trim();
  if (hint && TITLE_RE.test(normalizeChars(hint))) return { title: hint.replace(/\s+/g, ' '), source: x.hints.titleSource ?? null };
  const limit = Math.min(firstHeading >= 0 ? firstHeading : 8, 8, blocks.length);
  for (let i = 0; i < limit; i++) {
    const t = normalizeChars(blocks[i]!.text).trim();
    if (t.length > 80 || !TITLE_RE.test(t)) continue;
    // "2023年政府信息公开工作年度报告" under a line naming the body
    if (/^\s*(?:19|20)\d{2}\s*年/.test(t) && i > 0) {
      const prev = normalizeChars(blocks[i - 1]!.text).trim();
      if (prev && prev.length <= 30 && !/[，。；：,.;:]/.test(prev)) return { title: `${prev}${t}`.replace(/\s+/g, ' ').trim(), source: blocks[i]!.source };
    }
    return { title: t.replace(/\s+/g, ' '), source: blocks[i]!.source };
  }
  if (hint) return { title: hint, source: x.hints.titleSource ?? null };
  return { title: null, source: null };
}

export function bodyFromTitle(title: string | null): string | null {
  if (!title) return null;
  const t = normalizeChars(title).replace(/\s+/g, '');
  const m = /^(.*?)(?:关于)?(?:(?:19|20)\d{2}年)/.exec(t);
  const body = m?.[1]?.replace(/[《〈<]/g, '').trim();
  return body && body.length >= 2 ? body : null;
}

/** The body's name in the signature (the line before the date at the end). */
export function bodyFromSignature(blocks: TextBlock[]): string | null {
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 4); i--) {
    const t = normalizeChars(blocks[i]!.text).trim();
    if (DATE_RE.test(t) && t.length <= 20 && i > 0) {
      const prev = normalizeChars(blocks[i - 1]!.text).trim();
      if (prev.length >= 3 && prev.length <= 30 && !/[，。；：,.;:]/.test(prev)) return prev;
    }
  }
  return null;
}

export function classifyIssuer(body: string | null, prose: string): { kind: IssuerKind; reason: string } {
  const agg = /汇总[^。]{0,40}(?:各有关单位|各单位|各部门|各乡镇|所属)/.exec(prose);
  if (body) {
    if (/(?:乡|镇)人民政府$|街道办事处$|(?:乡|镇|街道)$/.test(body)) return { kind: 'township', reason: `「${body}」是乡镇、街道` };
    if (/人民政府(?:办公室)?$/.test(body) && !/办公室$/.test(body)) return { kind: 'government', reason: `标题中的发布机关「${body}」为人民政府` };
  }
  if (agg) return { kind: 'government', reason: `正文称「${agg[0]}」（政府汇总报告）` };
  if (body) {
    if (/(?:局|委|委员会|办|办公室|中心|厅|署|院|站|所|馆|队|处|部|司|会|公司|集团)$/.test(body)) return { kind: 'department', reason: `发布机关「${body}」为政府部门或其所属单位` };
    if (/(?:省|市|区|县|旗|自治州|自治县|新区|实验区|开发区)$/.test(body)) return { kind: 'government', reason: `发布机关「${body}」为地方人民政府` };
  }
  return { kind: 'unknown', reason: body ? `无法判断「${body}」的机关类型` : '无法确定发布机关' };
}

export function deadlineFor(kind: IssuerKind, year: number | null): string | null {
  if (year === null) return null;
  if (kind === 'government' || kind === 'unknown') return `${year + 1}-03-31`;
  return `${year + 1}-01-31`;
}

export function findPublication(x: Extraction, blocks: TextBlock[]): ReportMeta['publication'] {
  const meta = x.hints.dates.find((d) => d.from === 'meta');
  if (meta) return { date: meta.date, raw: meta.raw, from: 'meta', confidence: 'high', source: meta.source ?? null };
  const page = x.hints.dates.find((d) => d.from === 'page');
  if (page) return { date: page.date, raw: page.raw, from: 'page', confidence: 'high', source: page.source ?? null };
  // the signature date: a short block among the last ones
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 4); i--) {
    const raw = blocks[i]!.text;
    const t = normalizeChars(raw).trim();
    const m = DATE_RE.exec(t);
    if (m && t.replace(/\s+/g, '').length <= 24) {
      const d = iso(+m[1]!, +m[2]!, +m[3]!);
      if (d) {
        const start = raw.indexOf(raw.trim());
        return { date: d, raw: t, from: 'signature', confidence: 'high', source: { ...blocks[i]!.source, start, end: start + raw.trim().length } as SourceRef };
      }
    }
  }
  const pdf = x.hints.dates.find((d) => d.from === 'pdf-metadata');
  if (pdf) return { date: pdf.date, raw: pdf.raw, from: 'pdf-metadata', confidence: 'low', source: null };
  return { date: null, raw: null, from: null, confidence: null, source: null };
}

export function periodYears(prose: string): number[] {
  const out = new Set<number>();
  const re = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-|~)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(prose))) {
    out.add(+m[1]!);
    if (m[2]) out.add(+m[2]);
  }
  return [...out];
}

export function yearOf(title: string | null, period: number[], sections: SectionEntry[]): number | null {
  const m = title ? YEAR_RE.exec(normalizeChars(title)) : null;
  if (m) return +m[1]!;
  if (period.length === 1) return period[0]!;
  // the year the overview speaks of ("2023年，区住房建设服务中心…")
  const s1 = sections.find((s) => s.number === 1)?.text ?? '';
  const counts = new Map<number, number>();
  for (const y of normalizeChars(s1).matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) counts.set(+y[1]!, (counts.get(+y[1]!) ?? 0) + 1);
  let best: number | null = null, n = 0;
  for (const [y, c] of counts) if (c > n) { best = y; n = c; }
  return best;
}

export function expectedTemplate(year: number | null): TemplateVersion | null {
  if (year === null) return null;
  return year >= 2021 ? '2021' : '2019';
}
