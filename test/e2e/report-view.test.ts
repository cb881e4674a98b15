/**
 * PDF and Word reports in real Chromium: a PDF opened in a tab, or a file linked from a page, is fetched by the
 * extension and read, audited and drawn in its report view (report.html?src=…). Pages are served by
 * scripts/serve-fixtures.ts as http://www.example.gov.cn/… (host permission) or as http://127.0.0.1:PORT/… (no
 * access until the toolbar click).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AuditResult } from '../../lib/model/result';
import { extractPdf, type PdfExtraction } from '../../lib/extract/pdf';
import { nodePdfOptions } from '../../lib/extract/pdf-node';
import { auditInput } from '../../lib/node/audit-file';
import { describeRef } from '../../lib/source/ref';
import { startFixtureServer, type FixtureServer } from '../../scripts/serve-fixtures';
import { ROOT, clickToolbarButton, ensureBuilt, launchWithExtension, openPopup, openTab as openTabIn, settledPopup, shotPath, type ExtensionBrowser } from './harness';

const HONGZE = '/corpus/hongze_2024.pdf';
const DOCX = '/docx/seed-000.docx';

let srv: FixtureServer;
let b: ExtensionBrowser;
/** what the engine reads in Node from the same file (legacy pdf.js build): the browser must read the same */
let nodeRead: PdfExtraction;
/** and what it says about it: the cell of the 17-vs-95 finding (applications.received.total on page 3) */
let nodeResult: AuditResult;
let cellBox: number[];
/** console errors and uncaught errors of the extension's pages (a CSP violation would show here) */
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  srv = await startFixtureServer();
  b = await launchWithExtension({ extraArgs: [srv.resolverRule], viewport: { width: 1400, height: 900 } });
  b.context.on('console', (m) => {
    if (m.type() === 'error' && m.page()?.url().startsWith('chrome-extension://')) pageErrors.push(m.text());
  });
  b.context.on('weberror', (e) => pageErrors.push(String(e.error())));
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'corpus', 'hongze_2024.pdf')));
  nodeRead = await extractPdf(bytes, nodePdfOptions());
  nodeResult = await auditInput({ bytes, uri: 'hongze_2024.pdf' });
  const ref = nodeResult.findings.find((f) => f.rule === 'narrative-contradiction')!.evidence.sources.find((x) => x.role === 'cell')!.ref;
  if (ref.kind !== 'pdf' || ref.page !== 3) throw new Error('the engine no longer puts the 95 on page 3');
  cellBox = ref.box;
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

/** A tab showing `url` (300 ms more for Chromium's PDF viewer to settle). */
const openTab = (url: string) => openTabIn(b, url, 300);

/** Click something in the popup that opens the report view in a new tab; the report view once it has settled. */
async function openReport(popup: Page, selector: string): Promise<Page> {
  const [report] = await Promise.all([b.context.waitForEvent('page', { timeout: 15_000 }), popup.click(selector)]);
  await report.waitForLoadState('domcontentloaded');
  expect(new URL(report.url()).pathname).toBe('/report.html');
  await settledReport(report);
  return report;
}

async function settledReport(report: Page): Promise<string> {
  await report.waitForSelector('.report:not([data-state="loading"])', { timeout: 60_000 });
  return (await report.getAttribute('.report', 'data-state'))!;
}

async function openReportDirect(src: string, kind?: 'pdf' | 'docx'): Promise<Page> {
  const page = await b.context.newPage();
  const q = new URLSearchParams({ src, ...(kind ? { kind } : {}) });
  await page.goto(`chrome-extension://${b.extensionId}/report.html?${q}`);
  await settledReport(page);
  return page;
}

const shownRules = (p: Page) => p.$$eval('.rule-group', (els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.rule!))].sort());

/** The rectangle where a PDF box [x0, y0, x1, y1] (PDF units, top-left origin) should be on the drawn page. */
async function expectedRect(report: Page, page: number, box: number[]) {
  const section = report.locator(`.pdf-page[data-page="${page}"]`);
  const w = Number(await section.getAttribute('data-width'));
  const h = Number(await section.getAttribute('data-height'));
  const canvas = await section.locator('canvas').evaluate((el) => el.getBoundingClientRect().toJSON());
  const sx = canvas.width / w, sy = canvas.height / h;
  return { x: canvas.x + box[0]! * sx, y: canvas.y + box[1]! * sy, width: (box[2]! - box[0]!) * sx, height: (box[3]! - box[1]!) * sy };
}

