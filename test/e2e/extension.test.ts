/**
 * The extension in real Chromium (Debian's /usr/bin/chromium, headless, with the unpacked build of
 * .output/chrome-mv3). Fixture pages are served by scripts/serve-fixtures.ts and reached as
 * http://www.example.gov.cn/… through --host-resolver-rules, so the manifest's content script runs on them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AuditResult } from '../../lib/model/result';
import { SEED_EXPECTATIONS } from '../helpers';
import { startFixtureServer, FIXTURE_DIRS, type FixtureServer } from '../../scripts/serve-fixtures';
import {
  badgeColor, badgeText, clickToolbarButton, ensureBuilt, launchWithExtension, openPopup, openTab as openTabIn, serviceWorker, settledPopup, shotPath, waitForBadge,
  type ExtensionBrowser,
} from './harness';

/**
 * What a correct audit reports on each page: the rule ids that fire (fail or needs-review), and no other.
 * Add a row per fixture. Seed renderings in test/fixtures/html/<seed>.html join by themselves with the
 * expectations of rules.md (test/helpers.ts SEED_EXPECTATIONS).
 */
interface Case {
  fixture: string;
  expectedRuleIds: string[];
}
const CASES: Case[] = [
  // corpus README: "A correct audit raises no error on this page" (and the careful reader finds nothing else)
  { fixture: '/corpus/pingtan_2023.html', expectedRuleIds: [] },
  // the same page with applications.received.total changed from 81 to 91
  {
    fixture: '/e2e/pingtan_2023_errors.html',
    expectedRuleIds: ['applications-balance', 'applications-row-sum', 'narrative-contradiction'],
  },
  ...seedRenderings(),
];

/** test/fixtures/html/seed-<id>[-…].html, with the expectations of rules.md for that seed. */
function seedRenderings(): Case[] {
  const dir = FIXTURE_DIRS.html!;
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /^seed-\d{3}\b.*\.html?$/.test(f)).sort();
  return SEED_EXPECTATIONS.flatMap((s) => {
    const file = files.find((f) => f.startsWith(`seed-${s.id}`));
    return file ? [{ fixture: `/html/${file}`, expectedRuleIds: s.rules }] : [];
  });
}

let srv: FixtureServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  ensureBuilt();
  srv = await startFixtureServer();
  b = await launchWithExtension({ extraArgs: [srv.resolverRule] });
});

afterAll(async () => {
  await b?.close();
  await srv?.close();
});

const openTab = (url: string) => openTabIn(b, url);
const settled = settledPopup;

/** The result the popup shows, read through the background (what the export writes). */
async function stateOf(popup: Page, tabId: number): Promise<any> {
  return popup.evaluate(async (id) => (globalThis as any).chrome.runtime.sendMessage({ type: 'tab:get', tabId: id }), tabId);
}

