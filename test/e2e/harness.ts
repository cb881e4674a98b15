/**
 * Real-Chromium harness for the extension: build once, launch Debian's chromium with the unpacked extension,
 * find its id and service worker, map tabs to ids, read badges, simulate the toolbar click.
 * Used by test/e2e, bench/content-script.ts and scripts/demo-start.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXT_DIR = process.env.NIANBAO_EXT_DIR ?? join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const SOURCES = ['entrypoints', 'components', 'ext', 'lib', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newestMtime(join(p, e)));
  return max;
}

/** `wxt build` unless .output/chrome-mv3 is newer than every source. A directory lock keeps parallel callers apart. */
export function ensureBuilt(opts: { force?: boolean; log?: (s: string) => void } = {}): void {
  const manifest = join(EXT_DIR, 'manifest.json');
  const fresh = () => existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (!opts.force && fresh()) return;
  const lock = join(ROOT, 'test-output', '.build-lock');
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      execFileSync('sleep', ['0.5']);
    }
  }
  try {
    if (!opts.force && fresh()) return;
    opts.log?.('building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  profile: string;
  close: () => Promise<void>;
}

/** Chromium with the unpacked extension. `extraArgs` e.g. the host resolver rule of the fixture server. */
export async function launchWithExtension(opts: { extraArgs?: string[]; headless?: boolean; locale?: string; viewport?: { width: number; height: number } | null } = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport === undefined ? { width: 1100, height: 800 } : opts.viewport,
    acceptDownloads: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      // lets CDP's Extensions.triggerAction click the toolbar button (the activeTab grant)
      '--enable-unsafe-extension-debugging',
      ...(opts.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  // the worker has run its script and registered its listeners (tabs.onUpdated starts the first look at each page):
  // a page opened before that would go unseen, as pages already open when an extension is installed do
  for (let i = 0; i < 100; i++) {
    const ready = await worker.evaluate(() => (globalThis as unknown as { chrome: { tabs: { onUpdated: { hasListeners(): boolean } } } }).chrome.tabs.onUpdated.hasListeners()).catch(() => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    context,
    extensionId,
    worker,
    profile,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The live service worker (it may have been restarted since launch). */
export function serviceWorker(b: ExtensionBrowser): Worker {
  return b.context.serviceWorkers().find((w) => w.url().includes(b.extensionId)) ?? b.worker;
}

/** The chrome tab id of a page: bring it to the front and ask the worker for the active tab. */
export async function tabIdOf(b: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await serviceWorker(b).evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id as number | undefined;
  });
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

export async function badgeText(b: ExtensionBrowser, tabId: number): Promise<string> {
  return serviceWorker(b).evaluate(async (id) => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    return (await c.action.getBadgeText({ tabId: id })) as string;
  }, tabId);
}

export async function badgeColor(b: ExtensionBrowser, tabId: number): Promise<number[]> {
  return serviceWorker(b).evaluate(async (id) => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    return (await c.action.getBadgeBackgroundColor({ tabId: id })) as number[];
  }, tabId);
}

/** Wait until the badge of a tab is not empty (the content script has audited the page). */
export async function waitForBadge(b: ExtensionBrowser, tabId: number, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const t = await badgeText(b, tabId);
    if (t) return t;
    if (Date.now() > end) throw new Error(`no badge on tab ${tabId} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The user's click on the toolbar button for this page's tab, through CDP `Extensions.triggerAction`: it opens the
 * real popup and grants activeTab, exactly like a click.
 */
export async function clickToolbarButton(b: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  const browser = b.context.browser();
  if (!browser) throw new Error('no browser object for CDP');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const url = page.url();
    const tab = targetInfos.find((t) => t.url === url);
    if (!tab) throw new Error(`no tab target for ${url}`);
    await cdp.send('Extensions.triggerAction', { id: b.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Open the popup as a page for a given tab (popup.html?tab=ID). */
export async function openPopup(b: ExtensionBrowser, tabId: number, viewport = { width: 420, height: 600 }): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('.popup');
  return popup;
}

/** Where screenshots go: docs/ when UPDATE_DOCS=1, otherwise test-output/. */
export function shotPath(name: string, docs = false): string {
  const dir = docs && process.env.UPDATE_DOCS === '1' ? join(ROOT, 'docs') : join(ROOT, 'test-output');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** A new tab showing `url`, once loaded (and `settleMs` later: Chromium's PDF viewer needs a moment), with its id. */
export async function openTab(b: ExtensionBrowser, url: string, settleMs = 0): Promise<{ page: Page; tabId: number }> {
  const page = await b.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (settleMs) await page.waitForTimeout(settleMs);
  const tabId = await tabIdOf(b, page);
  return { page, tabId };
}

/** The popup's state (its data-state) once it has settled, i.e. is no longer loading. */
export async function settledPopup(popup: Page): Promise<string> {
  await popup.waitForSelector('.popup:not([data-state="loading"])', { timeout: 20_000 });
  return (await popup.getAttribute('.popup', 'data-state'))!;
}
