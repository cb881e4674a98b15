import { auditExtraction, notAssessableResult } from '../lib/audit';
import { docxPage, extractDocx } from '../lib/extract/docx';
import { magicKind } from '../lib/source/magic';
import { extractPdf, type PdfDebug, type PdfExtractOptions } from '../lib/extract/pdf';
import type { Grid } from '../lib/extract/types';
import type { AuditResult, SourceInfo } from '../lib/model/result';
import type { Bilingual } from '../lib/model/report';
import { sha256Hex } from '../lib/source/sha256';
import { fileKindOfUrl, fileNameOf, httpUrl, type FileKind } from './file-links';

/**
 * The report view's work (entrypoints/report → ext/report-app.tsx): fetch a PDF or Word file by its URL with
 * progress, read it off the page — pdf.js (extractPdf) for a PDF, mammoth → HTML → DOMParser → extractHtml for a
 * .docx — and audit it (auditExtraction). Every dependency that needs the extension or the browser (pdf.js and
 * its data URLs, mammoth, DOMParser, fetch, the permission check) is passed in, so this module runs in tests too.
 *
 * Never throws: a refused or failed download is an `error` (or `permission`) state; a file that cannot be read
 * (encrypted, damaged, a scan, too big, not a PDF/Word file) is a not-assessable result with a plain reason.
 */

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export type Progress =
  | { phase: 'fetch'; loaded: number; total: number | null }
  | { phase: 'parse'; page: number; pages: number }
  | { phase: 'audit' };

export type Loaded =
  /** bytes: for drawing the pages (null when there is nothing to draw); grids: the tables as read (debug view) */
  | { kind: 'pdf'; result: AuditResult; debug: PdfDebug | null; bytes: Uint8Array | null; grids: Grid[] }
  | { kind: 'docx'; result: AuditResult; doc: Document | null }
  /** the file could not be downloaded */
  | { kind: 'error'; message: Bilingual }
  /** the download was refused: the extension has no access to this origin (yet) */
  | { kind: 'permission'; origin: string };

export interface ReportParams {
  src: string;
  /** what the link said it was; the bytes decide */
  kind: FileKind | null;
}

/** report.html?src=<url>&kind=pdf|docx → the parameters, or null when src is not an http(s) URL. */
export function parseReportParams(search: string): ReportParams | null {
  const q = new URLSearchParams(search);
  const u = httpUrl(q.get('src') ?? '');
  if (!u) return null;
  const k = q.get('kind');
  return { src: u.href, kind: k === 'pdf' || k === 'docx' ? k : null };
}

