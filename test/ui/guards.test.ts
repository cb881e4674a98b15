import { describe, expect, it } from 'vitest';
import { parseAudit, parseHighlight } from '../../ext/guards';
import { itemsFor, labelFor } from '../../ext/highlight-items';
import { ToContent } from '../../ext/messages';
import { sampleResult } from './sample-result';

/**
 * The page side checks its messages with hand-written guards (no zod in the page): they must accept what the popup
 * sends (and what the zod schema of ext/messages.ts accepts), and refuse what it refuses.
 */
describe('page-side message guards', () => {
  const items = itemsFor(sampleResult().findings, (f) => labelFor(f, 'zh'));
  const msg = { type: 'content:highlight', items, scroll: false };

  it('accept the highlight items the popup builds from a result, like the zod schema', () => {
    expect(items.length).toBeGreaterThan(0);
    expect(ToContent.safeParse(msg).success).toBe(true);
    expect(parseHighlight(msg)).toEqual({ items, scroll: false });
    expect(parseHighlight({ type: 'content:highlight', items: [] })).toEqual({ items: [], scroll: true });
  });

  it('refuse malformed highlight messages, like the zod schema', () => {
    const bad: unknown[] = [
      null,
      'content:highlight',
      { type: 'content:highlight' },
      { type: 'content:highlight', items: 'x' },
      { type: 'content:highlight', items, scroll: 'yes' },
      { type: 'content:highlight', items: [{ ...items[0], role: 'other' }] },
      { type: 'content:highlight', items: [{ ...items[0], severity: 'fatal' }] },
      { type: 'content:highlight', items: [{ ...items[0], review: 1 }] },
      { type: 'content:highlight', items: [{ ...items[0], ref: { kind: 'html', selector: 1 } }] },
      { type: 'content:highlight', items: [{ ...items[0], ref: { kind: 'html', selector: 'html', start: -1 } }] },
      { type: 'content:highlight', items: [{ ...items[0], ref: { kind: 'css', selector: 'html' } }] },
      { type: 'content:highlight', items: [{ ...items[0], findingId: 'x'.repeat(401) }] },
      { type: 'content:highlight', items: Array.from({ length: 5001 }, () => items[0]) },
    ];
    for (const b of bad) {
      expect(parseHighlight(b), JSON.stringify(b)?.slice(0, 120)).toBeNull();
      expect(ToContent.safeParse(b).success, JSON.stringify(b)?.slice(0, 120)).toBe(false);
    }
  });

  it('read content:audit flags', () => {
    expect(parseAudit({ type: 'content:audit' })).toEqual({ force: false, fresh: false });
    expect(parseAudit({ type: 'content:audit', force: true, fresh: true })).toEqual({ force: true, fresh: true });
    expect(parseAudit({ type: 'content:audit', force: 'yes' })).toBeNull();
    expect(parseAudit({ type: 'content:clear' })).toBeNull();
  });
});
