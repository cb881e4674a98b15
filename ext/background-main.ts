import { browser } from 'wxt/browser';
import { auditExtraction } from '../lib/audit';
import type { SourceInfo } from '../lib/model/result';
import { sha256Hex } from '../lib/source/sha256';
import { fileKindOfUrl } from './file-links';
import { ContentReply, FromContent, TabState, ToBackground, type PageSnapshot, type PageOutcome, type ToContent } from './messages';
import { extractHtmlString } from '../lib/extract/html-string';
import { firstLook } from '../lib/detect';
import { parseSignals, probePage } from './probe';
import { AUTO_HOST } from './content-main';
import { parseSettings, SETTINGS_KEY } from './settings';

type Sender = { id?: string; url?: string; tab?: { id?: number }; frameId?: number };

const CONTENT_SCRIPT = '/detector.js';
const READER_SCRIPT = '/reader.js';
const SESSION_PREFIX = 'tab:';

/** Badge colours: red for errors, a neutral grey for "no errors" and "cannot tell". */
const BADGE_ERROR = '#c62828';
const BADGE_NEUTRAL = '#5f6b7a';

/**
 * The service worker (Chrome) / event page (Firefox). It runs the audit: a page's content script sends what it
 * read (an Extraction, see ext/content-main.ts) and the audit — validation, mapping, rules, the result — happens
 * here, off the page's main thread.
 *
 * Results are kept per tab id, in memory and in storage.session (so a restarted worker still knows them), and
 * set the toolbar badge of that tab. A content script can only ever write the state of its own tab
 * (sender.tab.id); a popup (an extension page) may read or request the audit of any tab.
 */
export function startBackground(): void {
  const states = new Map<number, TabState>();
  const inflight = new Map<number, Promise<TabState>>();
  const session = browser.storage.session as typeof browser.storage.local | undefined;

  const put = async (tabId: number, st: TabState | null) => {
    if (st) states.set(tabId, st);
    else states.delete(tabId);
    try {
      if (st && st.kind === 'outcome') await session?.set({ [SESSION_PREFIX + tabId]: st });
      else await session?.remove(SESSION_PREFIX + tabId);
    } catch {
      /* storage.session missing or full: memory only */
    }
  };

  const get = async (tabId: number): Promise<TabState> => {
    const mem = states.get(tabId);
    if (mem) return mem;
    try {
      const got = await session?.get(SESSION_PREFIX + tabId);
      const parsed = TabState.safeParse(got?.[SESSION_PREFIX + tabId]);
      if (parsed.success) {
        states.set(tabId, parsed.data);
        return parsed.data;
      }
    } catch {
      /* ignore */
    }
    return { kind: 'none' };
  };

  const record = async (tabId: number, outcome: PageOutcome, url: string | null): Promise<TabState> => {
    const st: TabState = { kind: 'outcome', outcome, url, at: new Date().toISOString() };
    await put(tabId, st);
    await setBadge(tabId, outcome);
    return st;
  };

  /** Read and audit a page's snapshot, and record the outcome for its tab. */
  const auditPage = (tabId: number, page: PageSnapshot, url: string | null): Promise<TabState> =>
    record(tabId, auditRead(page), url);

  const send = (tabId: number, msg: ToContent) => browser.tabs.sendMessage(tabId, msg, { frameId: 0 }) as Promise<unknown>;

  /** The tab's URL (known with activeTab after the click, or with host access); null otherwise. */
  const tabUrl = async (tabId: number): Promise<string | null> => {
    try {
      return (await browser.tabs.get(tabId)).url ?? null;
    } catch {
      return null; // tab gone
    }
  };

  /**
   * Ask the tab's content script to audit; inject it first when it is not there (activeTab + scripting). A tab
   * showing a PDF (by its URL here, or by its content type in the content script) is not read in the page: the
   * outcome says so, and the popup offers to audit it in the report view.
   */
  const audit = async (tabId: number, force: boolean): Promise<TabState> => {
    const shown = await tabUrl(tabId);
    if (shown && fileKindOfUrl(shown, { query: false }) === 'pdf') return record(tabId, { kind: 'file', file: { url: shown, kind: 'pdf' } }, shown);
    let reply: unknown;
    try {
      reply = await send(tabId, { type: 'content:audit', force, fresh: force });
    } catch {
      try {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT] });
      } catch (e) {
        return { kind: 'error', code: 'no-access', message: errorText(e) };
      }
      for (let i = 0; i < 5 && reply === undefined; i++) {
        try {
          reply = await send(tabId, { type: 'content:audit', force, fresh: force });
        } catch (e) {
          if (i === 4) return { kind: 'error', code: 'failed', message: errorText(e) };
          await new Promise((r) => setTimeout(r, 60));
        }
      }
    }
    const parsed = ContentReply.safeParse(reply);
    if (!parsed.success) return { kind: 'error', code: 'failed', message: 'The page sent an invalid result.' };
    const url = await tabUrl(tabId); // present with activeTab / host access
    const r = parsed.data;
    return r.kind === 'snapshot' ? auditPage(tabId, r.page, url) : record(tabId, r, url);
  };

  /** Inject the highlighter (/reader.js) into a tab's isolated world (once at a time per tab). */
  const readerLoads = new Map<number, Promise<{ ok: boolean }>>();
  const loadReader = (tabId: number): Promise<{ ok: boolean }> => {
    let p = readerLoads.get(tabId);
    if (!p) {
      p = browser.scripting
        .executeScript({ target: { tabId, frameIds: [0] }, files: [READER_SCRIPT] })
        .then(() => ({ ok: true }), () => ({ ok: false }))
        .finally(() => readerLoads.delete(tabId));
      readerLoads.set(tabId, p);
    }
    return p;
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));

    if (!fromExtensionPage) {
      // a content script: it speaks only for the top frame of its own tab
      const tabId = sender.tab?.id;
      if (typeof tabId !== 'number' || tabId < 0 || sender.frameId !== 0) return undefined;
      const parsed = FromContent.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      if (msg.type === 'page:load-reader') return loadReader(tabId);
      if (msg.type === 'page:snapshot') return auditPage(tabId, msg.page, sender.url ?? null).then(() => undefined);
      return record(tabId, msg.outcome, sender.url ?? null).then(() => undefined);
    }

    const parsed = ToBackground.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    switch (msg.type) {
      case 'tab:get':
        return get(msg.tabId);
      case 'tab:audit': {
        const running = inflight.get(msg.tabId);
        if (running && !msg.force) return running;
        const p = audit(msg.tabId, msg.force).finally(() => inflight.delete(msg.tabId));
        inflight.set(msg.tabId, p);
        return p;
      }
    }
  });

  /**
   * A portal page has loaded: a first look at it (ext/probe.ts, in the page's main world: metadata and titles),
   * and only for a candidate the content script, which recognises a report and sends it to be read. Pages that
   * are not candidates get no script file and no isolated world.
   */
  const firstLookAt = async (tabId: number, url: string) => {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      return;
    }
    if (!AUTO_HOST.test(host) || fileKindOfUrl(url, { query: false }) === 'pdf') return;
    try {
      const got = await browser.storage.sync.get(SETTINGS_KEY);
      if (!parseSettings(got?.[SETTINGS_KEY]).autoAudit) return;
      const [probe] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, world: 'MAIN', func: probePage });
      if (!firstLook(parseSignals(probe?.result)).candidate) return;
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_SCRIPT] });
    } catch {
      /* the tab navigated away or closed, or the page may not be scripted: nothing to do */
    }
  };

  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    // A new document in the tab: what we knew is about the old one.
    if (info.status === 'loading') {
      void put(tabId, null);
      void clearBadge(tabId);
    }
    if (info.status === 'complete' && tab?.url) void firstLookAt(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void put(tabId, null));
}

