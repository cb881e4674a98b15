import type { ContentItem, DateHint, Extraction, Grid, TextBlock } from './types';
import type { RawCell } from './grid';
import { buildGrid } from './grid';
import type { HtmlRef, SourceRef } from '../source/ref';
import { normalizeChars } from '../normalize/text';

/**
 * HTML extractor: a parsed Document (jsdom, a browser content script, linkedom) → Extraction.
 *
 * Only standard DOM that all three implement is used: firstChild / nextSibling, tagName,
 * getAttribute, textContent, querySelector(All), getElementsByTagName, createRange. No
 * table.rows / row.cells (linkedom lacks them), no innerText / getComputedStyle (layout).
 *
 * Reading model:
 *  - the article container is a known CMS container (.TRS_Editor, #zoom, …) or, failing
 *    that, the element found by descending from <body> into the child that holds most of
 *    the CJK text (page chrome excluded);
 *  - every block-level element that holds only inline content becomes one TextBlock whose
 *    text is exactly its textContent (offsets into it are offsets into the element's text
 *    nodes: see resolveRef);
 *  - bare text that sits directly in an element which also holds blocks (text<br>text<p>…)
 *    becomes one block per <br>-separated run, whose source is the parent element plus the
 *    run's start/end offsets in the parent's textContent (the block text is that slice);
 *  - a <table> whose cells hold no table is a data table → Grid, unless it is clearly a
 *    layout table (role=presentation, a single cell, long prose in a cell); a table whose
 *    cells hold tables is layout: its cells are read like any other container.
 */

type Opts = { uri?: string };

const MAX_DEPTH = 1200;

/** Elements whose content is never read. */
const NEVER = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'meta', 'link', 'title', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'select', 'option', 'optgroup', 'button', 'input', 'textarea', 'svg', 'math', 'canvas',
  'audio', 'video', 'map', 'nav', 'dialog',
]);

/** Block-level elements (a block boundary; anything else is inline). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'xmp', 'html', 'colgroup', 'col',
]);

/** Page chrome by tag (skipped outside the specific CMS containers). */
const CHROME_TAGS = new Set(['header', 'footer', 'aside']);

/**
 * Page chrome by class / id. A class name is split into segments at `_` and `-`; a strong
 * word marks chrome wherever it stands ("main-nav", "nav_list"), a weak word only as the
 * last segment or the whole name ("article_info", "xl_top", but not "info_content").
 */
const CHROME_STRONG = new Set([
  'nav', 'navs', 'navbar', 'navigation', 'subnav', 'menu', 'menus', 'header', 'topbar', 'footer', 'foot',
  'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'bread', 'dqwz', 'weizhi', 'sidebar', 'copyright', 'share',
  'bdshare', 'bdsharebuttonbox', 'friendlink', 'friendlinks', 'yqlj', 'login', 'qrcode', 'ewm', 'skip', 'banner',
]);
const CHROME_WEAK = new Set([
  'head', 'top', 'bottom', 'side', 'aside', 'position', 'location', 'current', 'search', 'print', 'info', 'infos',
  'source', 'attr', 'tool', 'tools', 'toolbar', 'fontsize', 'zihao', 'hits', 'views', 'pager', 'paging', 'link',
  'links', 'related', 'relate', 'xgwz', 'xglj', 'comment', 'comments',
]);
/** Chrome that can sit even inside a CMS container (a breadcrumb or share bar inside #content). */
const CHROME_INNER = new Set([
  'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'dqwz', 'weizhi', 'share', 'bdshare', 'bdsharebuttonbox', 'qrcode', 'ewm',
]);

function chromeName(ci: string, strong: Set<string>, weak: Set<string> | null): boolean {
  for (const name of ci.toLowerCase().split(/\s+/)) {
    if (!name) continue;
    const segs = name.split(/[_-]+/).map((x) => x.replace(/\d+$/, '')).filter(Boolean);
    for (const seg of segs) if (strong.has(seg)) return true;
    if (weak && segs.length && weak.has(segs[segs.length - 1]!)) return true;
  }
  return false;
}

/**
 * Known article containers, most specific first. `strict: false` for the specific editor
 * containers (everything inside is the article); generic ones (`#content`, `.content`) may
 * wrap page chrome, so chrome is skipped inside them.
 */
const CONTAINERS: { sel: string; strict: boolean }[] = [
  { sel: '.TRS_Editor', strict: false },
  { sel: '.TRS_UEDITOR', strict: false },
  { sel: '.trs_editor_view', strict: false },
  { sel: '.Custom_UnionStyle', strict: false },
  { sel: '#UCAP-CONTENT', strict: false },
  { sel: '#zoom', strict: false },
  { sel: '#Zoom', strict: false },
  { sel: '.xxgk_content', strict: false },
  { sel: '.xxgk-content', strict: false },
  { sel: '#zoomcon', strict: false },
  { sel: '.zoom', strict: false },
  { sel: '#fontzoom', strict: false },
  { sel: '.article_content', strict: false },
  { sel: '.article-content', strict: false },
  { sel: '.articleContent', strict: false },
  { sel: '.pages_content', strict: false },
  { sel: '.news_content', strict: false },
  { sel: '.detail_content', strict: false },
  { sel: '.detail-content', strict: false },
  { sel: '.con_content', strict: false },
  { sel: '.wz_content', strict: false },
  { sel: '#content', strict: true },
  { sel: '.content', strict: true },
  { sel: 'article', strict: true },
];

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const UNREADABLE_EMPTY = { zh: '页面没有可读取的正文。', en: 'The page has no readable body text.' };
const UNREADABLE_IMAGES = {
  zh: '页面正文只有图片，没有可读取的文字。',
  en: 'The page body holds only images: there is no text to read.',
};

// ---------------------------------------------------------------------------------------------
// small DOM helpers (standard DOM only)