describe('a PDF opened in a tab', () => {
  let report: Page;

  it('is offered for audit in the popup and audited in the report view (hongze: 17 vs 95 needs review)', async () => {
    const { page, tabId } = await openTab(srv.portal(HONGZE));
    const popup = await openPopup(b, tabId);
    expect(await settledPopup(popup)).toBe('idle');
    await popup.click('[data-action="audit"]');
    expect(await settledPopup(popup)).toBe('file');
    expect(await popup.textContent('[data-action="audit-pdf"]')).toBe('核查此 PDF');
    expect(await popup.textContent('.file-url')).toBe(srv.portal(HONGZE));
    // no badge for a file: nothing was audited in the tab
    report = await openReport(popup, '[data-action="audit-pdf"]');
    expect(await report.getAttribute('.report', 'data-state')).toBe('findings');
    expect(await report.textContent('[data-field="file-name"]')).toBe('hongze_2024.pdf');

    // what the engine gives for this file (test/engine/pdf-audit.test.ts)
    expect(await shownRules(report)).toEqual(['label-variant', 'narrative-contradiction', 'template-outdated']);
    const nc = report.locator('.finding[data-rule="narrative-contradiction"]');
    expect(await nc.count()).toBe(1);
    expect(await nc.getAttribute('data-outcome')).toBe('needs-review');
    expect(await nc.locator('[data-field="expected"]').textContent()).toBe('95');
    expect(await nc.locator('[data-field="actual"]').textContent()).toBe('17');
    expect(await report.textContent('[data-field="verdict"]')).toBe('发现1 个警告、1 处需复核、1 条提示。');
    expect(await report.textContent('[data-field="body"]')).toContain('洪泽');

    // every page is there, in the PDF's own size
    const sizes = await report.$$eval('.pdf-page', (els) => els.map((e) => [Number((e as HTMLElement).dataset.page), Number((e as HTMLElement).dataset.width), Number((e as HTMLElement).dataset.height)]));
    expect(sizes).toEqual(nodeRead.debug.pages.map((p) => [p.page, p.width, p.height]));
    // pdf.js ran with its real worker, shipped in the extension
    expect(report.workers().map((w) => new URL(w.url()).pathname)).toContain('/pdfjs/pdf.worker.min.mjs');
    // all findings are drawn at first
    expect(new Set(await report.$$eval('.fbox', (els) => els.map((e) => (e as HTMLElement).dataset.finding))).size).toBe(3);
    await popup.close();
    await page.close();
  });

  it('draws the pages and puts a clicked finding\'s boxes on its cells, scrolled into view', async () => {
    await report.locator('.finding[data-rule="narrative-contradiction"]').click();
    const cell = report.locator('.fbox[data-rule="narrative-contradiction"][data-role="cell"]');
    await expect.poll(() => cell.count()).toBe(1);
    expect(await cell.getAttribute('data-key')).toBe('applications.received.total');
    // the page under it is drawn by pdf.js (not blank)
    const drawn = report.locator('.pdf-page[data-page="3"][data-state="drawn"] canvas');
    await drawn.waitFor({ timeout: 20_000 });
    const ink = await drawn.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128 && d[i + 3]! > 0) dark++;
      return dark;
    });
    expect(ink).toBeGreaterThan(1000);

    // the box sits exactly on the cell box scaled to the canvas
    const box = (await cell.getAttribute('data-box'))!.split(',').map(Number);
    expect(box).toEqual(cellBox);
    await report.waitForTimeout(300); // smooth scrolling ends
    const want = await expectedRect(report, 3, box);
    const got = await cell.evaluate((el) => el.getBoundingClientRect().toJSON());
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(got[k] - want[k]), k).toBeLessThanOrEqual(1);
    // in view
    const vh = await report.evaluate(() => innerHeight);
    expect(got.y).toBeGreaterThanOrEqual(0);
    expect(got.y + got.height).toBeLessThanOrEqual(vh);
    // the cell holds 95 in the drawn page's text too (what the Node reading of the same file says)
    const grid = nodeRead.grids.flatMap((g) => g.cells).find((c) => c.source.kind === 'pdf' && c.source.page === 3 && c.source.box.join(',') === box.join(','));
    expect(grid?.raw).toBe('95');
    // the sentence (page 1) is drawn in its own style; the finding is labelled once
    expect(await report.locator('.fbox[data-rule="narrative-contradiction"][data-role="sentence"]').getAttribute('data-review')).toBe('');
    expect(await report.locator('.fbox.is-focus .fbox__label').allTextContents()).toEqual(['narrative-contradiction · 需复核']);
    expect(await cell.locator('.fbox__label').count()).toBe(1); // on the box scrolled to
    // only the clicked finding is drawn now
    expect(new Set(await report.$$eval('.fbox', (els) => els.map((e) => (e as HTMLElement).dataset.rule)))).toEqual(new Set(['narrative-contradiction']));

    await report.screenshot({ path: shotPath('report-view-cell.png') });
  });

  it('is screenshotted with all findings drawn (docs/report-view.png with UPDATE_DOCS=1)', async () => {
    await report.check('[data-action="show-all"]');
    await expect.poll(async () => new Set(await report.$$eval('.fbox', (els) => els.map((e) => (e as HTMLElement).dataset.rule))).size).toBe(3);
    const label = report.locator('.fbox[data-rule="label-variant"]');
    await label.scrollIntoViewIfNeeded();
    await report.evaluate(() => window.scrollBy(0, -200));
    await report.locator('.pdf-page[data-page="3"][data-state="drawn"]').waitFor();
    await report.screenshot({ path: shotPath('report-view.png') });
    await report.screenshot({ path: shotPath('report-view.png', true) });
  });

  it('draws the detected rulings, tables and cells with the debug toggle: the same as the Node reading', async () => {
    expect(await report.locator('.pdf-debug').count()).toBe(0);
    await report.check('[data-action="debug"]');
    await expect.poll(() => report.locator('.pdf-debug').count()).toBe(nodeRead.debug.pages.length);
    for (const p of nodeRead.debug.pages) {
      const layer = report.locator(`.pdf-page[data-page="${p.page}"] .pdf-debug`);
      expect(await layer.locator('line.pdf-debug__ruling').count(), `page ${p.page} rulings`).toBe(p.segments.length);
      expect(await layer.locator('rect.pdf-debug__cell').count(), `page ${p.page} cells`).toBe(p.cells.length);
      expect(await layer.locator('rect.pdf-debug__table').count(), `page ${p.page} tables`).toBe(p.tables.length);
    }
    const page3 = nodeRead.debug.pages.find((p) => p.page === 3)!;
    expect(page3.cells.length).toBeGreaterThan(20);
    // a detected cell sits on its box, and says what was read in it
    const i = page3.cells.findIndex((c) => c.box.every((v, j) => Math.abs(v - cellBox[j]!) < 1));
    expect(i).toBeGreaterThanOrEqual(0);
    const rect = report.locator('.pdf-page[data-page="3"] rect.pdf-debug__cell').nth(i);
    const want = await expectedRect(report, 3, page3.cells[i]!.box);
    const got = await rect.evaluate((el) => el.getBoundingClientRect().toJSON());
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(got[k] - want[k]), k).toBeLessThanOrEqual(1);
    expect(await rect.locator('title').textContent()).toMatch(/“95” → applications\.received\.total$/);
    expect(await report.textContent('.pdf-page[data-page="3"] [data-field="debug-stats"]')).toContain(`单元格 ${page3.cells.length}`);
    const h = page3.segments.find((s) => s.o === 'h')!;
    const line = report.locator('.pdf-page[data-page="3"] line.pdf-debug__ruling').nth(page3.segments.indexOf(h));
    const lr = await line.evaluate((el) => el.getBoundingClientRect().toJSON());
    const lw = await expectedRect(report, 3, h.box);
    expect(Math.abs(lr.x - lw.x)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(lr.width - lw.width)).toBeLessThanOrEqual(1.5);
    await report.locator('.pdf-page[data-page="3"]').scrollIntoViewIfNeeded();
    await report.screenshot({ path: shotPath('report-view-debug.png') });
    await report.uncheck('[data-action="debug"]');
    expect(await report.locator('.pdf-debug').count()).toBe(0);
  });

  it('exports JSON that validates, with page and box in the evidence, and CSV with the locations', async () => {
    const [json] = await Promise.all([report.waitForEvent('download'), report.click('[data-action="export-json"]')]);
    const result = AuditResult.parse(JSON.parse(readFileSync((await json.path())!, 'utf8')));
    expect(json.suggestedFilename()).toMatch(/^nianbao-audit_.*洪泽.*_2024_\d{4}-\d{2}-\d{2}\.json$/);
    expect(result.source).toMatchObject({ kind: 'pdf', uri: srv.portal(HONGZE), bytes: nodeResult.source.bytes, sha256: nodeResult.source.sha256 });
    const nc = result.findings.find((f) => f.rule === 'narrative-contradiction')!;
    expect(nc.evidence.sources).toContainEqual({ ref: { kind: 'pdf', page: 3, box: cellBox }, role: 'cell', key: 'applications.received.total' });
    // the browser (modern pdf.js, real worker) reads and audits the file exactly as the CLI does
    expect(result.findings).toEqual(nodeResult.findings);
    expect(result.report!.cells).toEqual(nodeResult.report!.cells);
    expect(nc.evidence.sources.find((s) => s.role === 'sentence')!.ref).toMatchObject({ kind: 'pdf', page: 1 });
    for (const f of result.findings) for (const s of f.evidence.sources) expect(s.ref.kind).toBe('pdf');

    const [csv] = await Promise.all([report.waitForEvent('download'), report.click('[data-action="export-csv"]')]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(result.findings.length + 1);
    expect(text).toContain(describeRef({ kind: 'pdf', page: 3, box: cellBox as [number, number, number, number] }));
    // nothing went wrong on the way (no CSP violation, no uncaught error)
    expect(pageErrors).toEqual([]);
    await report.close();
  });
});

