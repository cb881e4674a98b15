/**
 * A cheap "is this page an annual information-disclosure report?" test, run by the extension's content script
 * on every page of a government portal before anything else. Pure DOM, no extension APIs.
 *
 * Cost model: most portal pages are not reports. Those are rejected from the page metadata and the document
 * title, plus a glance at a few title-like elements, without reading the page's text. Only when one of these
 * cheap signals speaks of 政府信息公开 / 年报 / 年度报告 is the text read, and then at most `TEXT_CAP` characters
 * of it, looking for the six section headings and the header of table 3.
 */

export interface DetectResult {
  isReport: boolean;
  /** 0..1 */
  score: number;
  /** why: `meta:ArticleTitle`, `title`, `heading-element`, `section:1`…`section:6`, `table3:balance-note`, … */
  signals: string[];
}

/** The report's own title: "…2023年度政府信息公开工作年度报告", "…政府信息公开工作情况", "…政府信息公开年度报告". */
const REPORT_TITLE =
  /政府信息公开(?:工作)?年度(?:工作)?报告|政府信息公开工作(?:年度)?(?:情况|报告)|政务公开工作年度报告|信息公开年度报告/;
/** Words that make a page worth a closer look (column names such as 政府信息公开年报 included). */
const WEAK_TITLE = /政府信息公开|政务公开|信息公开年报|年度报告|年报/;
/** Column metadata of report pages (and of their listing pages). */
const REPORT_COLUMN = /信息公开(?:工作)?年报|信息公开(?:工作)?年度报告|政务公开年报/;

/** At most this many characters of the page's text are read. */
export const TEXT_CAP = 40_000;

/** Section headings without their numerals, in order (report-format.md §2); whitespace is removed before matching. */
const SECTIONS: Array<[number, RegExp]> = [
  [1, /总体情况/],
  [2, /主动公开政府信息(?:情况)?/],
  [3, /收到和处理政府信息公开申请(?:情况)?/],
  [4, /行政(?:法)?复议、?(?:提起)?行政诉讼/],
  [5, /存在的?主要问题及(?:其?改进)?(?:情况|措施)?/],
  [6, /其他需要报告的事项/],
];
/** The 勾稽关系 note in the top-left cell of table 3, and two row labels of tables 3 and 4. */
const TABLE3_NOTE = /勾稽关系/;
const TABLE3_RECEIVED = /本年新收政府信息公开申请数量/;
const TABLE4_GROUPS = /未经复议直接起诉|复议后起诉/;

/**
 * What the cheap first look reads: page metadata, the document title and the text of a few title-like elements.
 * No text walk. `ext/probe.ts` reads the same fields with a self-contained copy of this function (it is injected
 * into the page's main world, where nothing can be imported); a test keeps the two equal.
 */
export interface PageSignals {
  articleTitle: string;
  /** ColumnName and ColumnType metadata, space-separated */
  column: string;
  title: string;
  /** text of the first few h1-h3 / title-classed elements (each at most 200 characters), newline-separated */
  heads: string;
}

/** At most this many title-like elements are looked at. */
export const HEAD_LIMIT = 24;

export function readPageSignals(doc: Document): PageSignals {
  // the first meta of each name, as document.querySelector(`meta[name="…" i]`) would find it
  const meta = (name: string) => doc.querySelector(`meta[name="${name}" i]`)?.getAttribute('content')?.trim() ?? '';
  const els = doc.querySelectorAll('h1, h2, h3, [class*="title" i], [id*="title" i]');
  let heads = '';
  const n = Math.min(els.length, HEAD_LIMIT);
  for (let i = 0; i < n; i++) {
    const t = els[i]!.textContent ?? '';
    // a "title" class on a big container (the whole article) would make this expensive and meaningless
    if (t.length <= 200) heads += t + '\n';
  }
  return {
    articleTitle: meta('ArticleTitle'),
    column: `${meta('ColumnName')} ${meta('ColumnType')}`,
    title: doc.title ?? '',
    heads,
  };
}

