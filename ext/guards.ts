import type { HighlightItem } from './highlight-items';

/**
 * Small hand-written checks of the messages the page side receives (content script, /reader.js). They accept the
 * shapes that the zod schemas of ext/messages.ts describe, without zod: zod and its schemas stay out of the page,
 * whose main thread would otherwise pay for building them (tens of ms on every report page).
 *
 * Only the extension's own pages and service worker can send these messages (sender.id is checked first); the
 * checks keep a malformed or oversized message from reaching the DOM code.
 */

export const MAX_HIGHLIGHT_ITEMS = 5000;
export const MAX_SELECTOR = 20_000;
/** The largest page the content script sends to be read (characters of outerHTML, ~24 MB as UTF-8). */
export const MAX_SNAPSHOT_CHARS = 8_000_000;
/** The longest expected text a highlight item carries (a cell's text). */
export const MAX_EXPECT = 2000;

const ROLES = new Set(['total', 'operand', 'cell', 'sentence', 'heading', 'label']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isOffset = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0);

function isRef(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.kind === 'html') return isStr(v.selector, MAX_SELECTOR) && isOffset(v.start) && isOffset(v.end);
  // text / pdf references never resolve in a page (resolveRef returns null): counted as missing
  return v.kind === 'text' || v.kind === 'pdf';
}

function isItem(v: unknown): v is HighlightItem {
  return (
    isObj(v) &&
    isRef(v.ref) &&
    typeof v.role === 'string' && ROLES.has(v.role) &&
    (v.key === undefined || isStr(v.key, 400)) &&
    (v.expect === undefined || isStr(v.expect, MAX_EXPECT)) &&
    isStr(v.findingId, 400) &&
    isStr(v.rule, 100) &&
    typeof v.severity === 'string' && SEVERITIES.has(v.severity) &&
    typeof v.review === 'boolean' &&
    isStr(v.label, 200)
  );
}

/** content:highlight → its items and scroll flag (scroll defaults to true); null when anything is malformed. */
export function parseHighlight(raw: unknown): { items: HighlightItem[]; scroll: boolean } | null {
  if (!isObj(raw) || raw.type !== 'content:highlight') return null;
  const { items, scroll } = raw;
  if (!Array.isArray(items) || items.length > MAX_HIGHLIGHT_ITEMS || !items.every(isItem)) return null;
  if (scroll !== undefined && typeof scroll !== 'boolean') return null;
  return { items, scroll: scroll ?? true };
}

/** content:audit → its flags (both default to false); null when malformed. */
export function parseAudit(raw: unknown): { force: boolean; fresh: boolean } | null {
  if (!isObj(raw) || raw.type !== 'content:audit') return null;
  const { force, fresh } = raw;
  if ((force !== undefined && typeof force !== 'boolean') || (fresh !== undefined && typeof fresh !== 'boolean')) return null;
  return { force: force === true, fresh: fresh === true };
}
