import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { AuditResult } from '../../lib/model/result';
import { nodePdfOptions } from '../../lib/extract/pdf-node';
import { guessKind, parseHtmlDocument } from '../../lib/node/audit-bytes';
import { fetchWithProgress, loadReport, sniffKind, type LoadDeps, type Progress } from '../../ext/report-load';
import { firedRules, readFixtureBytes } from '../helpers';
import { resolve } from 'node:path';

/**
 * The report view's loading (ext/report-load.ts) outside the browser: the same code, with pdf.js's legacy build
 * and mammoth's Node build passed in, and a fetch that streams the bytes of a fixture in chunks.
 */
const HONGZE = readFixtureBytes('corpus', 'hongze_2024.pdf');
const DOCX = resolve(import.meta.dirname, '..', 'fixtures', 'docx', 'seed-000.docx');

function streamed(bytes: Uint8Array, opts: { chunk?: number; status?: number; type?: string; length?: boolean } = {}): typeof fetch {
  return (async () => {
    const chunk = opts.chunk ?? 16 * 1024;
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= bytes.length) return c.close();
        c.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      },
    });
    const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/pdf' };
    if (opts.length !== false) headers['content-length'] = String(bytes.length);
    return new Response(body, { status: opts.status ?? 200, headers });
  }) as typeof fetch;
}

function deps(fetchImpl: typeof fetch, events: Progress[] = [], over: Partial<LoadDeps> = {}): LoadDeps {
  return {
    pdf: () => nodePdfOptions(),
    mammoth: async () => ({ convertToHtml: (i: { arrayBuffer: ArrayBuffer }) => mammoth.convertToHtml({ buffer: Buffer.from(i.arrayBuffer) }) }),
    parseHtml: parseHtmlDocument,
    fetch: fetchImpl,
    onProgress: (p) => events.push(p),
    now: new Date('2026-01-01T00:00:00Z'),
    ...over,
  };
}