export interface FirstLook {
  /** worth reading the page's text */
  candidate: boolean;
  /** the title (meta, <title> or a heading) is a report's own title */
  strongTitle: boolean;
  score: number;
  signals: string[];
}

/** The cheap verdict from metadata and titles alone: is the page worth a closer look? */
export function firstLook(s: PageSignals): FirstLook {
  const signals: string[] = [];
  let score = 0;
  let strongTitle = false;
  let weak = false;
  if (s.articleTitle && REPORT_TITLE.test(s.articleTitle)) {
    signals.push('meta:ArticleTitle');
    score += 0.35;
    strongTitle = true;
  }
  if (REPORT_TITLE.test(s.title)) {
    signals.push('title');
    score += strongTitle ? 0.1 : 0.35;
    strongTitle = true;
  }
  if (REPORT_COLUMN.test(s.column)) {
    signals.push('meta:ColumnName');
    score += 0.1;
    weak = true;
  }
  if (!strongTitle && (WEAK_TITLE.test(s.title) || WEAK_TITLE.test(s.articleTitle))) weak = true;
  // CMSs often leave <title> as the site name: the title-like elements
  if (!strongTitle && !weak && REPORT_TITLE.test(s.heads)) {
    signals.push('heading-element');
    score += 0.3;
    strongTitle = true;
  }
  return { candidate: strongTitle || weak, strongTitle, score, signals };
}

/** The page's visible text, whitespace removed, at most `cap` characters, skipping scripts and styles. */
export function cappedText(doc: Document, cap = TEXT_CAP): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode as Element | null;
    const tag = parent?.nodeName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    const v = node.nodeValue;
    if (!v) continue;
    out += v.replace(/[\s\u00a0\u3000]+/g, '');
    if (out.length >= cap) return out.slice(0, cap);
  }
  return out;
}

export function detectReport(doc: Document, signals0?: PageSignals): DetectResult {
  // 1. Metadata, the document title and a few title-like elements: cheap. Most pages stop here.
  const look = firstLook(signals0 ?? readPageSignals(doc));
  const signals = look.signals;
  let score = look.score;
  let strongTitle = look.strongTitle;
  if (!look.candidate) return { isReport: false, score: 0, signals };

  // 3. A candidate: read (a bounded part of) the text for the sections and table 3.
  const text = cappedText(doc);
  let sections = 0;
  let lastIndex = -1;
  let inOrder = 0;
  for (const [n, re] of SECTIONS) {
    const m = re.exec(text);
    if (m) {
      sections++;
      signals.push(`section:${n}`);
      if (m.index > lastIndex) inOrder++;
      lastIndex = m.index;
    }
  }
  score += sections * 0.07;
  if (inOrder >= 4) score += 0.03;
  let tables = 0;
  if (TABLE3_NOTE.test(text)) {
    signals.push('table3:balance-note');
    score += 0.15;
    tables++;
  }
  if (TABLE3_RECEIVED.test(text)) {
    signals.push('table3:received');
    score += 0.1;
    tables++;
  }
  if (TABLE4_GROUPS.test(text)) {
    signals.push('table4:groups');
    score += 0.05;
    tables++;
  }
  if (!strongTitle && REPORT_TITLE.test(text.slice(0, 4000))) {
    signals.push('text:title');
    score += 0.15;
    strongTitle = true;
  }
  score = Math.min(1, Math.round(score * 100) / 100);

  // A report has its body: several section headings, or table 3 itself. A title alone (a listing page named
  // after its column, an announcement about the report) is not enough.
  const body = sections >= 3 || (sections >= 2 && tables >= 1) || tables >= 2;
  const isReport = body && (strongTitle || (sections >= 4 && tables >= 1)) && score >= 0.5;
  return { isReport, score, signals };
}
