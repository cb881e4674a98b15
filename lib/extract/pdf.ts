import type { ContentItem, DateHint, Extraction, Grid, TextBlock } from './types';
import { buildGrid } from './grid';
import type { PdfRef } from '../source/ref';
import type { Box } from './pdf/geom';
import { roundBox } from './pdf/geom';
import type { OpScan, Segment } from './pdf/rulings';
import { scanOperatorList } from './pdf/rulings';
import type { LatticeTable } from './pdf/lattice';
import { findTables, normalizeSegments } from './pdf/lattice';
import type { FontStyle, Word } from './pdf/words';
import { itemsToWords, wordsToLines } from './pdf/words';
import type { TablePart } from './pdf/tables';
import { assignWords, continues, partsToGrid } from './pdf/tables';
import type { PositionalTable } from './pdf/positional';
import { findPositionalTables, joinPositional, positionalRows, POSITIONAL_CONFIDENCE } from './pdf/positional';
import type { FlowItem, PageLines } from './pdf/paragraphs';
import { layParagraphs, measure, stripPortalFooter, stripPortalHeader, stripRunning } from './pdf/paragraphs';
import { normalizeCellText } from '../normalize/text';

/**
 * The PDF extractor: pdf.js text content and operator lists → the same `Extraction` the
 * HTML and text extractors produce (prose blocks and grids in reading order, hints,
 * warnings, or `unreadable` with a plain reason).
 *
 * pdf.js is passed in so that this module has no Node-only imports: the extension passes
 * the modern build (with its worker), Node passes the legacy build (see ./pdf-node.ts).
 *
 * Never throws and never hangs: load errors, encryption, scans, oversized input and the
 * time limit all come back as `unreadable`.
 */
export interface PdfExtractOptions {
  pdfjs: typeof import('pdfjs-dist');
  /** directory (URL or, in Node, filesystem path) of pdfjs-dist/cmaps/, with a trailing slash */
  cMapUrl: string;
  /** directory of pdfjs-dist/standard_fonts/, with a trailing slash */
  standardFontDataUrl: string;
  /** default 50 MB */
  maxBytes?: number;
  /** default 200 */
  maxPages?: number;
  /** default 20 000 ms */
  timeoutMs?: number;
  onProgress?: (page: number, pages: number) => void;
  /**
   * How pdf.js's worker hands fonts over to this side (its `disableFontFace`). The extracted text, words and rulings
   * are the same either way (test/extract/pdf-fonts.test.ts); only the work differs.
   * - 'paths' (default): the worker compiles the outline of every glyph shown into a path and posts each one
   *   (`disableFontFace: true`) — nothing needs a document; costly (a third of the time of a WPS PDF in Node).
   * - 'face': the worker posts each embedded font file once, and pdf.js registers it as a `FontFace` in
   *   `ownerDocument.fonts` (`disableFontFace: false`). In a page that is the real document; Node has none and
   *   passes a sink (./pdf-node.ts). Where a font cannot be registered pdf.js falls back to paths for that font.
   */
  fonts?: 'paths' | 'face';
  /** with `fonts: 'face'`: the document whose `fonts` (a FontFaceSet) receive the fonts; default `globalThis.document` */
  ownerDocument?: FontDocument;
}

/** What pdf.js's FontLoader uses of a document when the Font Loading API is there: `fonts.add` / `fonts.delete`. */
export interface FontDocument {
  fonts: { add(face: unknown): unknown; delete(face: unknown): unknown };
}

/** What the extractor detected on one page, for a debug overlay (like pdfplumber's). */
export interface PdfDebugPage {
  page: number;
  width: number;
  height: number;
  /** ruling segments after snapping and joining, [x0, y0, x1, y1] top-left origin */
  segments: { box: Box; o: 'h' | 'v'; src: 'stroke' | 'fill' }[];
  /** raw ruling pieces found in the operator list, before snapping */
  rawSegments: number;
  /** detected tables (or table parts) on this page: box, the grid they went into, lattice or positional */
  tables: { box: Box; grid: number; kind: 'lattice' | 'positional'; rows: number; cols: number }[];
  /** every cell box on this page with its grid index */
  cells: { box: Box; grid: number }[];
  images: number;
  /** text items kept (non-blank) */
  words: number;
}

export interface PdfDebug {
  pages: PdfDebugPage[];
  /** blocks that run over more than one page (their source names the first page) */
  blocks: { index: number; pages: number[] }[];
  /** grids and the pages they were joined from */
  grids: { index: number; pages: number[] }[];
  ms: number;
}

export type PdfExtraction = Extraction & { debug: PdfDebug };