describe('a PDF behind a download script (the URL does not say .pdf)', () => {
  it('is recognised by its content type in the tab and audited in the report view', async () => {
    const url = srv.portal('/download.jsp?file=corpus/hongze_2024.pdf');
    const { page, tabId } = await openTab(url);
    expect(await page.evaluate(() => document.contentType)).toBe('application/pdf');
    const popup = await openPopup(b, tabId);
    await popup.click('[data-action="audit"]');
    expect(await settledPopup(popup)).toBe('file');
    const report = await openReport(popup, '[data-action="audit-pdf"]');
    expect(new URL(report.url()).searchParams.get('src')).toBe(url);
    expect(await report.getAttribute('.report', 'data-state')).toBe('findings');
    expect(await shownRules(report)).toEqual(['label-variant', 'narrative-contradiction', 'template-outdated']);
    await report.close();
    await popup.close();
    await page.close();
  });
});

describe('files linked from a page', () => {
  it('are listed in the popup (text as text) and audited in the report view', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/attachment-pdf.html'));
    const popup = await openPopup(b, tabId);
    await settledPopup(popup);
    await popup.waitForSelector('.files .file');
    const files = await popup.$$eval('.files .file', (els) =>
      els.map((e) => ({ url: (e as HTMLElement).dataset.url, kind: (e as HTMLElement).dataset.kind, text: e.querySelector('.file__text')!.firstChild!.textContent })),
    );
    expect(files).toEqual([
      { url: srv.portal(HONGZE), kind: 'pdf', text: '洪泽区2024年政府信息公开工作年度报告.pdf' },
      { url: srv.portal(DOCX), kind: 'docx', text: '互助县住房保障服务中心2023年度报告.docx' },
      { url: srv.portal('/download.jsp?id=1'), kind: 'pdf', text: '下载 <img src=x onerror=alert(1)> 年度报告（PDF）' },
    ]);
    // the page's text is never markup in the popup
    expect(await popup.locator('.files img, .files b').count()).toBe(0);
    await popup.screenshot({ path: shotPath('popup-files.png') });

    const report = await openReport(popup, `.file[data-url="${srv.portal(HONGZE)}"] [data-action="audit-link"]`);
    expect(await report.getAttribute('.report', 'data-state')).toBe('findings');
    expect(await shownRules(report)).toEqual(['label-variant', 'narrative-contradiction', 'template-outdated']);
    await report.close();
    await popup.close();
    await page.close();
  });

  it('audits a linked Word file: its text and tables shown as text, the finding cells outlined', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/attachment-pdf.html'));
    const popup = await openPopup(b, tabId);
    await settledPopup(popup);
    await popup.waitForSelector('.files .file');
    const report = await openReport(popup, `.file[data-kind="docx"] [data-action="audit-link"]`);
    expect(await report.getAttribute('.report', 'data-state')).toBe('findings');
    expect(await shownRules(report)).toContain('narrative-contradiction');
    // the Word file is rebuilt as text: tables, no images or scripts, no attributes from the file
    expect(await report.locator('.docx-doc table').count()).toBeGreaterThanOrEqual(3);
    const content = '.docx-doc__content';
    expect(await report.locator(['img', 'script', 'a', '[style]', '[class]:not(.fmark)', '[src]', '[href]'].map((x) => `${content} ${x}`).join(', ')).count()).toBe(0);
    // the blank licensing cell (table 2) and the sentence that gives 39 are outlined
    await report.locator('.finding[data-rule="narrative-contradiction"]').click();
    const marked = report.locator('.docx-doc .fmark.is-focus');
    await expect.poll(() => marked.count()).toBe(2);
    expect(await marked.evaluateAll((els) => els.map((e) => [e.localName, (e as HTMLElement).dataset.role]))).toEqual([
      ['p', 'sentence'],
      ['td', 'cell'],
    ]);
    expect((await marked.nth(0).textContent())).toContain('39');
    expect((await marked.nth(1).textContent())!.trim()).toBe('');
    await report.screenshot({ path: shotPath('report-view-docx.png') });

    const [json] = await Promise.all([report.waitForEvent('download'), report.click('[data-action="export-json"]')]);
    const result = AuditResult.parse(JSON.parse(readFileSync((await json.path())!, 'utf8')));
    expect(result.source).toMatchObject({ kind: 'docx', uri: srv.portal(DOCX) });
    // mammoth's browser build runs under the extension's CSP (no eval)
    expect(pageErrors.filter((e) => /Content Security Policy|EvalError|unsafe-eval/i.test(e))).toEqual([]);
    await report.close();
    await popup.close();
    await page.close();
  });
});

