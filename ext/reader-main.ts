import { extractHtml } from '../lib/extract/html';
import type { DetectResult } from '../lib/detect';
import { Highlighter } from './highlighter';
import { parseHighlight } from './guards';
import type { ContentReply, HighlightReply } from './messages';
import { READER, measure, type Reader } from './reader-api';

/**
 * The page's part of an audit, injected by the background (scripting.executeScript, /reader.js) into the content
 * script's isolated world when there is something to audit: it reads the page (lib/extract/html.ts extractHtml)
 * and draws highlights. Everything that does not need the DOM — validating the extraction, mapping it onto the
 * template, the rules, the result — runs in the background, off the page's main thread. No zod here (the
 * extraction types are imported as types only; messages are checked by ext/guards.ts).
 */
export function installReader(): void {
  const g = globalThis as unknown as Record<symbol, unknown>;
  if (g[READER]) return;

  let last: ContentReply | null = null;
  let highlighter: Highlighter | null = null;

  const reader: Reader = {
    read(detect: DetectResult, fresh: boolean): ContentReply {
      if (last && !fresh) return last;
      highlighter?.clear(); // the overlay must not be part of what is read
      try {
        const t0 = performance.now();
        const extraction = extractHtml(document, { uri: location.href });
        const ms = measure('nianbao:extract', t0);
        last = {
          kind: 'extracted',
          page: {
            detect,
            extraction: extraction as unknown as Record<string, unknown>,
            uri: location.href,
            title: document.title || null,
            ms: Math.round(ms * 10) / 10,
          },
        };
      } catch (e) {
        last = { kind: 'failed', message: (e instanceof Error ? e.message : String(e)).slice(0, 2000) };
      }
      return last;
    },

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
