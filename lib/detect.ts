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

function metaContent(doc: Document, name: string): string {
  const el = doc.querySelector(`meta[name="${name}" i]`);
  return el?.getAttribute('content')?.trim() ?? '';
}

/** Text of the first few title-like elements: h1-h3 and elements whose class names a title. Cheap: no text walk. */
function headingTexts(doc: Document, limit = 24): string {
  const els = doc.querySelectorAll('h1, h2, h3, [class*="title" i], [id*="title" i]');
  let out = '';
  const n = Math.min(els.length, limit);
  for (let i = 0; i < n; i++) {
    const t = els[i]!.textContent ?? '';
    // a "title" class on a big container (the whole article) would make this expensive and meaningless
    if (t.length <= 200) out += t + '\n';
  }
  return out;
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

export function detectReport(doc: Document): DetectResult {
  const signals: string[] = [];
  let score = 0;

  // 1. Metadata and the document title: free.
  const articleTitle = metaContent(doc, 'ArticleTitle');
  const column = `${metaContent(doc, 'ColumnName')} ${metaContent(doc, 'ColumnType')}`;
  const docTitle = doc.title ?? '';
  let strongTitle = false;
  let weak = false;
  if (articleTitle && REPORT_TITLE.test(articleTitle)) {
    signals.push('meta:ArticleTitle');
    score += 0.35;
    strongTitle = true;
  }
  if (REPORT_TITLE.test(docTitle)) {
    signals.push('title');
    score += strongTitle ? 0.1 : 0.35;
    strongTitle = true;
  }
  if (REPORT_COLUMN.test(column)) {
    signals.push('meta:ColumnName');
    score += 0.1;
    weak = true;
  }
  if (!strongTitle && (WEAK_TITLE.test(docTitle) || WEAK_TITLE.test(articleTitle))) weak = true;

  // 2. Still nothing: a glance at a few title-like elements (CMSs often leave <title> as the site name).
  if (!strongTitle && !weak) {
    const heads = headingTexts(doc);
    if (REPORT_TITLE.test(heads)) {
      signals.push('heading-element');
      score += 0.3;
      strongTitle = true;
    } else {
      return { isReport: false, score: 0, signals };
    }
  }

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