describe('access and unreadable files', () => {
  it('a PDF tab on another site: the toolbar click (activeTab) lets the report view fetch it', async () => {
    const url = srv.local(HONGZE);
    const { page, tabId } = await openTab(url);
    // before the click the extension may not read that site: the report view asks for access instead
    const before = await openReportDirect(url, 'pdf');
    expect(await before.getAttribute('.report', 'data-state')).toBe('permission');
    expect(await before.textContent('[data-action="grant"]')).toBe(`允许访问 ${new URL(url).host}`);
    await before.close();

    // without the click the popup cannot even tell what the tab shows
    const popup = await openPopup(b, tabId);
    await popup.click('[data-action="audit"]');
    expect(await settledPopup(popup)).toBe('error');

    await clickToolbarButton(b, page); // activeTab for the tab's origin; the real popup opens
    await popup.bringToFront();
    await popup.click('[data-action="audit"]');
    expect(await settledPopup(popup)).toBe('file');
    const report = await openReport(popup, '[data-action="audit-pdf"]');
    expect(await report.getAttribute('.report', 'data-state')).toBe('findings');
    expect(await shownRules(report)).toEqual(['label-variant', 'narrative-contradiction', 'template-outdated']);
    await report.close();
    await popup.close();
    await page.close();
  });

  it('says plainly when a file cannot be read, downloaded, or is not a report file', async () => {
    const broken = await openReportDirect(srv.portal('/e2e/broken.pdf'));
    expect(await broken.getAttribute('.report', 'data-state')).toBe('not-assessable');
    expect(await broken.textContent('[data-field="reason"]')).toBe('PDF 文件已损坏或不是有效的 PDF，无法读取。');
    await broken.close();

    const html = await openReportDirect(srv.portal('/e2e/news.html'), 'pdf');
    expect(await html.getAttribute('.report', 'data-state')).toBe('not-assessable');
    expect(await html.textContent('[data-field="reason"]')).toContain('不是 PDF 或 Word');
    await html.close();

    const missing = await openReportDirect(srv.portal('/corpus/no-such-file.pdf'));
    expect(await missing.getAttribute('.report', 'data-state')).toBe('error');
    expect(await missing.textContent('[data-field="reason"]')).toContain('HTTP 404');
    await missing.close();
    // (the error collector sees the report view: Chromium logs the failed download there)
    expect(pageErrors.some((e) => /404/.test(e))).toBe(true);

    const bad = await b.context.newPage();
    await bad.goto(`chrome-extension://${b.extensionId}/report.html?src=${encodeURIComponent('javascript:alert(1)')}`);
    expect(await settledReport(bad)).toBe('bad-src');
    await bad.close();
  });
});