/**
 * Read a page's snapshot (lib/extract/html-string.ts: its serialised DOM parsed again, then the HTML extractor) and
 * audit it (lib/audit.ts auditExtraction: validation, mapping, rules). Never throws. source.sha256 is the SHA-256 of
 * the snapshot, the page as it was read.
 */
function auditRead(page: PageSnapshot): PageOutcome {
  try {
    const t0 = performance.now();
    const extraction = extractHtmlString(page.html, page.uri ? { uri: page.uri } : {});
    const source: SourceInfo = {
      kind: 'html',
      uri: page.uri,
      title: page.title,
      sha256: sha256Hex(page.html),
      bytes: null,
    };
    const result = auditExtraction(extraction, source, {}, performance.now() - t0);
    measureAudit(t0);
    return { kind: 'result', detect: page.detect, result, ms: page.ms };
  } catch (e) {
    return { kind: 'failed', message: errorText(e).slice(0, 2000) };
  }
}

/** `nianbao:audit` in the worker's performance timeline (read by bench/content-script.ts); only the last is kept. */
function measureAudit(start: number): void {
  try {
    performance.clearMeasures('nianbao:audit');
    performance.measure('nianbao:audit', { start, end: performance.now() });
  } catch {
    /* no user timing: nothing to measure */
  }
}

function action() {
  // MV3 `action`; Firefox MV2 builds have `browserAction`
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

async function setBadge(tabId: number, outcome: PageOutcome): Promise<void> {
  const a = action();
  if (!a) return;
  let text = '';
  let color = BADGE_NEUTRAL;
  if (outcome.kind === 'result') {
    const r = outcome.result;
    if (r.status === 'not-assessable') text = '?';
    else if (r.summary.errors > 0) {
      text = r.summary.errors > 99 ? '99+' : String(r.summary.errors);
      color = BADGE_ERROR;
    } else text = '✓';
  }
  try {
    await a.setBadgeText({ tabId, text });
    if (text) await a.setBadgeBackgroundColor({ tabId, color });
    const b = a as unknown as { setBadgeTextColor?: (d: { tabId: number; color: string }) => Promise<void> };
    if (text && b.setBadgeTextColor) await b.setBadgeTextColor({ tabId, color: '#ffffff' });
  } catch {
    /* the tab is gone */
  }
}

async function clearBadge(tabId: number): Promise<void> {
  try {
    await action()?.setBadgeText({ tabId, text: '' });
  } catch {
    /* the tab is gone */
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
