/**
 * A small static server for the demo portal and the extension's end-to-end tests.
 *
 *   /                      a portal home page (not a report) linking every report below
 *   /e2e/…                 test/fixtures/e2e/ (report variants, a listing page, a news page, table pictures)
 *   /corpus/…              test/fixtures/corpus/ (real report pages)
 *   /html/…                test/fixtures/html/ (HTML renderings of the seed reports, when present)
 *   /docx/…                test/fixtures/docx/ (Word renderings of the seed reports, when present)
 *   /download.jsp?file=…   any of those files behind a download script (e.g. ?file=corpus/hongze_2024.pdf)
 *
 * Chromium started with `--host-resolver-rules=MAP *.gov.cn:80 127.0.0.1:PORT` reaches it as
 * http://www.example.gov.cn/…, so the pages look like a government portal to the extension.
 *
 *   npx tsx scripts/serve-fixtures.ts [port]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIRS: Record<string, string> = {
  e2e: join(ROOT, 'test', 'fixtures', 'e2e'),
  corpus: join(ROOT, 'test', 'fixtures', 'corpus'),
  html: join(ROOT, 'test', 'fixtures', 'html'),
  docx: join(ROOT, 'test', 'fixtures', 'docx'),
};
export const PORTAL_HOST = 'www.example.gov.cn';

const TYPES: Record<string, string> = {
  // no charset: pages declare their own (<meta charset="gbk"> included), as portals serve them
  '.html': 'text/html',
  '.htm': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface FixtureServer {
  server: Server;
  port: number;
  /** http://www.example.gov.cn/<path> (through the host resolver rule) */
  portal: (path: string) => string;
  /** http://127.0.0.1:PORT/<path>: the same page on a host that is not a portal */
  local: (path: string) => string;
  /** Chromium flag that makes *.gov.cn reach this server */
  resolverRule: string;
  close: () => Promise<void>;
}

/** Report pages served, as /<dir>/<file> paths. */
export function listReports(): string[] {
  const out: string[] = [];
  for (const [dir, abs] of Object.entries(FIXTURE_DIRS)) {
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) {
      // not reports themselves: a column listing, a news page, an ordinary notice, a page whose report is an attachment
      if (!/\.html?$/.test(f) || /^(listing|news|notice|index|attachment)\b/.test(f)) continue;
      out.push(`/${dir}/${f}`);
    }
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function titleOf(file: string): string {
  const bytes = readFileSync(file);
  const ascii = bytes.subarray(0, 2048).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(ascii)?.[1] ?? 'utf-8';
  let head: string;
  try {
    head = new TextDecoder(charset).decode(bytes.subarray(0, 40_000));
  } catch {
    head = bytes.subarray(0, 40_000).toString('utf8');
  }
  const m = /<meta\s+name="ArticleTitle"\s+content="([^"]*)"/i.exec(head) ?? /<title>([^<]*)<\/title>/i.exec(head);
  return (m?.[1] ?? file).trim();
}

function homePage(): string {
  const items = listReports()
    .map((p) => {
      const [, dir, f] = p.split('/');
      return `<li><a href="${escapeHtml(p)}">${escapeHtml(titleOf(join(FIXTURE_DIRS[dir!]!, f!)))}</a> <small>${escapeHtml(p)}</small></li>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例市人民政府 · 演示门户</title>
<meta name="SiteName" content="示例市人民政府"><meta name="ColumnName" content="首页">
<style>body{font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;max-width:860px;margin:2em auto;padding:0 1em}h1{font-size:22px}li{margin:.4em 0}small{color:#888}</style>
</head><body><h1>示例市人民政府 · 政府信息公开</h1>
<p>演示门户（年报核查 Nianbao Audit）。打开下面的年度报告，扩展会自动识别并核查；工具栏按钮上的数字是错误数。</p>
<h2>政府信息公开年报</h2><ul>${items}</ul>
<p><a href="/e2e/listing.html">栏目列表页（不是报告）</a> · <a href="/e2e/news.html">新闻页（不是报告）</a> · <a href="/e2e/attachment-pdf.html">以附件（PDF、Word）发布的报告</a> · <a href="/corpus/hongze_2024.pdf">PDF 报告</a></p>
</body></html>`;
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      if (path === '/' || path === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(homePage());
        return;
      }
      // /download.jsp?file=<dir>/<name>: a file behind a download script, as portals serve attachments (the URL
      // does not end in .pdf; the content type says what it is)
      const named = path === '/download.jsp' ? url.searchParams.get('file') : null;
      const [, dir, ...rest] = named ? `/${named}`.split('/') : path.split('/');
      const base = dir ? FIXTURE_DIRS[dir] : undefined;
      if (!base || !rest.length) return notFound(res);
      const file = normalize(join(base, ...rest));
      if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
      res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
    } catch {
      notFound(res);
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  return {
    server,
    port: actual,
    portal: (p) => `http://${PORTAL_HOST}${p.startsWith('/') ? p : `/${p}`}`,
    local: (p) => `http://127.0.0.1:${actual}${p.startsWith('/') ? p : `/${p}`}`,
    resolverRule: `--host-resolver-rules=MAP *.gov.cn:80 127.0.0.1:${actual}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function notFound(res: import('node:http').ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8731);
  void startFixtureServer(port).then((s) => {
    console.log(`Demo portal on http://127.0.0.1:${s.port}/ (as http://${PORTAL_HOST}/ with ${s.resolverRule})`);
  });
}