const MB = 1024 * 1024;
const DEFAULTS = { maxBytes: 50 * MB, maxPages: 200, timeoutMs: 20_000 };

type Reason = { zh: string; en: string };
const REASONS = {
  empty: { zh: '文件为空（0 字节），不是有效的 PDF，无法核查。', en: 'The file is empty (0 bytes): it is not a PDF and cannot be audited.' },
  tooBig: (mb: number, limit: number): Reason => ({
    zh: `PDF 文件过大（${mb.toFixed(1)} MB，上限 ${limit.toFixed(0)} MB），未核查。`,
    en: `The PDF is too large (${mb.toFixed(1)} MB; the limit is ${limit.toFixed(0)} MB) and was not audited.`,
  }),
  tooManyPages: (n: number, limit: number): Reason => ({
    zh: `PDF 页数过多（${n} 页，上限 ${limit} 页），未核查。`,
    en: `The PDF has too many pages (${n}; the limit is ${limit}) and was not audited.`,
  }),
  encrypted: { zh: 'PDF 已加密（需要密码才能打开），无法核查。', en: 'The PDF is encrypted (a password is needed to open it) and cannot be audited.' },
  corrupt: { zh: 'PDF 文件已损坏或不是有效的 PDF，无法读取。', en: 'The PDF is damaged or not a valid PDF and cannot be read.' },
  scan: { zh: '这是扫描件（只有图片，没有文字层），无法核查。', en: 'This PDF is a scan (images only, no text layer) and cannot be audited.' },
  noText: { zh: 'PDF 中没有可提取的文字，无法核查。', en: 'The PDF contains no extractable text and cannot be audited.' },
  timeout: (s: number): Reason => ({
    zh: `PDF 解析超时（超过 ${s} 秒），已停止，无法核查。`,
    en: `Reading the PDF took longer than ${s} s and was stopped; it cannot be audited.`,
  }),
};

interface PageData {
  page: number;
  width: number;
  height: number;
  words: Word[];
  ops: OpScan | null;
  segments: Segment[];
  tables: LatticeTable[];
  failed?: boolean;
}

async function readPage(
  doc: Doc,
  p: number,
  OPS: Record<string, number>,
  annotationMode: number,
  wantOps: (hasText: boolean) => boolean,
  checkTime: () => void,
): Promise<PageData> {
  const page = await doc.getPage(p);
  try {
    const vp = page.getViewport({ scale: 1 });
    const vt = Array.from(vp.transform);
    const tc = await page.getTextContent();
    checkTime();
    const words = itemsToWords(tc.items, tc.styles as Record<string, FontStyle>, vt, p);
    let ops: OpScan | null = null;
    // operator lists decode images: on pages without text only the first few are looked at
    // (enough to tell a scan), so a 200-page scan stays cheap
    if (wantOps(words.length > 0)) {
      const ol = await page.getOperatorList({ annotationMode });
      checkTime();
      ops = scanOperatorList(ol, OPS, vt, vp.width * vp.height);
    }
    const segments = ops ? normalizeSegments(ops.segments) : [];
    const tables = words.length ? findTables(segments) : [];
    return { page: p, width: vp.width, height: vp.height, words, ops, segments, tables };
  } finally {
    page.cleanup();
  }
}

class Timeout extends Error {}

function emptyExtraction(warnings: string[] = []): PdfExtraction {
  return {
    sourceKind: 'pdf',
    content: [],
    grids: [],
    hints: { meta: {}, dates: [], images: 0 },
    warnings,
    debug: { pages: [], blocks: [], grids: [], ms: 0 },
  };
}

function unreadable(reason: Reason, base?: PdfExtraction): PdfExtraction {
  const x = base ?? emptyExtraction();
  return { ...x, content: [], grids: [], unreadable: reason };
}

