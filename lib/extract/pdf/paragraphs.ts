import type { Box } from './geom';
import { median, modeOf, unionAll } from './geom';
import type { Line } from './words';
import { joinWrap } from './words';
import { normalizeChars } from '../../normalize/text';

/**
 * Prose layout: running headers / footers / page numbers, the report title, and paragraphs.
 */

/** "-1-", "- 2 -", "— 3 —", "第 1 页", "第1页 共5页", "共5页 第1页", "1/5", "Page 1 of 5". */
const PAGE_NUMBER = [
  /^[-－—–_~·•\s]*[0-9]{1,4}[-－—–_~·•\s]*$/,
  /^第\s*[0-9]{1,4}\s*页\s*([,，/、]?\s*共\s*[0-9]{1,4}\s*页)?$/,
  /^共\s*[0-9]{1,4}\s*页\s*[,，/、]?\s*第\s*[0-9]{1,4}\s*页$/,
  /^[0-9]{1,4}\s*\/\s*[0-9]{1,4}$/,
  /^page\s*[0-9]{1,4}(\s*of\s*[0-9]{1,4})?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = normalizeChars(text).trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Section and enumerator markers that start a new paragraph. */
const MARKER = /^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百]+\s*[）)]|[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])|[（(]\s*[0-9０-９]{1,2}\s*[）)]|第[一二三四五六七八九十百]+[章节条部分])/;
export function startsWithMarker(text: string): boolean {
  return MARKER.test(text);
}
const TOP_SECTION = /^\s*[一二三四五六七八九十]+\s*[、.．]/;

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
}

/**
 * Remove page numbers and running headers / footers. A page number is a line matching one
 * of PAGE_NUMBER in the top or bottom 12 % of the page (or the page's first / last line);
 * a running header / footer is a line in the top or bottom 8 % whose text (digits ignored)
 * repeats on at least half of the pages (and at least 3).
 */
export function stripRunning(pages: PageLines[]): { pages: PageLines[]; removed: number } {
  let removed = 0;
  const key = (l: Line) => normalizeChars(l.text).replace(/\s+/g, '').replace(/[0-9]+/g, '#');
  const edge = (l: Line, p: PageLines, frac: number) => l.y1 <= p.height * frac || l.y0 >= p.height * (1 - frac);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (edge(l, p, 0.08)) seen.add(key(l));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeat = Math.max(3, Math.ceil(pages.length / 2));
  const out = pages.map((p) => {
    const sorted = [...p.lines].sort((a, b) => a.y0 - b.y0);
    const firstY = sorted[0]?.y0, lastY = sorted[sorted.length - 1]?.y0;
    const lines = p.lines.filter((l) => {
      const pn = isPageNumber(l.text) && (edge(l, p, 0.12) || l.y0 === firstY || l.y0 === lastY);
      const rep = pages.length >= 3 && edge(l, p, 0.08) && (counts.get(key(l)) ?? 0) >= minRepeat;
      if (pn || rep) { removed++; return false; }
      return true;
    });
    return { ...p, lines };
  });
  return { pages: out, removed };
}

/** Things in reading order: prose lines and tables (by the key the caller gave them). */
export type FlowItem =
  | { kind: 'line'; line: Line }
  | { kind: 'table'; key: number; page: number; box: Box };

export interface Paragraph {
  lines: Line[];
  text: string;
  page: number;
  box: Box;
  /** pages the paragraph runs over (more than one when it continues after a page break) */
  pages: number[];
  heading: boolean;
  title: boolean;
}

export type Laid = { kind: 'para'; para: Paragraph } | { kind: 'table'; key: number };

export interface LayoutMetrics {
  left: number;
  right: number;
  bodySize: number;
  pitch: number;
  /** per-page margins where a page has enough body lines of its own (odd / even pages differ) */
  pages: Map<number, { left: number; right: number }>;
}

function margins(body: Line[]): { left: number; right: number } {
  const left = modeOf(body.map((l) => l.x0), 2, body.map((l) => l.text.length));
  const widest = Math.max(...body.map((l) => l.x1 - l.x0));
  const long = body.filter((l) => l.x1 - l.x0 >= 0.6 * widest);
  const right = long.length ? modeOf(long.map((l) => l.x1), 2) : Math.max(...body.map((l) => l.x1));
  return { left, right };
}

