import type { HighlightReply } from './messages';

/** The global (of the extension's isolated world in the page) through which /reader.js hands itself over. */
export const READER = Symbol.for('nianbao-audit.reader');

/** What the reader script (the highlighter) puts on that global. */
export interface Reader {
  /** content:highlight / content:clear, checked by ext/guards.ts; undefined for a malformed message */
  handle(msg: unknown): HighlightReply | undefined;
}

/** performance.measure with a fallback; returns the duration in ms. */
export function measure(name: string, start: number): number {
  const end = performance.now();
  try {
    performance.measure(name, { start, end });
  } catch {
    /* old engines: the timing is still returned */
  }
  return end - start;
}