export async function extractPdf(data: Uint8Array, opts: PdfExtractOptions): Promise<PdfExtraction> {
  const t0 = Date.now();
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const maxPages = opts.maxPages ?? DEFAULTS.maxPages;
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  if (!data || data.byteLength === 0) return unreadable(REASONS.empty);
  if (data.byteLength > maxBytes) return unreadable(REASONS.tooBig(data.byteLength / MB, maxBytes / MB));

  const { pdfjs } = opts;
  let task: ReturnType<typeof pdfjs.getDocument> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const deadline = t0 + timeoutMs;
  const checkTime = () => { if (timedOut || Date.now() > deadline) throw new Timeout(); };

  const work = async (): Promise<PdfExtraction> => {
    task = pdfjs.getDocument({
      // a copy: with a real worker pdf.js transfers (detaches) the buffer it is given
      data: data.slice(),
      cMapUrl: opts.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: opts.standardFontDataUrl,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: opts.fonts !== 'face',
      ...(opts.fonts === 'face' && opts.ownerDocument ? { ownerDocument: opts.ownerDocument as unknown as HTMLDocument } : {}),
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    const doc = await task.promise;
    checkTime();
    const base = emptyExtraction();
    await readMetadata(doc, base);
    checkTime();
    if (doc.numPages < 1) return unreadable(REASONS.corrupt, base);
    if (doc.numPages > maxPages) return unreadable(REASONS.tooManyPages(doc.numPages, maxPages), base);
    return extractDoc(doc, pdfjs, opts, base, checkTime);
  };

  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => { timedOut = true; resolve('timeout'); }, timeoutMs);
  });
  let result: PdfExtraction;
  try {
    const r = await Promise.race([work(), timeout]);
    result = r === 'timeout' ? unreadable(REASONS.timeout(Math.round(timeoutMs / 1000))) : r;
  } catch (e) {
    const { reason, detail } = classifyError(e, timeoutMs);
    result = unreadable(reason, emptyExtraction([`pdf.js: ${detail}`]));
  } finally {
    clearTimeout(timer);
  }
  // release the worker side; never wait long for it
  const t = task as { destroy(): Promise<void> } | null;
  if (t) {
    let wait: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([t.destroy().catch(() => undefined), new Promise((r) => (wait = setTimeout(r, 1000)))]);
    clearTimeout(wait); // a pending timer would keep a Node process (the CLI) alive for that second
  }
  result.debug.ms = Date.now() - t0;
  return result;
}

function classifyError(e: unknown, timeoutMs: number): { reason: Reason; detail: string } {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = String((e as { message?: string } | null)?.message ?? e ?? '').slice(0, 200);
  const detail = `${name || 'Error'}: ${message}`;
  if (e instanceof Timeout) return { reason: REASONS.timeout(Math.round(timeoutMs / 1000)), detail: 'timeout' };
  if (name === 'PasswordException' || /password/i.test(message)) return { reason: REASONS.encrypted, detail };
  return { reason: REASONS.corrupt, detail };
}

type Doc = Awaited<ReturnType<typeof import('pdfjs-dist').getDocument>['promise']>;

async function readMetadata(doc: Doc, x: PdfExtraction): Promise<void> {
  try {
    const md = await doc.getMetadata();
    const info = (md?.info ?? {}) as Record<string, unknown>;
    for (const k of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate']) {
      const v = info[k];
      if (typeof v === 'string' && v.trim()) x.hints.meta[k] = v;
    }
    const title = x.hints.meta['Title'];
    if (title) x.hints.documentTitle = title;
    const cd = x.hints.meta['CreationDate'];
    const d = cd ? parsePdfDate(cd) : null;
    if (d) x.hints.dates.push({ date: d, raw: cd!, from: 'pdf-metadata' } satisfies DateHint);
  } catch {
    x.warnings.push('PDF metadata could not be read');
  }
}