function tagOf(el: Element): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

function isElement(n: Node | null): n is Element {
  return !!n && n.nodeType === 1;
}

function isText(n: Node): boolean {
  return n.nodeType === 3 || n.nodeType === 4;
}

const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE_RE.test(style);
}

/** Never read: script, style, form controls, nav, hidden elements. */
function isNever(el: Element): boolean {
  return NEVER.has(tagOf(el)) || isHidden(el);
}

/**
 * The class attribute as written. Read through its Attr node: linkedom's getAttribute('class') builds a DOMTokenList
 * and joins it again on every call (a tenth of the Node reader's time); a browser gives the same text either way.
 */
function classOf(el: Element): string | null {
  return el.getAttributeNode('class')?.value ?? null;
}

function classAndId(el: Element): string {
  if (!el.hasAttributes()) return '';
  const c = classOf(el);
  const i = el.getAttribute('id');
  return c && i ? `${c} ${i}` : c || i || '';
}

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(tagOf(el))) return true;
  const ci = classAndId(el);
  return !!ci && chromeName(ci, CHROME_STRONG, CHROME_WEAK);
}

function isInnerChrome(el: Element): boolean {
  const ci = classAndId(el);
  return !!ci && chromeName(ci, CHROME_INNER, null);
}

const VISIBLE_RE = /[^\s\u00a0\u3000\u200b\u200c\u200d\ufeff]/;

function hasVisibleText(s: string): boolean {
  return VISIBLE_RE.test(s);
}

function text(n: Node): string {
  return n.textContent ?? '';
}

/** What a node contributes to its parent's textContent (comments contribute nothing). */
function textLen(n: Node): number {
  return n.nodeType === 1 || n.nodeType === 3 || n.nodeType === 4 ? (n.textContent ?? '').length : 0;
}

function firstElementChild(el: Element): Element | null {
  let c = el.firstChild;
  while (c && !isElement(c)) c = c.nextSibling;
  return c as Element | null;
}

function nextElement(el: Element): Element | null {
  let c = el.nextSibling;
  while (c && !isElement(c)) c = c.nextSibling;
  return c as Element | null;
}

function parseSpan(v: string | null, dflt: number): number {
  if (v === null) return dflt;
  const m = /^\s*\+?(\d+)/.exec(v);
  if (!m) return dflt;
  const n = Number(m[1]!.length > 9 ? '999999999' : m[1]);
  return Number.isFinite(n) ? n : dflt;
}

// ---------------------------------------------------------------------------------------------
// CSS paths

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
const SAFE_TAG = /^[a-z][a-z0-9-]*$/;

function step(el: Element, nth: number): string {
  const t = tagOf(el);
  return `${SAFE_TAG.test(t) ? t : '*'}:nth-child(${nth})`;
}

function nthChild(el: Element): number {
  let n = 1;
  let s = el.previousSibling;
  while (s) {
    if (s.nodeType === 1) n++;
    s = s.previousSibling;
  }
  return n;
}

/** How many elements of the document carry each id (from one walk: see scanPage). */
type IdMemo = Map<string, number>;

function idAnchor(el: Element, ids: IdMemo | null): string | null {
  const id = el.getAttribute('id');
  if (!id || !SAFE_ID.test(id)) return null;
  let unique: boolean;
  if (ids) unique = ids.get(id) === 1;
  else {
    const doc = el.ownerDocument;
    try {
      unique = !!doc && doc.querySelectorAll(`#${id}`).length === 1;
    } catch {
      unique = false;
    }
  }
  return unique ? `#${id}` : null;
}

/**
 * A selector that finds exactly `el` again with document.querySelector: `#id` of the nearest
 * ancestor-or-self with a unique, CSS-safe id (else `html`), then `tag:nth-child(n)` steps
 * joined by `>`. Tags that are not plain CSS identifiers (Word's `o:p`) step as `*`.
 */
export function cssPath(el: Element): string {
  return cssPathWith(el, null);
}

function cssPathWith(el: Element, ids: IdMemo | null): string {
  const steps: string[] = [];
  let cur: Element | null = el;
  while (cur) {
    const anchor = idAnchor(cur, ids);
    if (anchor) { steps.push(anchor); break; }
    const parent: Node | null = cur.parentNode;
    if (!isElement(parent)) {
      // the root element (html) or a detached subtree root
      steps.push(tagOf(cur) === 'html' || !SAFE_TAG.test(tagOf(cur)) ? (tagOf(cur) === 'html' ? 'html' : '*') : tagOf(cur));
      break;
    }
    steps.push(step(cur, nthChild(cur)));
    cur = parent;
  }
  return steps.reverse().join(' > ');
}

// ---------------------------------------------------------------------------------------------
// resolveRef: the highlighter's way back from a SourceRef to the DOM

/**
 * Find the element of an html SourceRef and, when start/end are given, a Range over those
 * offsets of the element's textContent (text nodes walked in document order, exactly the
 * nodes textContent concatenates). Null when the ref is not html or the element is gone.
 */
export function resolveRef(doc: Document, ref: SourceRef): { element: Element; range?: Range } | null {
  if (!ref || ref.kind !== 'html') return null;
  let element: Element | null = null;
  try {
    element = walkPath(doc, ref.selector) ?? doc.querySelector(ref.selector);
  } catch {
    return null;
  }
  if (!element) return null;
  if (ref.start === undefined && ref.end === undefined) return { element };
  try {
    const range = rangeOver(doc, element, ref.start ?? 0, ref.end ?? ref.start ?? 0);
    return range ? { element, range } : { element };
  } catch {
    return { element };
  }
}