describe('loadReport: a PDF', () => {
  it('streams the download with a byte count, reads page by page, audits; the result validates', async () => {
    const events: Progress[] = [];
    const src = 'http://www.example.gov.cn/corpus/hongze_2024.pdf';
    const r = await loadReport({ src, kind: 'pdf' }, deps(streamed(HONGZE), events));
    expect(r.kind).toBe('pdf');
    if (r.kind !== 'pdf') return;
    AuditResult.parse(r.result);
    expect(r.result.source).toMatchObject({ kind: 'pdf', uri: src, bytes: HONGZE.length, sha256: '82ba40ade55a93100236c9d5c9d89416a5a4d3fd3affc4c5d80994917179b83a' });
    expect(firedRules(r.result)).toEqual(['label-variant', 'narrative-contradiction', 'template-outdated']);
    expect(r.debug!.pages.length).toBe(5);
    expect(r.bytes!.length).toBe(HONGZE.length);
    expect(r.grids.length).toBeGreaterThan(0);

    const fetches = events.filter((e) => e.phase === 'fetch') as Extract<Progress, { phase: 'fetch' }>[];
    expect(fetches.length).toBeGreaterThan(10);
    expect(fetches.every((e, i) => i === 0 || e.loaded >= fetches[i - 1]!.loaded)).toBe(true);
    expect(fetches.at(-1)).toEqual({ phase: 'fetch', loaded: HONGZE.length, total: HONGZE.length });
    expect(events.filter((e) => e.phase === 'parse')).toEqual([1, 2, 3, 4, 5].map((page) => ({ phase: 'parse', page, pages: 5 })));
    expect(events.at(-1)).toEqual({ phase: 'audit' });
  });

  it('a damaged or too large file is not assessable with a plain reason; nothing is drawn', async () => {
    const broken = await loadReport({ src: 'http://a.gov.cn/b.pdf', kind: 'pdf' }, deps(streamed(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n%%EOF'))));
    expect(broken.kind === 'pdf' && broken.result.status).toBe('not-assessable');
    expect(broken.kind === 'pdf' && broken.result.reason?.zh).toBe('PDF 文件已损坏或不是有效的 PDF，无法读取。');
    expect(broken.kind === 'pdf' && broken.bytes).toBe(null);

    // declared too big: not even read
    const big = await loadReport({ src: 'http://a.gov.cn/big.pdf', kind: 'pdf' }, deps(streamed(HONGZE), [], { maxBytes: 100_000 }));
    expect(big.kind === 'pdf' && big.result.reason?.zh).toMatch(/^文件过大（0\.2 MB），超过 0 MB 的上限/);
    // not declared: stopped as soon as the limit is passed
    const events: Progress[] = [];
    const streamedBig = await loadReport({ src: 'http://a.gov.cn/big.pdf', kind: 'pdf' }, deps(streamed(HONGZE, { length: false }), events, { maxBytes: 100_000 }));
    expect(streamedBig.kind === 'pdf' && streamedBig.result.status).toBe('not-assessable');
    expect(Math.max(...events.map((e) => (e.phase === 'fetch' ? e.loaded : 0)))).toBeLessThanOrEqual(100_000);
    AuditResult.parse(streamedBig.kind === 'pdf' ? streamedBig.result : null);
  });

  it('an HTML page where a PDF was expected is not assessable (not a report file)', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>登录</body></html>');
    const r = await loadReport({ src: 'http://a.gov.cn/x.pdf', kind: 'pdf' }, deps(streamed(html, { type: 'text/html' })));
    expect(r.kind === 'pdf' && r.result.reason?.en).toBe('What was downloaded is not a PDF or Word (.docx) file (HTML), so it cannot be audited.');
  });
});

describe('loadReport: download failures', () => {
  it('an HTTP error is an error state, not a result', async () => {
    const r = await loadReport({ src: 'http://a.gov.cn/x.pdf', kind: 'pdf' }, deps(streamed(new Uint8Array(0), { status: 404 })));
    expect(r).toEqual({ kind: 'error', message: { zh: '文件无法下载（服务器返回 HTTP 404）。', en: 'The file could not be downloaded (the server answered HTTP 404).' } });
  });
  it('a refused fetch on an origin the extension may not read asks for access; with access it is a network error', async () => {
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const asked: string[] = [];
    const no = await loadReport({ src: 'https://files.example.com/a/r.pdf', kind: 'pdf' }, deps(refused, [], { hasAccess: async (o) => (asked.push(o), false) }));
    expect(no).toEqual({ kind: 'permission', origin: 'https://files.example.com' });
    expect(asked).toEqual(['https://files.example.com']);
    const yes = await loadReport({ src: 'https://files.example.com/a/r.pdf', kind: 'pdf' }, deps(refused, [], { hasAccess: async () => true }));
    expect(yes).toEqual({ kind: 'error', message: { zh: '文件无法下载（Failed to fetch）。', en: 'The file could not be downloaded (Failed to fetch).' } });
  });
});

describe('loadReport: a Word file', () => {
  it('mammoth → HTML → an inert document → extractHtml → the audit, with selectors into that document', async () => {
    const bytes = readFixtureBytes('docx', 'seed-000.docx');
    const r = await loadReport({ src: 'http://a.gov.cn/r.docx', kind: 'docx' }, deps(streamed(bytes, { type: 'application/octet-stream' })));
    expect(r.kind).toBe('docx');
    if (r.kind !== 'docx') return;
    AuditResult.parse(r.result);
    expect(r.result.source).toMatchObject({ kind: 'docx', uri: 'http://a.gov.cn/r.docx', title: 'r.docx', bytes: bytes.length });
    expect(firedRules(r.result)).toContain('narrative-contradiction');
    const cell = r.result.findings.find((f) => f.rule === 'narrative-contradiction')!.evidence.sources.find((s) => s.role === 'cell')!;
    expect(cell.ref.kind).toBe('html');
    expect(r.doc!.querySelector((cell.ref as { selector: string }).selector)!.localName).toBe('td');
  });
  it('a damaged Word file is not assessable', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const r = await loadReport({ src: 'http://a.gov.cn/r.docx', kind: 'docx' }, deps(streamed(bytes)));
    expect(r.kind === 'docx' && r.result.status).toBe('not-assessable');
    expect(r.kind === 'docx' && r.result.reason?.zh).toMatch(/^Word 文件无法读取/);
  });
});

describe('helpers', () => {
  it('sniffKind trusts the bytes first', () => {
    expect(sniffKind(new TextEncoder().encode('%PDF-1.4'), 'text/html', 'docx')).toBe('pdf');
    expect(sniffKind(new Uint8Array([0x50, 0x4b, 3, 4]), 'application/pdf', null)).toBe('docx');
    expect(sniffKind(new TextEncoder().encode('<html>'), null, 'pdf')).toBe('html');
    expect(sniffKind(new Uint8Array([1, 2, 3]), 'application/pdf', null)).toBe('pdf');
    expect(sniffKind(new Uint8Array([1, 2, 3]), null, null)).toBeNull();
    // junk before %PDF (readers accept it); the CLI's guessKind reads the same bytes the same way
    const junk = new TextEncoder().encode('\r\n\r\n%PDF-1.7');
    expect(sniffKind(junk, null, null)).toBe('pdf');
    expect(guessKind('download.jsp?id=3', junk)).toBe('pdf');
  });
  it('fetchWithProgress joins the chunks in order', async () => {
    const bytes = new Uint8Array(100_001).map((_, i) => i % 251);
    const seen: number[] = [];
    const r = await fetchWithProgress('http://x/y', { fetch: streamed(bytes, { chunk: 7000 }), onBytes: (n) => seen.push(n) });
    expect(r.bytes).toEqual(bytes);
    expect(seen.at(-1)).toBe(100_001);
  });
});