/** "D:20250225101115+08'00'" → "2025-02-25" (the date as written, in the writer's time zone). */
export function parsePdfDate(s: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(s.trim());
  if (!m) return null;
  const y = +m[1]!, mo = m[2] ? +m[2] : 1, d = m[3] ? +m[3] : 1;
  if (y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

async function extractDoc(
  doc: Doc,
  pdfjs: typeof import('pdfjs-dist'),
  opts: PdfExtractOptions,
  x: PdfExtraction,
  checkTime: () => void,
): Promise<PdfExtraction> {
  const n = doc.numPages;
  const pages: PageData[] = [];
  const OPS = pdfjs.OPS as unknown as Record<string, number>;
  const annotationsOff = (pdfjs.AnnotationMode as { DISABLE?: number } | undefined)?.DISABLE ?? 0;
  let textless = 0;
  for (let p = 1; p <= n; p++) {
    checkTime();
    let data: PageData;
    try {
      data = await readPage(doc, p, OPS, annotationsOff, (hasText) => hasText || textless < 3, checkTime);
    } catch (e) {
      if (e instanceof Timeout) throw e;
      // one broken page does not make the document unreadable
      x.warnings.push(`page ${p} could not be read (${String((e as Error)?.message ?? e).slice(0, 120)})`);
      data = { page: p, width: 595, height: 842, words: [], ops: null, segments: [], tables: [], failed: true };
    }
    if (!data.words.length) textless++;
    pages.push(data);
    checkTime();
    opts.onProgress?.(p, n);
  }
  if (pages.every((p) => p.failed)) return unreadable(REASONS.corrupt, x);

  x.hints.images = pages.reduce((s, p) => s + (p.ops?.images ?? 0), 0);
  const totalChars = pages.reduce((s, p) => s + p.words.reduce((t, w) => t + w.text.trim().length, 0), 0);
  x.debug.pages = pages.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    segments: p.segments.map((s) => ({ box: roundBox([s.x0, s.y0, s.x1, s.y1]), o: s.o, src: s.src })),
    rawSegments: p.ops?.segments.length ?? 0,
    tables: [],
    cells: [],
    images: p.ops?.images ?? 0,
    words: p.words.length,
  }));
  if (totalChars === 0) return unreadable(x.hints.images > 0 ? REASONS.scan : REASONS.noText, x);
  for (const p of pages) {
    if (p.failed) continue;
    if (!p.words.length && p.ops && p.ops.images > 0) x.warnings.push(`page ${p.page} is an image without a text layer (scanned?): its content cannot be read`);
    else if (!p.words.length && !p.ops) x.warnings.push(`page ${p.page} has no text layer`);
    else if (p.words.length && p.ops && p.ops.largestImage >= 0.4) x.warnings.push(`page ${p.page} has a large picture (${Math.round(p.ops.largestImage * 100)} % of the page): anything shown only in the picture (a table as an image) cannot be read`);
    if (p.ops?.malformed) x.warnings.push(`page ${p.page}: ${p.ops.malformed} malformed paths were ignored`);
  }
  const garbled = pages.flatMap((p) => p.words).reduce((s, w) => s + [...w.text].filter((c) => /[\uE000-\uF8FF\uFFFD]/.test(c)).length, 0);
  if (garbled > 0.2 * totalChars) x.warnings.push('much of the text layer is unreadable (private-use or replacement characters): the font has no usable Unicode mapping');

  // tables: words into ruled cells, the rest into lines
  const parts: TablePart[] = [];
  const partPage: number[][] = pages.map(() => []);
  const pageLines: PageLines[] = [];
  for (const p of pages) {
    let rest = p.words;
    for (const t of p.tables) {
      const r = assignWords(t, rest, p.page);
      rest = r.rest;
      partPage[p.page - 1]!.push(parts.length);
      parts.push(r.part);
    }
    pageLines.push({ page: p.page, width: p.width, height: p.height, lines: wordsToLines(rest) });
  }
  const stripped = stripRunning(pageLines).pages;
  // a printed web page: the portal's navigation, breadcrumb and footer are not the report
  stripPortalHeader(stripped);
  stripPortalFooter(stripped, (page) => Math.max(-Infinity, ...partPage[page - 1]!.map((i) => parts[i]!.box[3])));

  // unruled tables on pages without rulings
  const positional: PositionalTable[] = [];
  for (const pl of stripped) {
    if (partPage[pl.page - 1]!.length) continue;
    const found = findPositionalTables(pl.lines, pl.page);
    if (!found.length) continue;
    const used = new Set(found.flatMap((t) => t.lines));
    pl.lines = pl.lines.filter((l) => !used.has(l));
    positional.push(...found);
  }

  // reading order per page: lines and tables by their top edge
  // table keys: 0..parts-1 lattice parts, parts.length + i positional tables
  const flow: FlowItem[] = [];
  for (const pl of stripped) {
    const items: FlowItem[] = pl.lines.map((line) => ({ kind: 'line', line }));
    for (const i of partPage[pl.page - 1]!) items.push({ kind: 'table', key: i, page: pl.page, box: parts[i]!.box });
    positional.forEach((t, i) => { if (t.page === pl.page) items.push({ kind: 'table', key: parts.length + i, page: pl.page, box: t.box }); });
    items.sort((a, b) => top(a) - top(b) || left(a) - left(b));
    flow.push(...items);
  }

  // a table that ends its page and one that starts the next page with the same columns are one table
  const groupOf = new Map<number, number[]>(); // first key → the keys joined into it
  const headOf = new Map<number, number>(); // part key → first part key
  const joinedPositional = new Map<number, PositionalTable>(); // first key → joined table
  const continuation = new Set<number>();
  for (let i = 0; i + 1 < flow.length; i++) {
    const a = flow[i]!, b = flow[i + 1]!;
    if (a.kind !== 'table' || b.kind !== 'table' || b.page !== a.page + 1) continue;
    const head = headOf.get(a.key) ?? a.key;
    if (a.key < parts.length && b.key < parts.length) {
      if (!continues(parts[a.key]!, parts[b.key]!)) continue;
    } else if (a.key >= parts.length && b.key >= parts.length) {
      const first = joinedPositional.get(head) ?? positional[head - parts.length]!;
      const joined = joinPositional(first, positional[b.key - parts.length]!);
      if (!joined) continue;
      joinedPositional.set(head, joined);
    } else continue;
    groupOf.set(head, [...(groupOf.get(head) ?? [head]), b.key]);
    headOf.set(b.key, head);
    continuation.add(b.key);
  }

  const lines = stripped.flatMap((p) => p.lines);
  const laid = layParagraphs(flow, measure(lines));
  const content: ContentItem[] = [];
  const grids: Grid[] = [];
  for (const item of laid) {
    if (item.kind === 'para') {
      const para = item.para;
      const source: PdfRef = { kind: 'pdf', page: para.page, box: roundBox(para.box) };
      const block: TextBlock = { text: para.text, source };
      if (para.heading) block.headingHint = true;
      if (para.pages.length > 1) x.debug.blocks.push({ index: content.length, pages: para.pages });
      content.push({ type: 'block', block });
      if (para.title && !x.hints.title) {
        x.hints.title = normalizeCellText(para.text);
        x.hints.titleSource = source;
      }
      continue;
    }
    if (continuation.has(item.key)) continue;
    const index = grids.length;
    const keys = groupOf.get(item.key) ?? [item.key];
    if (item.key < parts.length) {
      const built = partsToGrid(keys.map((k) => parts[k]!), index);
      x.warnings.push(...built.warnings);
      grids.push(built.grid);
      x.debug.grids.push({ index, pages: built.pages });
      for (const k of keys) {
        const part = parts[k]!;
        x.debug.pages[part.page - 1]!.tables.push({ box: roundBox(part.box), grid: index, kind: 'lattice', rows: part.ys.length - 1, cols: part.xs.length - 1 });
      }
      for (const c of built.cells) x.debug.pages[c.page - 1]!.cells.push({ box: c.box, grid: index });
    } else {
      const t = joinedPositional.get(item.key) ?? positional[item.key - parts.length]!;
      const { grid } = buildGrid(positionalRows(t), {
        index,
        source: { kind: 'pdf', page: t.page, box: roundBox(t.box) },
        layout: 'positional',
        confidence: POSITIONAL_CONFIDENCE,
      });
      grids.push(grid);
      x.debug.grids.push({ index, pages: t.pages });
      for (const k of keys) {
        const part = positional[k - parts.length]!;
        x.debug.pages[part.page - 1]!.tables.push({ box: roundBox(part.box), grid: index, kind: 'positional', rows: part.rows.length, cols: part.colX.length + (part.hasLabels ? 1 : 0) });
      }
      for (const c of grid.cells) if (c.source.kind === 'pdf') x.debug.pages[c.source.page - 1]!.cells.push({ box: c.source.box, grid: index });
      x.warnings.push(`page ${t.page}: a table without rulings was read from text alignment (columns are a best guess)`);
    }
    content.push({ type: 'grid', grid: index });
  }
  // text only in page headers / footers (a scan with a typed page number): nothing to audit
  if (!content.length) return unreadable(x.hints.images > 0 ? REASONS.scan : REASONS.noText, x);
  if (!x.hints.title) titleFromMetadata(x, content);
  return { ...x, content, grids };
}

