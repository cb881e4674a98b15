import type { DetectResult } from '../lib/detect';
import type { PageOutcome } from './messages';

/** The global (of the extension's isolated world in the page) through which /engine.js hands itself over. */
export const ENGINE = Symbol.for('nianbao-audit.engine');

/** What the engine script puts on that global. */
export interface Engine {
  /** audit the page (reuses the last outcome unless `fresh`) */
  audit(detect: DetectResult, fresh: boolean): PageOutcome;
  /** content:highlight / content:clear, validated by the engine */
  handle(msg: unknown): unknown;
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