describe('portal pages (*.gov.cn): recognised and audited by themselves', () => {
  it('shows the number of errors on the badge of a report page with errors', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    const text = await waitForBadge(b, tabId);
    const popup = await openPopup(b, tabId);
    const st = await stateOf(popup, tabId);
    expect(st.kind).toBe('outcome');
    const errors = st.outcome.result.summary.errors;
    expect(errors).toBeGreaterThan(0);
    expect(text).toBe(String(errors));
    expect(await badgeColor(b, tabId)).toEqual([198, 40, 40, 255]);
    await popup.close();
    await page.close();
  });

  it('gives no badge to pages of the same portal that are not reports (listing, news)', async () => {
    for (const path of ['/e2e/listing.html', '/e2e/news.html']) {
      const { page, tabId } = await openTab(srv.portal(path));
      await page.waitForTimeout(800);
      expect(await badgeText(b, tabId), path).toBe('');
      // the popup says plainly that this is not a report
      const popup = await openPopup(b, tabId);
      expect(await stateOf(popup, tabId)).toEqual({ kind: 'none' });
      await popup.click('[data-action="audit"]');
      expect(await settled(popup), path).toBe('not-report');
      expect(await popup.textContent('.state--not-report h2')).toBe('此页不是年度报告');
      if (path.includes('listing')) await popup.screenshot({ path: shotPath('popup-not-report.png') });
      expect(await badgeText(b, tabId)).toBe('');
      await popup.close();
      await page.close();
    }
  });

  it('runs nothing but the first look on an ordinary portal page; candidates get the content script, reports a snapshot', async () => {
    const hasContentScript = (tabId: number) =>
      serviceWorker(b).evaluate(
        (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'content:ping' }, { frameId: 0 }).then(() => true, () => false),
        tabId,
      );
    const measures = (page: Page) => page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    // a notice: its metadata and title say nothing of information disclosure
    const notice = await openTab(srv.portal('/e2e/notice.html'));
    await notice.page.waitForTimeout(800);
    expect(await hasContentScript(notice.tabId)).toBe(false);
    expect(await badgeText(b, notice.tabId)).toBe('');
    // a news item whose title names 政务公开: a candidate, read by the detector, found not to be a report
    const news = await openTab(srv.portal('/e2e/news.html'));
    await news.page.waitForTimeout(800);
    expect(await hasContentScript(news.tabId)).toBe(true);
    expect(await measures(news.page)).toEqual(['nianbao:detect']);
    // a report: detected, its DOM serialised and sent; reading it is the background's job
    const report = await openTab(srv.portal('/corpus/pingtan_2023.html'));
    await waitForBadge(b, report.tabId);
    expect(await measures(report.page)).toEqual(['nianbao:detect', 'nianbao:snapshot', 'nianbao:send']);
    for (const t of [notice, news, report]) await t.page.close();
  });

  it('gives the not-assessable state for a report whose tables are pictures', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_images.html'));
    expect(await waitForBadge(b, tabId)).toBe('?');
    const popup = await openPopup(b, tabId);
    expect(await settled(popup)).toBe('not-assessable');
    expect(await popup.textContent('[data-field="reason"]')).toMatch(/图片/);
    await popup.screenshot({ path: shotPath('popup-not-assessable.png') });
    await popup.close();
    await page.close();
  });

  it('does not audit by itself when the option is off', async () => {
    const opts = await b.context.newPage();
    await opts.goto(`chrome-extension://${b.extensionId}/options.html`);
    await opts.uncheck('input[name="autoAudit"]');
    await opts.waitForSelector('.saved:not(:empty)');
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    await page.waitForTimeout(1000);
    expect(await badgeText(b, tabId)).toBe('');
    await opts.check('input[name="autoAudit"]');
    await opts.waitForSelector('.saved:not(:empty)');
    await opts.close();
    await page.close();
  });
});

describe('popup', () => {
  for (const c of CASES) {
    it(`lists the expected findings for ${c.fixture}`, async () => {
      const { page, tabId } = await openTab(srv.portal(c.fixture));
      const badge = await waitForBadge(b, tabId);
      const popup = await openPopup(b, tabId);
      const state = await settled(popup);
      expect(['findings', 'empty']).toContain(state);
      const shown = await popup.$$eval('.rule-group', (els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.rule!))].sort());
      expect(shown).toEqual([...c.expectedRuleIds].sort());
      const st = await stateOf(popup, tabId);
      const result = AuditResult.parse(st.outcome.result);
      expect(badge).toBe(result.summary.errors ? String(result.summary.errors) : '✓');
      expect(await popup.textContent('[data-field="verdict"]')).toBe(result.summary.verdict.zh);
      await popup.close();
      await page.close();
    });
  }

  it('speaks English when the options say so', async () => {
    const opts = await b.context.newPage();
    await opts.goto(`chrome-extension://${b.extensionId}/options.html`);
    await opts.check('input[name="language"][value="en"]');
    await opts.waitForSelector('.saved:not(:empty)');
    expect(await opts.textContent('h1')).toBe('Nianbao Audit · Options');
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    await waitForBadge(b, tabId);
    const popup = await openPopup(b, tabId);
    await settled(popup);
    const st = await stateOf(popup, tabId);
    expect(await popup.textContent('.brand__name')).toBe('Nianbao Audit');
    expect(await popup.textContent('[data-field="verdict"]')).toBe(st.outcome.result.summary.verdict.en);
    expect(await popup.getAttribute('html', 'lang')).toBe('en');
    await opts.check('input[name="language"][value="auto"]');
    await opts.waitForSelector('.saved:not(:empty)');
    await opts.close();
    await popup.close();
    await page.close();
  });

  it('is screenshotted with findings (docs/popup.png with UPDATE_DOCS=1)', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    await waitForBadge(b, tabId);
    const popup = await openPopup(b, tabId, { width: 420, height: 600 });
    await settled(popup);
    await popup.screenshot({ path: shotPath('popup.png', true), fullPage: false });
    await popup.close();
    await page.close();
  });
});