const PATH_RE = /^(?:#([A-Za-z][A-Za-z0-9_-]*)|html)((?: > (?:[a-z][a-z0-9-]*|\*):nth-child\(\d+\))*)$/;
const STEP_RE = / > ([a-z][a-z0-9-]*|\*):nth-child\((\d+)\)/g;

/**
 * Resolve a selector of the form cssPath writes by walking it: the same element that
 * querySelector finds, without a selector engine (jsdom's nwsapi takes seconds over
 * `tr:nth-child(10000)`). Null when the selector has another form or the walk fails.
 */
function walkPath(doc: Document, selector: string): Element | null {
  const m = PATH_RE.exec(selector);
  if (!m) return null;
  let cur: Element | null = m[1] ? doc.getElementById(m[1]) : doc.documentElement;
  if (!cur || (!m[1] && tagOf(cur) !== 'html')) return null;
  STEP_RE.lastIndex = 0;
  let s: RegExpExecArray | null;
  while (cur && (s = STEP_RE.exec(m[2]!))) {
    const tag = s[1]!;
    let nth = Number(s[2]);
    let c: Element | null = firstElementChild(cur);
    while (c && --nth > 0) c = nextElement(c);
    if (!c || (tag !== '*' && tagOf(c) !== tag)) return null;
    cur = c;
  }
  return cur;
}

function rangeOver(doc: Document, el: Element, start: number, end: number): Range | null {
  if (end < start) [start, end] = [end, start];
  let startNode: Node | null = null, startOff = 0, endNode: Node | null = null, endOff = 0;
  let lastNode: Node | null = null, lastLen = 0;
  let pos = 0;
  walkTextNodes(el, (n) => {
    const len = (n.nodeValue ?? '').length;
    if (!startNode && start < pos + len) { startNode = n; startOff = start - pos; }
    if (!endNode && end <= pos + len && (startNode || end < pos + len)) { endNode = n; endOff = end - pos; }
    lastNode = n; lastLen = len;
    pos += len;
    return !!(startNode && endNode);
  });
  const range = doc.createRange();
  if (!lastNode) {
    range.selectNodeContents(el);
    return range;
  }
  if (!startNode) { startNode = lastNode; startOff = lastLen; }
  if (!endNode) { endNode = lastNode; endOff = lastLen; }
  range.setStart(startNode, startOff);
  range.setEnd(endNode, endOff);
  return range;
}

/** Text (and CDATA) descendants in document order, without recursion. Stop when fn returns true. */
function walkTextNodes(root: Node, fn: (n: Node) => boolean | void): void {
  let n: Node | null = root.firstChild;
  while (n) {
    if (isText(n)) {
      if (fn(n)) return;
    } else if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) return;
    }
    if (!n) return;
    n = n.nextSibling;
  }
}

// ---------------------------------------------------------------------------------------------
// dates

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1980 || y > 2200 || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DATE_RE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/;