export class FetchFailure extends Error {
  constructor(
    readonly code: 'network' | 'http' | 'too-big',
    readonly status: number | null,
    readonly bytes: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** GET with the byte count streamed to `onBytes`; stops (and throws too-big) as soon as maxBytes is passed. */
export async function fetchWithProgress(
  url: string,
  opts: { fetch?: typeof fetch; maxBytes?: number; onBytes?: (loaded: number, total: number | null) => void; signal?: AbortSignal } = {},
): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { credentials: 'omit', redirect: 'follow', ...(opts.signal ? { signal: opts.signal } : {}) });
  } catch (e) {
    throw new FetchFailure('network', null, null, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new FetchFailure('http', res.status, null, `HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (total !== null && total > maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw new FetchFailure('too-big', null, total, 'too big');
  }
  const contentType = res.headers.get('content-type');
  opts.onBytes?.(0, total);
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > maxBytes) throw new FetchFailure('too-big', null, buf.byteLength, 'too big');
    opts.onBytes?.(buf.byteLength, total);
    return { bytes: buf, contentType };
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (e) {
      throw new FetchFailure('network', null, loaded, e instanceof Error ? e.message : String(e));
    }
    if (step.done) break;
    loaded += step.value.byteLength;
    if (loaded > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw new FetchFailure('too-big', null, loaded, 'too big');
    }
    chunks.push(step.value);
    opts.onBytes?.(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { bytes, contentType };
}

/** What the bytes are: the magic number first, then the content type, then what the link said. */
export function sniffKind(bytes: Uint8Array, contentType: string | null, hint: FileKind | null): FileKind | 'html' | null {
  const magic = magicKind(bytes);
  if (magic) return magic;
  const head = bytes.subarray(0, 256);
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('text/html') || /^\s*<(!doctype|html|head|body)/i.test(new TextDecoder().decode(head))) return 'html';
  if (ct.includes('pdf')) return 'pdf';
  if (ct.includes('wordprocessingml')) return 'docx';
  return hint;
}

export interface LoadDeps {
  /** pdf.js (the modern build with its worker) and its data URLs */
  pdf: () => Pick<PdfExtractOptions, 'pdfjs' | 'cMapUrl' | 'standardFontDataUrl'>;
  /** mammoth's browser build */
  mammoth: () => Promise<{ convertToHtml(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }> }>;
  /** an inert HTML document (DOMParser): nothing in it runs or loads */
  parseHtml: (html: string) => Document;
  fetch?: typeof fetch;
  /** whether the extension may read this origin (host permission); asked only when a download is refused */
  hasAccess?: (origin: string) => Promise<boolean>;
  onProgress?: (p: Progress) => void;
  maxBytes?: number;
  /** extractPdf's time limit; a browser tab is given more than the CLI's default */
  timeoutMs?: number;
  now?: Date;
}

const MB = 1024 * 1024;

const REASONS = {
  tooBig: (bytes: number, limit: number): Bilingual => ({
    zh: `文件过大（${(bytes / MB).toFixed(1)} MB），超过 ${Math.round(limit / MB)} MB 的上限，未核查。`,
    en: `The file is too large (${(bytes / MB).toFixed(1)} MB; the limit is ${Math.round(limit / MB)} MB) and was not audited.`,
  }),
  notAFile: (what: string): Bilingual => ({
    zh: `下载到的不是 PDF 或 Word（.docx）文件（${what}），无法核查。`,
    en: `What was downloaded is not a PDF or Word (.docx) file (${what}), so it cannot be audited.`,
  }),
  unreadableDocx: (msg: string): Bilingual => ({
    zh: `Word 文件无法读取（${msg}），无法核查。`,
    en: `The Word file could not be read (${msg}), so it cannot be audited.`,
  }),
  failed: (msg: string): Bilingual => ({
    zh: `读取时出错（${msg}），无法核查。`,
    en: `Reading failed (${msg}), so the file cannot be audited.`,
  }),
};

/** Fetch, read and audit the file of `params`. */
export async function loadReport(params: ReportParams, deps: LoadDeps): Promise<Loaded> {
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  const progress = deps.onProgress ?? (() => undefined);
  const base = (kind: SourceInfo['kind'], bytes: Uint8Array | null, sha256: string | null, title: string | null = null): SourceInfo => ({
    kind,
    uri: params.src,
    title,
    sha256,
    bytes: bytes ? bytes.byteLength : null,
  });
  const opts = deps.now ? { now: deps.now } : {};
  const hintKind: SourceInfo['kind'] = params.kind ?? fileKindOfUrl(params.src) ?? 'pdf';

  let bytes: Uint8Array;
  let contentType: string | null;
  try {
    ({ bytes, contentType } = await fetchWithProgress(params.src, {
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      maxBytes,
      onBytes: (loaded, total) => progress({ phase: 'fetch', loaded, total }),
    }));
  } catch (e) {
    const f = e instanceof FetchFailure ? e : new FetchFailure('network', null, null, String(e));
    if (f.code === 'too-big') {
      const r = notAssessableResult(base(hintKind, null, null), REASONS.tooBig(f.bytes ?? maxBytes + 1, maxBytes), opts);
      return hintKind === 'docx' ? { kind: 'docx', result: r, doc: null } : { kind: 'pdf', result: r, debug: null, bytes: null, grids: [] };
    }
    if (f.code === 'network' && deps.hasAccess) {
      const origin = new URL(params.src).origin;
      // a refused cross-origin fetch looks like a network error; without access to the origin it is that
      if (!(await deps.hasAccess(origin).catch(() => false))) return { kind: 'permission', origin };
    }
    return {
      kind: 'error',
      message:
        f.code === 'http'
          ? { zh: `文件无法下载（服务器返回 HTTP ${f.status}）。`, en: `The file could not be downloaded (the server answered HTTP ${f.status}).` }
          : { zh: `文件无法下载（${f.message}）。`, en: `The file could not be downloaded (${f.message}).` },
    };
  }

  const sha = await sha256Of(bytes);
  const kind = sniffKind(bytes, contentType, params.kind);
  if (kind !== 'pdf' && kind !== 'docx') {
    const what = kind === 'html' ? 'HTML' : contentType?.split(';')[0]?.trim() || 'unknown';
    const r = notAssessableResult(base(hintKind, bytes, sha), REASONS.notAFile(what), opts);
    return hintKind === 'docx' ? { kind: 'docx', result: r, doc: null } : { kind: 'pdf', result: r, debug: null, bytes: null, grids: [] };
  }

  if (kind === 'pdf') {
    const t0 = performance.now();
    try {
      const x = await extractPdf(bytes, {
        ...deps.pdf(),
        timeoutMs: deps.timeoutMs ?? 60_000,
        maxBytes,
        onProgress: (page, pages) => progress({ phase: 'parse', page, pages }),
      });
      progress({ phase: 'audit' });
      const { debug, ...extraction } = x;
      const info = base('pdf', bytes, sha, x.hints.documentTitle ?? null);
      const result = auditExtraction(extraction, info, opts, performance.now() - t0);
      return { kind: 'pdf', result, debug, bytes: debug.pages.length ? bytes : null, grids: extraction.grids };
    } catch (e) {
      return { kind: 'pdf', result: notAssessableResult(base('pdf', bytes, sha), REASONS.failed(errText(e)), opts), debug: null, bytes: null, grids: [] };
    }
  }

  const t0 = performance.now();
  const info = base('docx', bytes, sha, fileNameOf(params.src));
  let html: string;
  try {
    progress({ phase: 'parse', page: 0, pages: 0 });
    const mammoth = await deps.mammoth();
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    html = (await mammoth.convertToHtml({ arrayBuffer: ab })).value;
  } catch (e) {
    return { kind: 'docx', result: notAssessableResult(info, REASONS.unreadableDocx(errText(e)), opts), doc: null };
  }
  try {
    progress({ phase: 'audit' });
    // mammoth writes plain, escaped HTML; DOMParser makes an inert document of it (no script runs, nothing loads)
    const doc = deps.parseHtml(docxPage(html));
    const result = auditExtraction(extractDocx(doc), info, opts, performance.now() - t0);
    return { kind: 'docx', result, doc };
  } catch (e) {
    return { kind: 'docx', result: notAssessableResult(info, REASONS.failed(errText(e)), opts), doc: null };
  }
}

/** SHA-256 of the file's bytes: WebCrypto where there is one (extension pages), else the engine's own. */
async function sha256Of(bytes: Uint8Array): Promise<string> {
  try {
    const subtle = globalThis.crypto?.subtle;
    if (subtle) {
      const d = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
      return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
  } catch {
    /* fall through */
  }
  return sha256Hex(bytes);
}

function errText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}