describe('highlighting', () => {
  it('outlines the cells of a clicked finding over the right <td>, without touching the page', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    await waitForBadge(b, tabId);
    const before = await page.evaluate(() => ({ html: document.body.innerHTML, height: document.documentElement.scrollHeight }));
    const popup = await openPopup(b, tabId);
    await settled(popup);
    const finding = popup.locator('.finding[data-rule="applications-row-sum"]').first();
    await finding.click();
    await expect.poll(() => page.locator('nianbao-audit-overlay .box').count()).toBeGreaterThan(1);

    // the total box sits exactly on the <td> holding 91 (the changed total), operands on the other cells
    const total = page.locator('nianbao-audit-overlay .box[data-role="total"]');
    expect(await total.count()).toBe(1);
    expect(await total.getAttribute('data-key')).toBe('applications.received.total');
    const boxRect = await total.evaluate((el) => el.getBoundingClientRect().toJSON());
    const tdRect = await page.evaluate(() => {
      const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent!.includes('本年新收政府信息公开申请数量'))!;
      const tds = [...row.querySelectorAll('td')];
      return tds[tds.length - 1]!.getBoundingClientRect().toJSON();
    });
    expect(await page.evaluate(() => {
      const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent!.includes('本年新收政府信息公开申请数量'))!;
      return row.querySelector('td:last-child')!.textContent!.trim();
    })).toBe('91');
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(boxRect[k] - tdRect[k]), k).toBeLessThanOrEqual(1);
    // the cell is in view
    expect(tdRect.y).toBeGreaterThanOrEqual(0);
    expect(tdRect.y + tdRect.height).toBeLessThanOrEqual(800);
    expect(await page.locator('nianbao-audit-overlay .box[data-role="operand"]').count()).toBe(6);
    expect(await page.locator('nianbao-audit-overlay .label').first().textContent()).toContain('applications-row-sum');

    // page content and layout untouched: the overlay is outside <body>, fixed, and takes no space
    const after = await page.evaluate(() => ({ html: document.body.innerHTML, height: document.documentElement.scrollHeight }));
    expect(after).toEqual(before);

    // boxes follow the page when it scrolls (placed again on the next animation frame: bring the tab to the
    // front, as it is under a real popup)
    await page.bringToFront();
    await page.evaluate(() => window.scrollBy(0, 120));
    await page.waitForTimeout(100);
    const moved = await total.evaluate((el) => el.getBoundingClientRect().y);
    const tdMoved = await page.evaluate(() => {
      const row = [...document.querySelectorAll('tr')].find((tr) => tr.textContent!.includes('本年新收政府信息公开申请数量'))!;
      return row.querySelector('td:last-child')!.getBoundingClientRect().y;
    });
    expect(Math.abs(moved - tdMoved)).toBeLessThanOrEqual(1);

    await page.waitForTimeout(2300); // let the attention pulse end
    await page.screenshot({ path: shotPath('highlight.png', true) });

    // Clear removes everything
    await popup.bringToFront();
    await popup.click('[data-action="clear"]');
    await expect.poll(() => page.locator('nianbao-audit-overlay').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('nianbao-audit-highlight-style'))).toBeNull();
    await popup.close();
    await page.close();
  });

  it('paints a sentence with the CSS Custom Highlight API and shows all findings at once', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    await waitForBadge(b, tabId);
    const popup = await openPopup(b, tabId);
    await settled(popup);
    const st = await stateOf(popup, tabId);
    const findings: any[] = st.outcome.result.findings;
    const withSentence = findings.find((f) => f.evidence.sources.some((s: any) => s.role === 'sentence'));
    if (withSentence) {
      await popup.locator(`.finding[data-finding-id="${withSentence.id}"]`).click();
      await expect.poll(() => page.evaluate(() => (CSS as any).highlights?.has('nianbao-audit') ?? false)).toBe(true);
      expect(await page.evaluate(() => document.getElementById('nianbao-audit-highlight-style')?.textContent)).toContain('::highlight(nianbao-audit)');
      expect(await page.locator('nianbao-audit-overlay .box[data-role="sentence"]').count()).toBeGreaterThan(0);
    }
    await popup.check('[data-action="show-all"]');
    const expectedBoxes = findings.filter((f) => f.evidence.sources.length).length;
    await expect.poll(async () => new Set(await page.$$eval('nianbao-audit-overlay .box', (els) => els.map((e) => (e as HTMLElement).dataset.finding))).size).toBe(expectedBoxes);
    await popup.uncheck('[data-action="show-all"]');
    await expect.poll(() => page.locator('nianbao-audit-overlay').count()).toBe(0);
    expect(await page.evaluate(() => (CSS as any).highlights?.has('nianbao-audit') ?? false)).toBe(false);
    await popup.close();
    await page.close();
  });
});

