/**
 * Report files (PDF, Word .docx) that a page links to — "附件：…年度报告.pdf" — and the kind of a file from its
 * URL. Plain DOM code without imports: the content script runs it, but only when the popup asks (content:links),
 * so that pages pay nothing for it while they load.
 *
 * Everything taken from the page is data: the href as the browser resolved it (absolute, http(s) only) and the
 * link's text content, trimmed and cut short. Nothing of it is ever rendered as HTML.
 */

export type FileKind = 'pdf' | 'docx';

export interface FileLink {
  /** absolute http(s) URL */
  url: string;
  /** the link's text (or title, or file name), whitespace collapsed, at most MAX_LINK_TEXT characters */
  text: string;
  kind: FileKind;
}

export const MAX_FILE_LINKS = 50;
export const MAX_LINK_TEXT = 200;
export const MAX_LINK_URL = 4096;
/** anchors looked at, at most (a portal's sitemap page can have thousands) */
const MAX_ANCHORS = 5000;

const EXT = /\.(pdf|docx)$/i;

/** The URL when it is an absolute http(s) URL of a sane length; null otherwise. */
export function httpUrl(url: string): URL | null {
  if (url.length > MAX_LINK_URL) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
}

/**
 * 'pdf' / 'docx' when the URL's path — or, unless `query` is false, a query value such as `?file=报告.pdf` —
 * ends with that extension.
 */
export function fileKindOfUrl(url: string, opts: { query?: boolean } = {}): FileKind | null {
  const u = httpUrl(url);
  if (!u) return null;
  const path = safeDecode(u.pathname);
  const m = EXT.exec(path);
  if (m) return m[1]!.toLowerCase() as FileKind;
  if (opts.query === false) return null;
  for (const v of u.searchParams.values()) {
    const q = EXT.exec(v.trim());
    if (q) return q[1]!.toLowerCase() as FileKind;
  }
  return null;
}

/** The kind a link's text announces: "…年度报告.pdf", "附件（PDF）", "下载 .docx". */
export function fileKindOfText(text: string): FileKind | null {
  if (/\.docx\b/i.test(text)) return 'docx';
  if (/\.pdf\b|(^|[^a-z])pdf([^a-z]|$)/i.test(text)) return 'pdf';
  return null;
}

/** The file name of a URL (decoded), for display when a link has no text. */
/** The host (with its port) of a URL, or '' when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export function fileNameOf(url: string): string {
  try {
    const u = new URL(url);
    const last = safeDecode(u.pathname).split('/').filter(Boolean).pop();
    return last || u.host;
  } catch {
    return url;
  }
}

/** The PDF and .docx links of a document, in document order, one per URL. */
export function listFileLinks(doc: Document, max = MAX_FILE_LINKS): FileLink[] {
  const out: FileLink[] = [];
  const seen = new Set<string>();
  const anchors = doc.querySelectorAll('a[href]');
  const n = Math.min(anchors.length, MAX_ANCHORS);
  for (let i = 0; i < n && out.length < max; i++) {
    const a = anchors[i] as HTMLAnchorElement;
    const url = a.href; // resolved against the document's base URL by the browser
    if (!url || url.length > MAX_LINK_URL || !/^https?:/i.test(url)) continue;
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const kind = fileKindOfUrl(url) ?? fileKindOfText(text) ?? fileKindOfText(a.getAttribute('title') ?? '');
    if (!kind) continue;
    const noHash = url.replace(/#.*$/, '');
    if (seen.has(noHash)) continue;
    seen.add(noHash);
    const shown = text || (a.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim() || fileNameOf(noHash);
    out.push({ url: noHash, text: shown.slice(0, MAX_LINK_TEXT), kind });
  }
  return out;
}

/** The report view's own URL for a file, relative to the extension's root (report.html?src=…&kind=…). */
export function reportPath(src: string, kind: FileKind | null): string {
  const q = new URLSearchParams({ src });
  if (kind) q.set('kind', kind);
  return `/report.html?${q.toString()}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
