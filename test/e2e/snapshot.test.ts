/**
 * The extension reads a live page from its serialised DOM (document.documentElement.outerHTML), parsed again with
 * linkedom off the page's main thread (lib/extract/html-string.ts), and the highlighter then resolves the
 * selectors of that reading in the live page. This holds only if both readings are the same: here, in real
 * Chromium, every fixture page is read both ways — extractHtml on the live DOM (bundled and run in the page) and
 * extractHtmlString on its outerHTML — and the two extractions must be identical, selectors and text offsets
 * included. Pages whose scripts change the DOM after parsing are covered too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, ROOT } from './harness';
import { listReports, startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures';
import { extractHtmlString, parseHtmlString } from '../../lib/extract/html-string';
import { resolveRef } from '../../lib/extract/html';

let browser: Browser;
let srv: FixtureServer;
let bundle: string;

beforeAll(async () => {
  const out = await build({
    stdin: {
      contents: `import { extractHtml } from './lib/extract/html';\nglobalThis.__read = () => JSON.stringify(extractHtml(document, { uri: location.href }));`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  bundle = out.outputFiles[0]!.text;
  srv = await startFixtureServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', srv.resolverRule],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function bothReadings(url: string, script?: string): Promise<{ live: string; snapshot: string; html: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (script) await page.evaluate(script);
    await page.addScriptTag({ content: bundle });
    const live = await page.evaluate(() => (globalThis as unknown as { __read: () => string }).__read());
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    const snapshot = JSON.stringify(extractHtmlString(html, { uri: page.url() }));
    return { live, snapshot, html };
  } finally {
    await page.close();
  }
}

const pages = [...listReports(), '/e2e/listing.html', '/e2e/news.html', '/e2e/notice.html'];

describe('a page read from its outerHTML off the main thread = the live page read in place', () => {
  it('covers the seed renderings, the corpus page and the e2e pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  it.each(pages)('%s', async (p) => {
    const { live, snapshot } = await bothReadings(srv.portal(p));
    expect(JSON.parse(live).grids.length + JSON.parse(live).content.length).toBeGreaterThan(0);
    expect(snapshot).toBe(live);
  });

  it('a page whose scripts rebuilt the article after loading (a row added, the table moved into a <div>, a paragraph inserted)', async () => {
    const script = `(() => {
      const tables = document.querySelectorAll('table');
      const t = tables[tables.length - 1];
      const row = t.rows[t.rows.length - 1].cloneNode(true);
      t.tBodies[0].appendChild(row);
      const wrap = document.createElement('div');
      wrap.className = 'scroll-x';
      t.parentNode.insertBefore(wrap, t);
      wrap.appendChild(t);
      const p = document.createElement('p');
      p.append('脚本插入的段落：本年新收申请 ', Object.assign(document.createElement('b'), { textContent: '95' }), ' 件。');
      wrap.after(p);
    })()`;
    const { live, snapshot } = await bothReadings(srv.portal('/corpus/pingtan_2023.html'), script);
    expect(snapshot).toBe(live);
    expect(live).toContain('脚本插入的段落');
  });

  it('markup no parser makes (a <div> inside a <p>, built by a script) reads differently: the selectors then miss', async () => {
    // the HTML parser closes a <p> at a <div>: the serialised page parses into another tree. Such pages are why
    // the highlighter checks the text of what a selector finds before outlining it (ext/highlighter.ts).
    const script = `(() => {
      const p = document.createElement('p');
      const d = document.createElement('div');
      d.textContent = '脚本放进段落里的块';
      p.append('前', d, '后');
      const t = document.querySelector('table'); t.parentNode.insertBefore(p, t);
    })()`;
    const { live, snapshot } = await bothReadings(srv.portal('/corpus/pingtan_2023.html'), script);
    expect(live).toContain('脚本放进段落里的块');
    expect(snapshot).not.toBe(live);
  });

  it('every cell selector of the snapshot reading finds a cell with the same text in the re-parsed page', async () => {
    const { snapshot, html } = await bothReadings(srv.portal('/html/seed-003.html'));
    const x = JSON.parse(snapshot) as { grids: { cells: { raw: string; source: { kind: string; selector: string } }[] }[] };
    const doc = parseHtmlString(html);
    let n = 0;
    for (const g of x.grids)
      for (const c of g.cells) {
        const hit = resolveRef(doc, c.source as never);
        expect(hit, c.source.selector).not.toBeNull();
        expect((hit!.element.textContent ?? '').replace(/\s+/g, '')).toBe(c.raw.replace(/\s+/g, ''));
        n++;
      }
    expect(n).toBeGreaterThan(100);
  });
});