describe('export', () => {
  it('writes JSON that validates and CSV with one row per finding; copies a Markdown summary', async () => {
    const { page, tabId } = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    await waitForBadge(b, tabId);
    const popup = await openPopup(b, tabId);
    await settled(popup);
    const today = await popup.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });

    const [json] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export-json"]')]);
    expect(json.suggestedFilename()).toBe(`nianbao-audit_平潭综合实验区_2023_${today}.json`);
    const result = AuditResult.parse(JSON.parse(readFileSync((await json.path())!, 'utf8')));
    expect(result.source.uri).toBe(srv.portal('/e2e/pingtan_2023_errors.html'));
    expect(result.findings.length).toBeGreaterThan(0);

    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export-csv"]')]);
    expect(csv.suggestedFilename()).toBe(`nianbao-audit_平潭综合实验区_2023_${today}.csv`);
    const rows = parseCsv(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]).toContain('rule');
    const body = rows.slice(1);
    expect(body).toHaveLength(result.findings.length);
    const ruleCol = rows[0]!.indexOf('rule');
    expect(body.map((r) => r[ruleCol])).toEqual(result.findings.map((f) => f.rule));

    // (clipboard permissions cannot be granted to extension origins through CDP: catch what is written)
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (t: string) => void ((globalThis as any).copied = t);
    });
    await popup.click('[data-action="copy-summary"]');
    await popup.waitForSelector('.exports__status');
    expect(await popup.textContent('.exports__status')).toBe('已复制');
    const md: string = await popup.evaluate(() => (globalThis as any).copied);
    expect(md).toContain('## 年报核查结果: 平潭综合实验区2023年度政府信息公开工作年度报告');
    expect(md).toContain(`**结论:** ${result.summary.verdict.zh}`);
    expect(md.split('\n').filter((l) => l.startsWith('| ') && l.includes('`'))).toHaveLength(result.findings.length);
    await popup.close();
    await page.close();
  });
});