/** The first calendar date in a string: 2024-03-08, 2024/3/8, 2024.3.8, 2024年3月8日, 20240308. */
export function parseDateText(s: string): string | null {
  const t = normalizeChars(s);
  const m = DATE_RE.exec(t);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  const c = /(?:^|\D)(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(t);
  if (c) return isoDate(+c[1]!, +c[2]!, +c[3]!);
  return null;
}

const META_DATE_NAMES = [
  'pubdate', 'publishdate', 'firstpublishedtime', 'publishtime', 'publish_time', 'publish-date', 'publicationdate',
  'article:published_time', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'og:published_time',
];

/** A labelled publication date in page chrome: 发布时间：2024-03-08, 发布日期：2024年3月8日, 时间：… */
const PAGE_DATE_RE =
  /(发布时间|发布日期|发文日期|公开日期|公开时间|发表时间|发表日期|时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?)/g;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A year-like run of four digits (ASCII or full-width): worth a closer look. */
const QUICK_DATEISH = /[0-9０-９]{4}/;

function pageDateIn(s: string): { raw: string; date: string } | null {
  const t = normalizeChars(s);
  PAGE_DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAGE_DATE_RE.exec(t))) {
    const label = m[1]!;
    // a bare 时间 / 日期 must not be the tail of another label (成文日期, 更新时间, 印发日期)
    if ((label === '时间' || label === '日期') && m.index > 0 && CJK_CHAR.test(t[m.index - 1]!)) continue;
    const date = parseDateText(m[2]!);
    if (date) return { raw: s.slice(m.index, m.index + m[0].length).trim(), date };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// the extractor

interface Ctx {
  doc: Document;
  ids: IdMemo;
  content: ContentItem[];
  grids: Grid[];
  warnings: string[];
  /** skip page chrome by class / tag (fallback and generic containers) */
  strict: boolean;
  blockMemo: Map<Element, boolean>;
  depthLimited: boolean;
  nestingTables: Set<Element>;
}

/** Extract prose blocks, grids and page hints from a parsed HTML document. Never throws. */
export function extractHtml(doc: Document, opts?: Opts): Extraction {
  const warnings: string[] = [];
  const meta: Record<string, string> = {};
  const dates: DateHint[] = [];
  const out: Extraction = {
    sourceKind: 'html',
    content: [],
    grids: [],
    hints: { meta, dates, images: 0 },
    warnings,
  };
  try {
    run(doc, opts ?? {}, out);
  } catch (e) {
    warnings.push(`HTML extraction stopped early: ${e instanceof Error ? e.message : String(e)}`);
  }
  const hasText = out.content.some((c) => c.type === 'grid' || hasVisibleText(c.block.text));
  if (!hasText) out.unreadable = out.hints.images > 0 ? UNREADABLE_IMAGES : UNREADABLE_EMPTY;
  return out;
}

function run(doc: Document, opts: Opts, out: Extraction): void {
  const hints = out.hints;
  const root = doc.documentElement;
  if (!root) return;
  const scan = scanPage(root);
  readMeta(scan.metas, hints.meta, hints.dates);

  const titleEl = scan.title;
  const docTitle = titleEl ? text(titleEl).replace(/\s+/g, ' ').trim() : '';
  if (docTitle) hints.documentTitle = docTitle;
  else if (opts.uri) {
    const name = fileName(opts.uri);
    if (name) hints.documentTitle = name;
  }

  const body = doc.body ?? scan.body ?? root;
  const ids = scan.ids;
  const picked = pickContainer(scan, body);
  const container = picked.el;

  const ctx: Ctx = {
    doc,
    ids,
    content: out.content,
    grids: out.grids,
    warnings: out.warnings,
    strict: picked.strict,
    blockMemo: new Map(),
    depthLimited: false,
    nestingTables: scan.nestingTables,
  };
  visit(ctx, container, cssPathWith(container, ids), 0);
  if (ctx.depthLimited) out.warnings.push(`markup nested deeper than ${MAX_DEPTH} levels was read as plain text`);

  hints.images = scan.imgs.filter((img) => container.contains(img)).length;
  if (hints.images > 0 && out.grids.length === 0) {
    out.warnings.push(`the article holds ${hints.images} image(s) and no table: tables may be pictures`);
  }

  // title: meta ArticleTitle, else the article's title element
  const metaTitle = metaGet(hints.meta, 'ArticleTitle');
  if (metaTitle && metaTitle.trim()) hints.title = metaTitle.trim();
  else {
    const t = findTitleElement(scan, container, hints.meta);
    if (t) {
      hints.title = t.title;
      hints.titleSource = { kind: 'html', selector: cssPathWith(t.el, ids) };
    }
  }

  pageDates(body, container, ids, hints.dates);
}

function fileName(uri: string): string {
  try {
    const path = uri.split(/[?#]/)[0] ?? '';
    const last = path.split(/[/\\]/).filter(Boolean).pop() ?? '';
    return decodeURIComponent(last);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// meta

function readMeta(metas: Element[], meta: Record<string, string>, dates: DateHint[]): void {
  const seenDate = new Set<string>();
  const ranked: { rank: number; hint: DateHint }[] = [];
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').trim();
    const content = m.getAttribute('content');
    if (!name || content === null) continue;
    if (!(name in meta) || (!meta[name] && content)) meta[name] = content;
    const lname = name.toLowerCase();
    const rank = META_DATE_NAMES.indexOf(lname);
    if (rank >= 0 && content.trim() && !seenDate.has(lname)) {
      const date = parseDateText(content);
      if (date) {
        seenDate.add(lname);
        ranked.push({ rank, hint: { date, raw: content.trim(), from: 'meta' } });
      }
    }
  }
  // the PubDate family first, in the order of META_DATE_NAMES
  ranked.sort((a, b) => a.rank - b.rank);
  for (const r of ranked) dates.push(r.hint);
}

function metaGet(meta: Record<string, string>, name: string): string | undefined {
  if (name in meta) return meta[name];
  const l = name.toLowerCase();
  for (const k of Object.keys(meta)) if (k.toLowerCase() === l) return meta[k];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// title

const TITLE_SELECTORS = [
  '.article_title', '.article-title', '.articleTitle', '#ArticleTitle', '.xxgk_title', '.detail_title',
  '.detail-title', '.content_title', '.content-title', '.con_title', '.con-title', '.news_title', '.news-title',
  '.art_title', '.title_con', '#title', '.sp_title', '.zw_title',
];

function findTitleElement(
  scan: PageScan,
  container: Element,
  meta: Record<string, string>,
): { el: Element; title: string } | null {
  const siteName = (metaGet(meta, 'SiteName') ?? '').trim();
  const ok = (el: Element): string | null => {
    if (isNever(el)) return null;
    const t = text(el).replace(/\s+/g, ' ').trim();
    if (!t || t.length > 200 || !CJK_CHAR.test(t) || (siteName && t === siteName)) return null;
    return t;
  };
  // the most specific selector first
  for (const list of scan.titles) {
    for (const el of list) {
      const t = ok(el);
      if (t) return { el, title: t };
    }
  }
  // h1 anywhere (but not a site logo), then the first h1-h3 inside the article
  for (const h of scan.h1s) {
    const t = ok(h);
    if (t) return { el: h, title: t };
  }
  for (const tag of ['h2', 'h3']) {
    const h = scan.h23.find((e) => tagOf(e) === tag && container.contains(e));
    const t = h && ok(h);
    if (h && t) return { el: h, title: t };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// page dates (发布时间 lines in the page chrome)

function pageDates(body: Element, container: Element, ids: IdMemo, dates: DateHint[]): void {
  const found = new Set<Element>();
  const scan = (root: Element, skip: Element | null, maxLen: number, budget: number) => {
    let added = 0;
    walkTextNodesSkipping(root, skip, (n) => {
      if (--budget < 0) return true;
      const v = n.nodeValue ?? '';
      if (!QUICK_DATEISH.test(v) && !/[:：]/.test(v)) return false;
      // the label and the date may sit in sibling nodes: climb a few ancestors
      let el = n.parentNode as Element | null;
      for (let k = 0; k < 4 && isElement(el) && el !== body && el !== root && el !== skip; k++) {
        const t = textUpTo(el, maxLen);
        if (t === null) break;
        const hit = pageDateIn(t);
        if (hit) {
          // once per line: not again for an ancestor of a line already found
          const e = el;
          if (!found.has(e) && ![...found].some((f) => e.contains(f))) {
            found.add(e);
            dates.push({ date: hit.date, raw: hit.raw, from: 'page', source: { kind: 'html', selector: cssPathWith(e, ids) } });
            added++;
          }
          break;
        }
        el = el.parentNode as Element | null;
      }
      return false;
    });
    return added;
  };
  const added = container === body ? 0 : scan(body, container, 200, 20_000);
  // no date line in the chrome: accept one near the top of the article, as a short line of its own
  if (!added) scan(container, null, 80, 300);
}

/** The visible text of `el`, or null as soon as it is longer than `max`, without building the rest. */
function textUpTo(el: Element, max: number): string | null {
  let out = '';
  let over = false;
  walkTextNodesSkipping(el, null, (n) => {
    out += n.nodeValue ?? '';
    return (over = out.length > max);
  });
  return over ? null : out;
}

function walkTextNodesSkipping(root: Element, skip: Element | null, fn: (n: Node) => boolean): void {
  let n: Node | null = root.firstChild;
  while (n) {
    let descend = false;
    if (isText(n)) {
      if (fn(n)) return;
    }
    else if (isElement(n) && n !== skip && !NEVER.has(tagOf(n)) && n.firstChild) descend = true;
    if (descend) { n = n.firstChild; continue; }
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (n === root) return;
    }
    if (!n) return;
    n = n.nextSibling;
  }
}

// ---------------------------------------------------------------------------------------------
// the article container

/** A simple selector: `.class`, `#id` or `tag`. */
interface Simple { kind: 'class' | 'id' | 'tag'; name: string }

function parseSimple(sel: string): Simple {
  if (sel.startsWith('.')) return { kind: 'class', name: sel.slice(1).toLowerCase() };
  if (sel.startsWith('#')) return { kind: 'id', name: sel.slice(1) };
  return { kind: 'tag', name: sel.toLowerCase() };
}

const CONTAINER_SEL = CONTAINERS.map((c) => parseSimple(c.sel));
const TITLE_SEL = TITLE_SELECTORS.map(parseSimple);

interface PageScan {
  /** per CONTAINERS entry, the elements it matches, in document order */
  containers: Element[][];
  /** per TITLE_SELECTORS entry */
  titles: Element[][];
  h1s: Element[];
  /** h2 and h3 elements, in document order */
  h23: Element[];
  metas: Element[];
  title: Element | null;
  imgs: Element[];
  body: Element | null;
  ids: IdMemo;
  /** tables that hold another table somewhere inside */
  nestingTables: Set<Element>;
}

/**
 * One walk over the document's elements: the container and title selectors (all of them
 * simple) matched by class, id and tag, meta tags, images, headings and id counts. In jsdom
 * every querySelectorAll / getElementsByTagName is a scan of the whole document: twenty of
 * them on a 5 MB page take seconds.
 */
function scanPage(root: Element): PageScan {
  const scan: PageScan = {
    containers: CONTAINERS.map(() => []), titles: TITLE_SELECTORS.map(() => []), h1s: [], h23: [], metas: [],
    title: null, imgs: [], body: null, ids: new Map(), nestingTables: new Set(),
  };
  const match = (el: Element, tag: string, classes: string[], id: string | null, sels: Simple[], into: Element[][]) => {
    for (let k = 0; k < sels.length; k++) {
      const s = sels[k]!;
      if (s.kind === 'tag' ? s.name === tag : s.kind === 'id' ? s.name === id : classes.includes(s.name)) {
        into[k]!.push(el);
        return;
      }
    }
  };
  const tables: Element[] = [];
  let n: Element | null = root;
  while (n) {
    const tag: string = tagOf(n);
    const cls = classOf(n);
    const id = n.getAttribute('id');
    if (id) scan.ids.set(id, (scan.ids.get(id) ?? 0) + 1);
    switch (tag) {
      case 'meta': scan.metas.push(n); break;
      case 'title': if (!scan.title) scan.title = n; break;
      case 'img': scan.imgs.push(n); break;
      case 'h1': scan.h1s.push(n); break;
      case 'h2': case 'h3': scan.h23.push(n); break;
      case 'body': if (!scan.body) scan.body = n; break;
    }
    if ((cls || id || tag === 'article') && !NEVER.has(tag)) {
      const classes = cls ? cls.toLowerCase().split(/\s+/) : [];
      match(n, tag, classes, id, CONTAINER_SEL, scan.containers);
      if (cls || id) match(n, tag, classes, id, TITLE_SEL, scan.titles);
    }
    if (tag === 'table' && tables.length) scan.nestingTables.add(tables[tables.length - 1]!);
    const skipKids = tag === 'script' || tag === 'style' || tag === 'template';
    const first: Element | null = skipKids ? null : firstElementChild(n);
    if (first) {
      if (tag === 'table') tables.push(n);
      n = first;
      continue;
    }
    // n is done; climb out of the finished ancestors
    let next: Element | null = nextElement(n);
    while (!next) {
      n = n.parentNode as Element | null;
      if (!n || n === root) return scan;
      if (tables.length && tables[tables.length - 1] === n) tables.pop();
      next = nextElement(n);
    }
    n = next;
  }
  return scan;
}

function pickContainer(scan: PageScan, body: Element): { el: Element; strict: boolean } {
  let cms: { el: Element; strict: boolean; score: number } | null = null;
  const found = scan.containers;
  for (let ci = 0; ci < CONTAINERS.length; ci++) {
    const c = CONTAINERS[ci]!;
    const list = found[ci]!;
    let best: Element | null = null;
    let bestScore = -1;
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      if (isNever(el) || hiddenAncestor(el, body)) continue;
      const s = quickScore(el);
      if (s > bestScore) { best = el; bestScore = s; }
    }
    // a container with a few words of text and no table is not the article (an empty template)
    if (best && (bestScore >= 20 || hasDescendant(best, 'table'))) {
      cms = { el: best, strict: c.strict, score: bestScore };
      break;
    }
  }
  // the specific editor containers win outright once they hold some text or a table
  if (cms && !cms.strict) return cms;

  const density: Density = { score: new Map(), tables: new Map() };
  densityScore(body, density, 0);
  const scores = density.score;
  const dens = descend(body, density);
  // a generic container (#content, .content) against the density pick:
  //  - it wraps the density pick (.content around the whole page): the tighter density pick;
  //  - it sits inside the density pick: it is the article unless it misses most of it;
  //  - elsewhere (a .content side box): whichever holds more
  if (cms && cms.el !== dens) {
    const cmsScore = scores.get(cms.el) ?? 0;
    const densScore = scores.get(dens) ?? 0;
    if (dens.contains(cms.el) ? cmsScore >= 0.5 * densScore : !cms.el.contains(dens) && cmsScore >= densScore) return cms;
  }
  return { el: dens, strict: true };
}

function hiddenAncestor(el: Element, stop: Element): boolean {
  let p = el.parentNode;
  for (let k = 0; isElement(p) && p !== stop && k < 60; k++) {
    if (isNever(p)) return true;
    p = p.parentNode;
  }
  return false;
}

/** CJK characters and digits: the text a report is made of. */
function contentChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

function quickScore(el: Element): number {
  return contentChars(text(el));
}

/**
 * Per-element score: CJK characters and digits of text outside links, scripts, hidden
 * elements and page chrome (nav, header, footer, breadcrumbs, …).
 */
interface Density {
  score: Map<Element, number>;
  /** tables with a score below each element */
  tables: Map<Element, number>;
}

function densityScore(el: Element, d: Density, depth: number): number {
  let s = 0;
  let tables = 0;
  if (depth > MAX_DEPTH) s = contentChars(text(el));
  else {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (isText(c)) s += contentChars(c.nodeValue ?? '');
      else if (isElement(c)) {
        if (isNever(c) || isChrome(c)) continue;
        if (tagOf(c) === 'a') continue; // link text: menus, related-article lists
        const cs = densityScore(c, d, depth + 1);
        s += cs;
        tables += (d.tables.get(c) ?? 0) + (cs > 0 && tagOf(c) === 'table' ? 1 : 0);
      }
    }
  }
  d.score.set(el, s);
  if (tables) d.tables.set(el, tables);
  return s;
}

/**
 * Go down from <body> into the child that holds at least 80% of the score, while that child
 * holds block-level content itself (never into a paragraph, never away from a table).
 */
function descend(body: Element, d: Density): Element {
  const scores = d.score;
  let cur = body;
  for (let guard = 0; guard < MAX_DEPTH; guard++) {
    const total = scores.get(cur) ?? 0;
    if (total <= 0) break;
    let best: Element | null = null;
    let bestScore = 0;
    for (let c = firstElementChild(cur); c; c = nextElement(c)) {
      const s = scores.get(c) ?? 0;
      if (s > bestScore) { best = c; bestScore = s; }
    }
    if (!best || bestScore < 0.8 * total) break;
    const t = tagOf(best);
    if (t === 'p' || HEADING_TAGS.has(t) || t === 'li' || t === 'pre') break;
    if (!hasBlockChild(best)) break;
    // do not leave a table with content behind
    if ((d.tables.get(cur) ?? 0) > (d.tables.get(best) ?? 0) + (t === 'table' ? 1 : 0)) break;
    cur = best;
  }
  return cur;
}

/** Is there an element with this tag below el? Stops at the first one. */
function hasDescendant(root: Element, tag: string): boolean {
  let n: Element | null = firstElementChild(root);
  while (n) {
    if (tagOf(n) === tag) return true;
    const first = firstElementChild(n);
    if (first) { n = first; continue; }
    while (n && n !== root && !nextElement(n)) n = n.parentNode as Element | null;
    if (!n || n === root) return false;
    n = nextElement(n);
  }
  return false;
}

function hasBlockChild(el: Element): boolean {
  for (let c = firstElementChild(el); c; c = nextElement(c)) if (BLOCK.has(tagOf(c))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// blocks

function skipIn(ctx: Ctx, el: Element): boolean {
  if (isNever(el)) return true;
  return ctx.strict ? isChrome(el) : isInnerChrome(el);
}

/** Does el hold any block-level element (at any depth)? Memoised. */
function containsBlock(ctx: Ctx, el: Element, depth: number): boolean {
  const memo = ctx.blockMemo.get(el);
  if (memo !== undefined) return memo;
  let r = false;
  if (depth <= MAX_DEPTH) {
    for (let c = firstElementChild(el); c; c = nextElement(c)) {
      if (BLOCK.has(tagOf(c))) { r = true; break; }
      if (containsBlock(ctx, c, depth + 1)) { r = true; break; }
    }
  }
  ctx.blockMemo.set(el, r);
  return r;
}

function isBlockish(ctx: Ctx, el: Element, depth: number): boolean {
  return BLOCK.has(tagOf(el)) || containsBlock(ctx, el, depth);
}

function emitBlock(ctx: Ctx, block: TextBlock): void {
  ctx.content.push({ type: 'block', block });
}

function visit(ctx: Ctx, el: Element, path: string, depth: number): void {
  if (depth > MAX_DEPTH) {
    ctx.depthLimited = true;
    const t = text(el);
    if (hasVisibleText(t)) emitBlock(ctx, { text: t, source: { kind: 'html', selector: path } });
    return;
  }
  const tag = tagOf(el);
  if (tag === 'table') {
    readTable(ctx, el, path, depth);
    return;
  }
  if (!containsBlock(ctx, el, depth)) {
    const t = text(el);
    if (!hasVisibleText(t)) return;
    if (ctx.strict && linkOnly(el)) return;
    const block: TextBlock = { text: t, source: { kind: 'html', selector: path } };
    if (isHeading(el, t)) block.headingHint = true;
    emitBlock(ctx, block);
    return;
  }

  // mixed content: runs of inline nodes between block children
  const childPaths = new Map<Node, string>();
  let run: Node[] = [];
  let runStartIdx = 0;
  const children: Node[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) children.push(c);
  // offsets into el.textContent, computed lazily (only bare-text runs need them)
  let offIdx = 0;
  let offset = 0;
  const offsetOf = (idx: number): number => {
    while (offIdx < idx) offset += textLen(children[offIdx++]!);
    return offset;
  };
  const flush = (endIdx: number) => {
    if (run.length) flushRun(ctx, path, run, runStartIdx, offsetOf, childPaths);
    run = [];
    runStartIdx = endIdx;
  };
  let nth = 0;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (isElement(c)) {
      nth++;
      const cp = idAnchor(c, ctx.ids) ?? `${path} > ${step(c, nth)}`;
      if (skipIn(ctx, c) || tagOf(c) === 'br' || isBlockish(ctx, c, depth + 1)) {
        flush(i + 1);
        if (!skipIn(ctx, c) && tagOf(c) !== 'br') visit(ctx, c, cp, depth + 1);
        continue;
      }
      childPaths.set(c, cp);
      if (!run.length) runStartIdx = i;
      run.push(c);
    } else if (isText(c)) {
      if (!run.length) runStartIdx = i;
      run.push(c);
    }
  }
  flush(children.length);
}

function flushRun(
  ctx: Ctx,
  parentPath: string,
  run: Node[],
  startIdx: number,
  offsetOf: (idx: number) => number,
  childPaths: Map<Node, string>,
): void {
  const visible = run.filter((n) => hasVisibleText(text(n)));
  if (!visible.length) return;
  // a run that is one inline element (a <span> or <strong> between blocks): that element
  if (visible.length === 1 && isElement(visible[0]!)) {
    const el = visible[0] as Element;
    const path = childPaths.get(el);
    if (path) {
      if (ctx.strict && linkOnly(el)) return;
      const t = text(el);
      const block: TextBlock = { text: t, source: { kind: 'html', selector: path } };
      if (isHeading(el, t)) block.headingHint = true;
      emitBlock(ctx, block);
      return;
    }
  }
  // bare text: the slice of the parent's textContent, trimmed
  const start = offsetOf(startIdx);
  let t = '';
  for (const n of run) t += text(n);
  const lead = /^\s*/.exec(t)![0].length;
  const trail = /\s*$/.exec(t)![0].length;
  const s = t.slice(lead, t.length - trail);
  if (!hasVisibleText(s)) return;
  const block: TextBlock = {
    text: s,
    source: { kind: 'html', selector: parentPath, start: start + lead, end: start + lead + s.length },
  };
  if (visible.length === 1 && isElement(visible[0]!) && isHeading(visible[0] as Element, s)) block.headingHint = true;
  emitBlock(ctx, block);
}

/** All visible text inside <a> (a menu item, a link list). */
function linkOnly(el: Element): boolean {
  if (tagOf(el) === 'a') return true;
  let outside = false;
  let inside = false;
  const walk = (n: Element, inA: boolean, d: number) => {
    if (d > 30 || outside) return;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (isText(c)) {
        if (hasVisibleText(c.nodeValue ?? '')) {
          if (inA) inside = true;
          else outside = true;
        }
      } else if (isElement(c)) walk(c, inA || tagOf(c) === 'a', d + 1);
    }
  };
  walk(el, false, 0);
  return inside && !outside;
}

const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i;

/** h1-h6, or a short paragraph whose visible text is all bold. */
function isHeading(el: Element, t: string): boolean {
  const tag = tagOf(el);
  if (HEADING_TAGS.has(tag)) return true;
  const compact = t.replace(/[\s\u00a0\u3000]+/g, '');
  if (!compact || compact.length > 40) return false;
  const selfBold = tag === 'strong' || tag === 'b' || BOLD_STYLE.test(el.getAttribute('style') ?? '');
  let plain = false;
  let bold = false;
  const walk = (n: Element, inBold: boolean, d: number) => {
    if (d > 30 || plain) return;
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (isText(c)) {
        if (hasVisibleText(c.nodeValue ?? '')) {
          if (inBold) bold = true;
          else plain = true;
        }
      } else if (isElement(c)) {
        const ct = tagOf(c);
        const b = inBold || ct === 'strong' || ct === 'b' || BOLD_STYLE.test(c.getAttribute('style') ?? '');
        walk(c, b, d + 1);
      }
    }
  };
  walk(el, selfBold, 0);
  return bold && !plain;
}

// ---------------------------------------------------------------------------------------------
// tables

interface RowRef { tr: Element; path: string; group: number }

function collectRows(table: Element, tablePath: string, ids: IdMemo): { rows: RowRef[]; captions: { el: Element; path: string }[] } {
  const heads: RowRef[][] = [];
  const bodies: RowRef[][] = [];
  const foots: RowRef[][] = [];
  const captions: { el: Element; path: string }[] = [];
  let loose: RowRef[] | null = null;
  let nth = 0;
  const section = (sec: Element, secPath: string, into: RowRef[][]) => {
    const rows: RowRef[] = [];
    let k = 0;
    for (let c = firstElementChild(sec); c; c = nextElement(c)) {
      k++;
      const t = tagOf(c);
      if (t === 'tr') rows.push({ tr: c, path: idAnchor(c, ids) ?? `${secPath} > ${step(c, k)}`, group: 0 });
      else if (t === 'form') {
        // linkedom keeps <form> wrappers between rows: look one level in
        let j = 0;
        const fp = `${secPath} > ${step(c, k)}`;
        for (let d = firstElementChild(c); d; d = nextElement(d)) {
          j++;
          if (tagOf(d) === 'tr') rows.push({ tr: d, path: `${fp} > ${step(d, j)}`, group: 0 });
        }
      }
    }
    into.push(rows);
  };
  for (let c = firstElementChild(table); c; c = nextElement(c)) {
    nth++;
    const t = tagOf(c);
    const cp = `${tablePath} > ${step(c, nth)}`;
    if (t === 'tr') {
      if (!loose) { loose = []; bodies.push(loose); }
      loose.push({ tr: c, path: cp, group: 0 });
      continue;
    }
    loose = null;
    if (t === 'thead') section(c, cp, heads);
    else if (t === 'tbody' || t === 'form') section(c, cp, bodies);
    else if (t === 'tfoot') section(c, cp, foots);
    else if (t === 'caption') captions.push({ el: c, path: cp });
  }
  const rows: RowRef[] = [];
  let g = 0;
  for (const grp of [...heads, ...bodies, ...foots]) {
    for (const r of grp) { r.group = g; rows.push(r); }
    g++;
  }
  return { rows, captions };
}

interface CellRef { el: Element; path: string; raw: string; rowSpan: number; colSpan: number }

/** Cell text: textContent with <br> and block boundaries (<p>, <div>, …) as newlines. */
function cellText(el: Element): string {
  const only = el.firstChild;
  if (only && !only.nextSibling && isText(only)) return only.nodeValue ?? '';
  const st = { out: '', boundary: false };
  cellWalk(el, 0, st);
  return st.out;
}

function cellAdd(st: { out: string; boundary: boolean }, s: string): void {
  if (!s) return;
  if (st.boundary && st.out && !st.out.endsWith('\n')) st.out += '\n';
  st.boundary = false;
  st.out += s;
}

function cellWalk(n: Element, d: number, st: { out: string; boundary: boolean }): void {
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (isText(c)) { cellAdd(st, c.nodeValue ?? ''); continue; }
    if (!isElement(c)) continue;
    const t = tagOf(c);
    if (t === 'br') { st.boundary = false; st.out += '\n'; continue; }
    if (isNever(c)) continue;
    const block = BLOCK.has(t);
    if (block) st.boundary = true;
    if (d > 200) cellAdd(st, text(c));
    else cellWalk(c, d + 1, st);
    if (block) st.boundary = true;
  }
}

function readTable(ctx: Ctx, table: Element, tablePath: string, depth: number): void {
  const collected = collectRows(table, tablePath, ctx.ids);
  const rows = collected.rows.filter((r) => !isNever(r.tr)); // a hidden row takes no place
  const captions = collected.captions;
  const role = (table.getAttribute('role') ?? '').toLowerCase();
  const nested = ctx.nestingTables.has(table);

  if (nested || role === 'presentation' || role === 'none') {
    // layout: captions and cells read like any other container, nested tables on their own
    for (const cap of captions) visit(ctx, cap.el, cap.path, depth + 1);
    for (const r of rows) {
      if (skipIn(ctx, r.tr)) continue;
      let k = 0;
      for (let c = firstElementChild(r.tr); c; c = nextElement(c)) {
        k++;
        const t = tagOf(c);
        if ((t === 'td' || t === 'th') && !skipIn(ctx, c)) visit(ctx, c, idAnchor(c, ctx.ids) ?? `${r.path} > ${step(c, k)}`, depth + 3);
      }
    }
    return;
  }

  // read every cell once
  const cellRows: CellRef[][] = [];
  let maxLen = 0;
  let cellCount = 0;
  let maxCols = 0;
  let anyText = false;
  for (const r of rows) {
    const line: CellRef[] = [];
    cellRows.push(line);
    let k = 0;
    let width = 0;
    for (let c = firstElementChild(r.tr); c; c = nextElement(c)) {
      k++;
      const t = tagOf(c);
      if (t !== 'td' && t !== 'th') continue;
      const attrs = c.hasAttributes();
      if (attrs && isHidden(c)) continue;
      const raw = cellText(c);
      const len = raw.trim().length;
      if (len > maxLen) maxLen = len;
      if (!anyText && hasVisibleText(raw)) anyText = true;
      const colSpan = attrs ? parseSpan(c.getAttribute('colspan'), 1) : 1;
      const rowSpan = attrs ? parseSpan(c.getAttribute('rowspan'), 1) : 1;
      width += Math.max(1, Math.min(colSpan, 1000));
      const path = (attrs && idAnchor(c, ctx.ids)) || `${r.path} > ${t}:nth-child(${k})`;
      line.push({ el: c, path, raw, rowSpan, colSpan });
      cellCount++;
    }
    if (width > maxCols) maxCols = width;
  }
  if (!anyText) return; // a spacer table

  for (const cap of captions) visit(ctx, cap.el, cap.path, depth + 1);

  const layout =
    cellCount <= 1 ||
    maxLen > 300 ||
    ((rows.length === 1 || maxCols === 1) && maxLen > 80);
  if (layout) {
    for (let i = 0; i < rows.length; i++) {
      for (const cell of cellRows[i]!) if (!skipIn(ctx, cell.el)) visit(ctx, cell.el, cell.path, depth + 3);
    }
    return;
  }

  // spans: rowspan is confined to its row group (rowspan=0 runs to the group's end)
  const groupEnd: number[] = new Array(rows.length);
  for (let i = rows.length - 1; i >= 0; i--) {
    groupEnd[i] = i + 1 < rows.length && rows[i + 1]!.group === rows[i]!.group ? groupEnd[i + 1]! : i + 1;
  }
  const raw: RawCell[][] = cellRows.map((line, r) =>
    line.map((c) => {
      const left = groupEnd[r]! - r;
      const rowSpan = c.rowSpan === 0 ? left : Math.max(1, Math.min(c.rowSpan, left));
      const colSpan = c.colSpan < 1 ? 1 : c.colSpan;
      return { raw: c.raw, rowSpan, colSpan, source: { kind: 'html', selector: c.path } as HtmlRef };
    }),
  );
  const index = ctx.grids.length;
  const { grid, truncated } = buildGrid(raw, { index, source: { kind: 'html', selector: tablePath } });
  if (truncated) ctx.warnings.push(`table ${index + 1} is larger than the limits: only part of it was read`);
  ctx.grids.push(grid);
  ctx.content.push({ type: 'grid', grid: index });
}
