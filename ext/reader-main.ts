import { Highlighter } from './highlighter';
import { parseHighlight } from './guards';
import type { HighlightReply } from './messages';
import { READER, type Reader } from './reader-api';

/**
 * The page's highlighter (/reader.js), injected by the background into the content script's isolated world the
 * first time the popup asks to outline something. Reading the page does not need it: the content script sends a
 * snapshot of the DOM, which the background reads (ext/content-main.ts). Messages are checked by ext/guards.ts
 * (no zod in the page).
 */
export function installReader(): void {
  const g = globalThis as unknown as Record<symbol, unknown>;
  if (g[READER]) return;

  let highlighter: Highlighter | null = null;

  const reader: Reader = {
    handle(raw: unknown): HighlightReply | undefined {
      const type = (raw as { type?: unknown } | null)?.type;
      if (type === 'content:clear') {
        highlighter?.clear();
        return { shown: 0, missing: 0 };
      }
      const msg = parseHighlight(raw);
      if (!msg) return undefined;
      highlighter ??= new Highlighter(document);
      return highlighter.show(msg.items, { scroll: msg.scroll });
    },
  };
  g[READER] = reader;
}