export function measure(lines: Line[]): LayoutMetrics {
  const prose = lines.filter((l) => !l.vertical);
  if (!prose.length) return { left: 0, right: 0, bodySize: 12, pitch: 18, pages: new Map() };
  const chars = prose.map((l) => l.text.length);
  const bodySize = modeOf(prose.map((l) => l.size), 0.5, chars);
  const body = prose.filter((l) => Math.abs(l.size - bodySize) <= 0.15 * bodySize);
  const { left, right } = margins(body);
  const pages = new Map<number, { left: number; right: number }>();
  for (const page of new Set(body.map((l) => l.page))) {
    const own = body.filter((l) => l.page === page);
    if (own.length >= 6) pages.set(page, margins(own));
  }
  const steps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1]!, b = body[i]!;
    const d = b.y1 - a.y1;
    if (a.page === b.page && d > 0 && d < 3 * bodySize) steps.push(d);
  }
  return { left, right, bodySize, pitch: steps.length ? median(steps) : bodySize * 1.5, pages };
}

const leftOf = (m: LayoutMetrics, page: number) => m.pages.get(page)?.left ?? m.left;
const rightOf = (m: LayoutMetrics, page: number) => m.pages.get(page)?.right ?? m.right;

/**
 * Lines and tables → paragraphs and tables. A new paragraph starts at an indented line,
 * a line starting with a section / enumerator marker ("一、", "（一）", "1."), after a short
 * line, after a larger vertical gap, at a change of font size, and at a table. A paragraph
 * continues over a page break when the last line of the page is full and the first line of
 * the next page is neither indented nor numbered.
 * The report title (the first lines of page 1 in a larger font or centred, naming a report)
 * becomes one heading paragraph flagged `title`.
 */
export function layParagraphs(flow: FlowItem[], m: LayoutMetrics): Laid[] {
  const out: Laid[] = [];
  let cur: Line[] = [];
  let curTitle = false;
  const flush = () => {
    if (cur.length) out.push({ kind: 'para', para: makePara(cur, curTitle, m) });
    cur = [];
    curTitle = false;
  };

  // the title: leading lines of the first page with text, before anything else
  let i = 0;
  const firstLines: Line[] = [];
  while (i < flow.length && flow[i]!.kind === 'line' && firstLines.length < 4) {
    const l = (flow[i] as { line: Line }).line;
    if (firstLines.length && l.page !== firstLines[0]!.page) break;
    const big = l.size >= 1.15 * m.bodySize;
    const lm = leftOf(m, l.page), rm = rightOf(m, l.page);
    const centred = Math.abs((l.x0 + l.x1) / 2 - (lm + rm) / 2) < 2 * l.size && l.x0 > lm + 2 * l.size;
    if (!big && !centred) break;
    if (firstLines.length && Math.abs(l.size - firstLines[0]!.size) > 0.2 * l.size) break;
    firstLines.push(l);
    i++;
  }
  const titleText = firstLines.reduce((s, l) => joinWrap(s, l.text), '');
  if (firstLines.length && /年度报告|年报|工作报告|政府信息公开/.test(normalizeChars(titleText).replace(/\s+/g, ''))) {
    cur = firstLines;
    curTitle = true;
    flush();
  } else i = 0;

  for (; i < flow.length; i++) {
    const item = flow[i]!;
    if (item.kind === 'table') {
      flush();
      out.push({ kind: 'table', key: item.key });
      continue;
    }
    const l = item.line;
    const prev = cur[cur.length - 1];
    if (prev && breaksBefore(prev, l, m, flow, i)) flush();
    cur.push(l);
  }
  flush();
  return out;
}

function breaksBefore(prev: Line, l: Line, m: LayoutMetrics, flow: FlowItem[], i: number): boolean {
  const size = Math.max(prev.size, l.size);
  if (l.vertical || prev.vertical) return true;
  if (Math.abs(prev.size - l.size) > 0.15 * size) return true;
  if (startsWithMarker(l.text)) return true;
  if (l.x0 > leftOf(m, l.page) + 0.9 * l.size) return true; // indented (or centred)
  if (prev.x1 < rightOf(m, prev.page) - 1.5 * prev.size) return true; // a short last line
  if (prev.page !== l.page) {
    // continue only if prev is the last prose of its page and l the first of its page
    const before = flow[i - 1];
    return !(before && before.kind === 'line' && before.line === prev);
  }
  const step = l.y1 - prev.y1;
  if (step > Math.max(1.45 * m.pitch, 1.2 * (l.y1 - l.y0)) || step < 0) return true;
  return false;
}

function makePara(lines: Line[], title: boolean, m: LayoutMetrics): Paragraph {
  let text = '';
  for (const l of lines) text = joinWrap(text, l.text);
  const page = lines[0]!.page;
  const box = unionAll(lines.filter((l) => l.page === page).map((l) => [l.x0, l.y0, l.x1, l.y1] as Box));
  const pages = [...new Set(lines.map((l) => l.page))];
  const t = text.trim();
  const heading = title || (lines.length === 1 && t.length <= 30 && !/[。；;]/.test(t)
    && (TOP_SECTION.test(t) || lines[0]!.size >= 1.15 * m.bodySize));
  return { lines, text, page, box, pages, heading, title };
}
