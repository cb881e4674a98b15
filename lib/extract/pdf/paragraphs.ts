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

/** The footer of a government portal page ("主办单位：… 网站标识码：…", ICP numbers, 版权所有). */
const PORTAL_FOOTER = /^(主办单位|承办单位|主办[:：]|承办[:：]|网站标识码|版权所有|copyright|©|.{0,3}ICP备|.{0,6}公网安备|技术支持|网站地图|联系我们)/i;

/**
 * A web page printed to PDF ends with the portal's footer, which the HTML extractor never reads
 * (it is outside the article). Lines at the very end of the document that look like one are
 * dropped (from the last page with text, below the last table). Returns how many.
 */
export function stripPortalFooter(pages: PageLines[], tableBottom: (page: number) => number): number {
  const last = [...pages].reverse().find((p) => p.lines.length);
  if (!last) return 0;
  const floor = tableBottom(last.page);
  const order = [...last.lines].sort((a, b) => b.y0 - a.y0);
  const drop = new Set<Line>();
  for (const l of order) {
    if (l.y0 < floor || !PORTAL_FOOTER.test(normalizeChars(l.text).replace(/\s+/g, ''))) break;
    drop.add(l);
  }
  if (drop.size) last.lines = last.lines.filter((l) => !drop.has(l));
  return drop.size;
}

const BREADCRUMB = /^(当前位置|您的位置|您现在的位置|所在位置)/;

/**
 * A web page printed to PDF starts with the portal's navigation ("首页 政务公开 …") and
 * breadcrumb ("当前位置：首页 > …"), which the HTML extractor never reads. At the top of the
 * first page with text: a line starting with 首页 without sentence punctuation, a breadcrumb line,
 * and the short link lines right after a bare "当前位置：" are dropped. Returns how many.
 */
export function stripPortalHeader(pages: PageLines[]): number {
  const first = pages.find((p) => p.lines.length);
  if (!first) return 0;
  const order = [...first.lines].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const drop = new Set<Line>();
  let crumbs = false;
  for (const l of order.slice(0, 12)) {
    const t = normalizeChars(l.text).replace(/\s+/g, '');
    const plain = !/[，。；,;]/.test(t);
    if (BREADCRUMB.test(t)) { drop.add(l); crumbs = /[:：]$/.test(t); continue; }
    if (plain && /^首页/.test(t)) { drop.add(l); continue; }
    if (crumbs && plain && t.length <= 10 && !/\d/.test(t)) { drop.add(l); continue; }
    break;
  }
  if (drop.size) first.lines = first.lines.filter((l) => !drop.has(l));
  return drop.size;
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
  const titleAt = (start: number): { lines: Line[]; end: number } | null => {
    let i = start;
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
    const titleText = normalizeChars(firstLines.reduce((s, l) => joinWrap(s, l.text), '')).replace(/\s+/g, '');
    // a report's title names its year or calls itself a report; a portal's column name
    // ("政府信息公开年报") or navigation line above it does not
    const names = /(19|20)\d{2}年/.test(titleText) ? /年度报告|年报|工作报告|政府信息公开/.test(titleText) : /年度报告|工作报告/.test(titleText);
    return firstLines.length && names ? { lines: firstLines, end: i } : null;
  };
  let title = titleAt(0);
  let chrome = 0;
  if (!title) {
    // a printed web page starts with its navigation and breadcrumb: the title is the first
    // run of large or centred lines naming a report among the first lines of the page
    const first = flow[0]?.kind === 'line' ? flow[0].line : null;
    for (let s = 1; first && s < 8 && s < flow.length; s++) {
      const item = flow[s]!;
      if (item.kind !== 'line' || item.line.page !== first.page) break;
      title = titleAt(s);
      if (title) { chrome = s; break; }
    }
  }
  let i = 0;
  const lineAt = (k: number) => {
    const l = (flow[k] as { line: Line }).line;
    const prev = cur[cur.length - 1];
    if (prev && breaksBefore(prev, l, m, flow, k)) flush();
    cur.push(l);
  };
  if (title) {
    for (; i < chrome; i++) lineAt(i);
    flush();
    cur = title.lines;
    curTitle = true;
    flush();
    i = title.end;
  }

  for (; i < flow.length; i++) {
    const item = flow[i]!;
    if (item.kind === 'table') {
      flush();
      out.push({ kind: 'table', key: item.key });
      continue;
    }
    lineAt(i);
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