describe('other sites: nothing runs until the toolbar button is clicked (activeTab + scripting)', () => {
  it('injects the content script and audits only after the click', async () => {
    const url = srv.local('/e2e/pingtan_2023_errors.html');
    const { page, tabId } = await openTab(url);
    await page.waitForTimeout(800);
    expect(await badgeText(b, tabId)).toBe('');
    // no content script on this host
    const popup = await openPopup(b, tabId);
    expect(await settled(popup)).toBe('idle');
    expect(await stateOf(popup, tabId)).toEqual({ kind: 'none' });
    // without the click, the extension has no access to this page
    await popup.click('[data-action="audit"]');
    expect(await settled(popup)).toBe('error');
    expect(await popup.textContent('[role="alert"]')).toContain('工具栏');
    await popup.screenshot({ path: shotPath('popup-no-access.png') });
    expect(await badgeText(b, tabId)).toBe('');

    // the click (CDP Extensions.triggerAction): activeTab for this tab; the real popup opens and audits it
    await clickToolbarButton(b, page);
    const badge = await waitForBadge(b, tabId);
    expect(Number(badge)).toBeGreaterThan(0);

    // the popup as a page for the same tab: "audit this page" now works too
    await popup.bringToFront();
    await popup.click('[data-action="audit"]');
    expect(await settled(popup)).toBe('findings');
    expect(await popup.locator('.rule-group[data-rule="applications-row-sum"]').count()).toBe(1);
    // and the injected script highlights like the declared one
    await popup.locator('.finding[data-rule="applications-row-sum"]').first().click();
    await expect.poll(() => page.locator('nianbao-audit-overlay .box[data-role="total"]').count()).toBe(1);
    await popup.close();
    await page.close();
  });
});

describe('isolation', () => {
  it('keys results by tab: a content script speaks only for its own tab and cannot read other tabs', async () => {
    const victim = await openTab(srv.portal('/e2e/pingtan_2023_errors.html'));
    const victimBadge = await waitForBadge(b, victim.tabId);
    const hostile = await openTab(srv.portal('/e2e/pingtan_2023_images.html'));
    await waitForBadge(b, hostile.tabId);

    // Worst case: code running in the hostile tab's content-script world (which the page itself cannot reach)
    // sends forged messages naming the victim's tab.
    const cdp = await b.context.newCDPSession(hostile.page);
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as any));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.origin === `chrome-extension://${b.extensionId}`)).toBe(true);
    const iso = contexts.find((c) => c.origin === `chrome-extension://${b.extensionId}`)!;
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: iso.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const forged = { kind: 'not-report', detect: { isReport: false, score: 0, signals: ['forged'] } };
        const read = await chrome.runtime.sendMessage({ type: 'tab:get', tabId: ${victim.tabId} });
        const audit = await chrome.runtime.sendMessage({ type: 'tab:audit', tabId: ${victim.tabId}, force: true });
        await chrome.runtime.sendMessage({ type: 'page:outcome', tabId: ${victim.tabId}, outcome: forged });
        return { read: read ?? null, audit: audit ?? null };
      })()`,
    });
    await cdp.detach();
    // privileged requests from a content script get no answer
    expect(result.value).toEqual({ read: null, audit: null });

    // the victim tab keeps its own result and badge; the forged outcome landed on the sender's own tab
    expect(await badgeText(b, victim.tabId)).toBe(victimBadge);
    const popup = await openPopup(b, victim.tabId);
    const v = await stateOf(popup, victim.tabId);
    expect(v.outcome.kind).toBe('result');
    const h = await stateOf(popup, hostile.tabId);
    expect(h.outcome).toEqual({ kind: 'not-report', detect: { isReport: false, score: 0, signals: ['forged'] } });
    expect(await badgeText(b, hostile.tabId)).toBe('');

    // malformed requests from extension pages are ignored too
    expect(await popup.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'tab:audit', tabId: 'x' }))).toBeUndefined();
    await popup.close();
    await victim.page.close();
    await hostile.page.close();
  });
});

/** RFC 4180. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
