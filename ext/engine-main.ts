import { auditDocument } from '../lib/audit';
import type { AuditResult, Finding } from '../lib/model/result';
import type { DetectResult } from '../lib/detect';
import { Highlighter, itemsFor } from './highlighter';
import { ToContent, type HighlightReply, type PageOutcome } from './messages';
import { ENGINE, measure, type Engine } from './engine-api';

/**
 * The audit engine in the page: injected by the background (scripting.executeScript, /engine.js) into the
 * content script's isolated world when there is something to audit. Keeps the page's last result so that the
 * popup can name findings by id when it asks for highlights.
 */
export function installEngine(): void {
  const g = globalThis as unknown as Record<symbol, unknown>;
  if (g[ENGINE]) return;

  let outcome: PageOutcome | null = null;
  let result: AuditResult | null = null;
  let highlighter: Highlighter | null = null;

  const engine: Engine = {
    audit(detect: DetectResult, fresh: boolean): PageOutcome {
      if (outcome && !fresh) return outcome;
      highlighter?.clear(); // the overlay must not be part of what is read
      try {
        const t0 = performance.now();
        const r = auditDocument(document, { uri: location.href, title: document.title || null });
        const ms = measure('nianbao:audit', t0);
        result = r;
        outcome = { kind: 'result', detect, result: r, ms: Math.round(ms * 10) / 10 };
      } catch (e) {
        outcome = { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
      }
      return outcome;
    },

    handle(raw: unknown): unknown {
      const parsed = ToContent.safeParse(raw);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      if (msg.type === 'content:clear') {
        highlighter?.clear();
        return { shown: 0, missing: 0 } satisfies HighlightReply;
      }
      if (msg.type !== 'content:highlight') return undefined;
      if (!result) return { shown: 0, missing: msg.findingIds.length } satisfies HighlightReply;
      const wanted = new Set(msg.findingIds);
      const findings = result.findings.filter((f) => wanted.has(f.id));
      highlighter ??= new Highlighter(document);
      return highlighter.show(itemsFor(findings, (f) => labelFor(f, msg.lang)), { scroll: msg.scroll }) satisfies HighlightReply;
    },
  };
  g[ENGINE] = engine;
}

function labelFor(f: Finding, lang: 'zh' | 'en'): string {
  const review = f.outcome === 'needs-review' ? (lang === 'zh' ? ' · 需复核' : ' · review') : '';
  return `${f.rule}${review}`;
}
