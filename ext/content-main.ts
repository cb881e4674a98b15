import { browser } from 'wxt/browser';
import { detectReport, type DetectResult } from '../lib/detect';
import type { FromContent, PageOutcome } from './messages';
import { ENGINE, measure, type Engine } from './engine-api';

/**
 * The content script, in two parts so that pages that are not reports pay (almost) nothing:
 *
 * 1. this file — declared for *.gov.cn in the manifest, or injected after a toolbar click elsewhere. It holds only
 *    the cheap detector (lib/detect.ts) and the message plumbing: no engine, no zod.
 * 2. the engine (entrypoints/engine.ts → /engine.js, ext/engine-main.ts): the audit, the highlighter and the
 *    validation of messages. It is injected by the background into the same isolated world only when a report is
 *    found or an audit is asked for, and hands itself over through a global of that world.
 *
 * Performance measures `nianbao:detect` (here) and `nianbao:audit` (in the engine) are visible to
 * bench/content-script.ts through the page's performance timeline.
 */

/** Hosts where reports are audited by themselves (the manifest match). */
export const AUTO_HOST = /(^|\.)gov\.cn$/i;

const STARTED = Symbol.for('nianbao-audit.content');

type G = Record<symbol, unknown>;

export function startContent(): void {
  const g = globalThis as unknown as G;
  if (g[STARTED]) return; // injected again into a page that already has it
  g[STARTED] = true;

  let detected: DetectResult | null = null;
  const detect = (): DetectResult => {
    if (!detected) {
      const t0 = performance.now();
      detected = detectReport(document);
      measure('nianbao:detect', t0);
    }
    return detected;
  };

  let loading: Promise<Engine> | null = null;
  const engine = (): Promise<Engine> => {
    const have = g[ENGINE] as Engine | undefined;
    if (have) return Promise.resolve(have);
    loading ??= browser.runtime
      .sendMessage({ type: 'page:load-engine' } satisfies FromContent)
      .then(() => {
        const e = g[ENGINE] as Engine | undefined;
        if (!e) throw new Error('the audit engine could not be loaded into this page');
        return e;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  const audit = async (force: boolean, fresh: boolean): Promise<PageOutcome> => {
    const d = detect();
    if (!d.isReport && !force) return { kind: 'not-report', detect: d };
    try {
      return (await engine()).audit(d, fresh);
    } catch (e) {
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    // only the extension's own pages and service worker talk to content scripts
    if (sender.id !== browser.runtime.id || !raw || typeof raw !== 'object') return undefined;
    const msg = raw as { type?: unknown; force?: unknown; fresh?: unknown };
    switch (msg.type) {
      case 'content:ping':
        return Promise.resolve({ ok: true });
      case 'content:audit':
        return audit(msg.force === true, msg.fresh === true);
      case 'content:highlight':
      case 'content:clear': {
        const e = g[ENGINE] as Engine | undefined;
        // no engine: nothing was audited here, so there is nothing to show or clear
        return Promise.resolve(e ? e.handle(raw) : { shown: 0, missing: 0 });
      }
      default:
        return undefined;
    }
  });

  // On portal hosts only: recognise a report by itself. Other pages stop here.
  if (!AUTO_HOST.test(location.hostname)) return;
  if (!detect().isReport) return;
  void autoAuditEnabled().then(async (on) => {
    if (!on) return;
    const outcome = await audit(false, false);
    const t0 = performance.now();
    browser.runtime.sendMessage({ type: 'page:outcome', outcome } satisfies FromContent).catch(() => undefined);
    measure('nianbao:send', t0); // serialising the result for the background
  });
}

/** The auto-audit option, read without the settings schema (zod stays out of this script). */
async function autoAuditEnabled(): Promise<boolean> {
  try {
    const got = await browser.storage.sync.get('settings');
    const s = got.settings as { autoAudit?: unknown } | undefined;
    return s?.autoAudit !== false;
  } catch {
    return true;
  }
}
