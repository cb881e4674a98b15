import { detectReport, type DetectResult } from '../lib/detect';
import type { ContentReply, FromContent } from './messages';
import { MAX_SNAPSHOT_CHARS, parseAudit } from './guards';
import { onMessage, pageApi } from './page-runtime';
import { READER, measure, type Reader } from './reader-api';
import { listFileLinks } from './file-links';

/**
 * The content script (entrypoints/detector.ts → /detector.js), kept small so that pages pay (almost) nothing:
 *
 * 0. the background takes a first look at every portal page once it has loaded (ext/probe.ts, in the page's main
 *    world: metadata and titles, no script file, no isolated world) and injects this script only into candidates;
 *    elsewhere it is injected after a toolbar click (activeTab + scripting).
 * 1. this script runs the detector (lib/detect.ts) on the live page and, for a report, sends the background a
 *    snapshot of the page: its serialised DOM (document.documentElement.outerHTML, one native call). No extractor,
 *    no zod, no webextension-polyfill here (ext/page-runtime.ts).
 * 2. the background reads the snapshot (lib/extract/html-string.ts: the same extractor on a re-parsed copy, whose
 *    selectors find the same elements in the live page) and audits it, off the page's main thread.
 * 3. the highlighter (entrypoints/reader.ts → /reader.js, ext/reader-main.ts) is injected into this isolated world
 *    only when the popup first asks to outline findings, and hands itself over through a global of that world.
 *
 * Performance measures `nianbao:detect` and `nianbao:snapshot` (taking the snapshot), `nianbao:send` (handing it to
 * the background) are visible to bench/content-script.ts through the page's performance timeline.
 */

/** Hosts where reports are audited by themselves (the manifest match). */
export const AUTO_HOST = /(^|\.)gov\.cn$/i;

const STARTED = Symbol.for('nianbao-audit.content');

type G = Record<symbol, unknown>;

export function startContent(): void {
  const g = globalThis as unknown as G;
  if (g[STARTED]) return; // injected again into a page that already has it
  g[STARTED] = true;
  const api = pageApi();

  let detected: DetectResult | null = null;
  const detect = (): DetectResult => {
    if (!detected) {
      const t0 = performance.now();
      detected = detectReport(document);
      measure('nianbao:detect', t0);
    }
    return detected;
  };

  let loading: Promise<Reader> | null = null;
  const reader = (): Promise<Reader> => {
    const have = g[READER] as Reader | undefined;
    if (have) return Promise.resolve(have);
    loading ??= api.runtime
      .sendMessage({ type: 'page:load-reader' } satisfies FromContent)
      .then(() => {
        const r = g[READER] as Reader | undefined;
        if (!r) throw new Error('the highlighter could not be loaded into this page');
        return r;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  /** The page for the background to read (or why not). */
  const read = async (force: boolean): Promise<ContentReply> => {
    // a PDF shown in the tab (Chromium's viewer): it is audited in the report view, not here
    if (isPdfDocument()) return { kind: 'file', file: { url: location.href, kind: 'pdf' } };
    const d = detect();
    if (!d.isReport && !force) return { kind: 'not-report', detect: d };
    try {
      // the overlay must not be part of what is read
      (g[READER] as Reader | undefined)?.handle({ type: 'content:clear' });
      const t0 = performance.now();
      const html = document.documentElement?.outerHTML ?? '';
      const ms = measure('nianbao:snapshot', t0);
      if (html.length > MAX_SNAPSHOT_CHARS) {
        const m = (html.length / 1e6).toFixed(1);
        return { kind: 'failed', message: `The page is too large to read (${m} million characters of HTML; the limit is ${MAX_SNAPSHOT_CHARS / 1e6} million).` };
      }
      return { kind: 'snapshot', page: { detect: d, html, uri: location.href, title: document.title || null, ms: Math.round(ms * 10) / 10 } };
    } catch (e) {
      return { kind: 'failed', message: (e instanceof Error ? e.message : String(e)).slice(0, 2000) };
    }
  };

  onMessage(api, (raw, sender) => {
    // only the extension's own pages and service worker talk to content scripts
    if (sender.id !== api.runtime.id || !raw || typeof raw !== 'object') return undefined;
    switch ((raw as { type?: unknown }).type) {
      case 'content:ping':
        return Promise.resolve({ ok: true });
      case 'content:audit': {
        const msg = parseAudit(raw);
        return msg ? read(msg.force) : undefined;
      }
      case 'content:highlight':
        // the reader checks the message; it is loaded on demand (a result restored by the background may
        // outlive the reader of an earlier content script)
        return reader().then((r) => r.handle(raw), () => undefined);
      case 'content:links':
        // only now, when the popup asks: listing links costs the page nothing while it loads
        return Promise.resolve({ links: isPdfDocument() ? [] : listFileLinks(document) });
      case 'content:clear': {
        const r = g[READER] as Reader | undefined;
        // no reader: nothing was drawn here, so there is nothing to clear
        return Promise.resolve(r ? r.handle(raw) : { shown: 0, missing: 0 });
      }
      default:
        return undefined;
    }
  });

  // On portal hosts only: recognise a report by itself. Other pages stop here.
  if (!AUTO_HOST.test(location.hostname) || isPdfDocument()) return;
  if (!detect().isReport) return;
  void autoAuditEnabled(api).then(async (on) => {
    if (!on) return;
    const reply = await read(false);
    const t0 = performance.now();
    const msg: FromContent = reply.kind === 'snapshot' ? { type: 'page:snapshot', page: reply.page } : { type: 'page:outcome', outcome: reply };
    api.runtime.sendMessage(msg).catch(() => undefined);
    measure('nianbao:send', t0); // serialising the snapshot for the background
  });
}

/** The tab shows a PDF (the content script runs in the document of Chromium's PDF viewer). */
function isPdfDocument(): boolean {
  return document.contentType === 'application/pdf';
}

/** The auto-audit option, read without the settings schema (zod stays out of this script). */
async function autoAuditEnabled(api: ReturnType<typeof pageApi>): Promise<boolean> {
  try {
    const got = await api.storage.sync.get('settings');
    const s = got.settings as { autoAudit?: unknown } | undefined;
    return s?.autoAudit !== false;
  } catch {
    return true;
  }
}
