import { detectReport, type DetectResult } from '../lib/detect';
import type { ContentReply, FromContent } from './messages';
import { parseAudit } from './guards';
import { onMessage, pageApi } from './page-runtime';
import { READER, measure, type Reader } from './reader-api';
import { listFileLinks } from './file-links';

/**
 * The content script, in two parts so that pages that are not reports pay (almost) nothing, plus the background:
 *
 * 1. this file (entrypoints/detector.ts → /detector.js) — declared for *.gov.cn in the manifest, or injected after
 *    a toolbar click elsewhere. It holds only the cheap detector (lib/detect.ts) and the message plumbing: no
 *    extractor, no zod, no webextension-polyfill (ext/page-runtime.ts).
 * 2. the reader (entrypoints/reader.ts → /reader.js, ext/reader-main.ts): reads the page (extractHtml) and draws
 *    highlights. It is injected by the background into the same isolated world only when a report is found or an
 *    audit is asked for, and hands itself over through a global of that world.
 * 3. the audit proper (validation, mapping, rules, the result) runs in the background service worker
 *    (ext/background-main.ts), off the page's main thread: the page sends it the Extraction.
 *
 * Performance measures `nianbao:detect` (here), `nianbao:extract` (in the reader) and `nianbao:send` (here:
 * serialising the extraction for the background) are visible to bench/content-script.ts through the page's
 * performance timeline.
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
        if (!r) throw new Error('the page reader could not be loaded into this page');
        return r;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  /** Read the page for the background (or say why not). */
  const read = async (force: boolean, fresh: boolean): Promise<ContentReply> => {
    // a PDF shown in the tab (Chromium's viewer): it is audited in the report view, not here
    if (isPdfDocument()) {
      return /^https?:/i.test(location.href)
        ? { kind: 'file', file: { url: location.href, kind: 'pdf' } }
        : { kind: 'failed', message: 'Only PDFs from http(s) addresses can be audited (this one is a local file).' };
    }
    const d = detect();
    if (!d.isReport && !force) return { kind: 'not-report', detect: d };
    try {
      return (await reader()).read(d, fresh);
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
        return msg ? read(msg.force, msg.fresh) : undefined;
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
    const reply = await read(false, false);
    const t0 = performance.now();
    const msg: FromContent = reply.kind === 'extracted' ? { type: 'page:extraction', page: reply.page } : { type: 'page:outcome', outcome: reply };
    api.runtime.sendMessage(msg).catch(() => undefined);
    measure('nianbao:send', t0); // serialising the extraction for the background
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