/**
 * No title found by layout (a printed web page sets its title in body text): the document's Title
 * (Chromium writes the page's <title>, "报告标题_栏目_网站") names it when one of its parts is a
 * report title with a year and is also one of the first blocks of the text.
 */
function titleFromMetadata(x: PdfExtraction, content: ContentItem[]): void {
  const meta = x.hints.documentTitle;
  if (!meta) return;
  const squash = (s: string) => normalizeCellText(s).replace(/\s+/g, '');
  const candidates = meta.split(/[_|｜]|\s[-–—]\s/).map(squash).filter((s) => /(19|20)\d{2}年/.test(s) && /年度报告|年报|工作报告|工作情况/.test(s));
  if (!candidates.length) return;
  const blocks = content.slice(0, 12).flatMap((c) => (c.type === 'block' ? [c.block] : []));
  for (const b of blocks) {
    if (!candidates.includes(squash(b.text))) continue;
    x.hints.title = normalizeCellText(b.text);
    x.hints.titleSource = b.source;
    b.headingHint = true;
    return;
  }
}

function top(f: FlowItem): number {
  return f.kind === 'line' ? f.line.y0 : f.box[1];
}
function left(f: FlowItem): number {
  return f.kind === 'line' ? f.line.x0 : f.box[0];
}
