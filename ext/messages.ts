import { z } from 'zod';
import { AuditResult } from '../lib/model/result';

/**
 * Every message between the extension's parts, as zod schemas: a message is parsed before it is used.
 *
 *   content script ──page:outcome──▶ background            (runtime.sendMessage; keyed by sender.tab.id)
 *   content script ──page:load-engine──▶ background        (the background injects /engine.js into sender.tab.id)
 *   popup ──tab:get / tab:audit──▶ background             (runtime.sendMessage; extension pages only)
 *   background ──content:audit──▶ content script          (tabs.sendMessage; the reply is a PageOutcome)
 *   popup ──content:highlight / content:clear──▶ content script (tabs.sendMessage)
 *
 * The page is untrusted: what the content script reads from it (titles, cell text, selectors) is data, rendered
 * only as text. The content script itself runs in the extension's isolated world, which the page cannot reach.
 */

export const Detect = z.object({
  isReport: z.boolean(),
  score: z.number().min(0).max(1),
  signals: z.array(z.string().max(80)).max(64),
});
export type Detect = z.infer<typeof Detect>;

/** What the content script found on its page. */
export const PageOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    detect: Detect,
    result: AuditResult,
    /** main-thread time of the audit in the page, ms */
    ms: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal('not-report'), detect: Detect }),
  z.object({ kind: z.literal('failed'), message: z.string().max(2000) }),
]);
export type PageOutcome = z.infer<typeof PageOutcome>;

/** content script → background: its page's outcome; or "load the engine into my page" */
export const FromContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:outcome'), outcome: PageOutcome }),
  z.object({ type: z.literal('page:load-engine') }),
]);
export type FromContent = z.infer<typeof FromContent>;

const TabId = z.number().int().nonnegative();

/** extension pages (popup, options) → background */
export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab:get'), tabId: TabId }),
  z.object({ type: z.literal('tab:audit'), tabId: TabId, force: z.boolean().default(false) }),
]);
export type ToBackground = z.input<typeof ToBackground>;

/** background / popup → content script */
export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content:ping') }),
  /** force: audit even when the page does not look like a report; fresh: do not reuse the last outcome */
  z.object({ type: z.literal('content:audit'), force: z.boolean().default(false), fresh: z.boolean().default(false) }),
  /** outline the evidence of these findings of the page's current result (ids, not selectors: the content script
   *  looks the sources up in its own result) */
  z.object({
    type: z.literal('content:highlight'),
    findingIds: z.array(z.string().max(400)).max(2000),
    scroll: z.boolean().default(true),
    lang: z.enum(['zh', 'en']).default('zh'),
  }),
  z.object({ type: z.literal('content:clear') }),
]);
export type ToContent = z.input<typeof ToContent>;

export const HighlightReply = z.object({ shown: z.number().int().nonnegative(), missing: z.number().int().nonnegative() });
export type HighlightReply = z.infer<typeof HighlightReply>;

/** What the background knows about a tab, as the popup sees it. */
export const TabState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('outcome'), outcome: PageOutcome, url: z.string().nullable(), at: z.string() }),
  z.object({
    kind: z.literal('error'),
    /** no-access: the extension may not run on this page (browser pages, the web store, no toolbar click) */
    code: z.enum(['no-access', 'failed']),
    message: z.string(),
  }),
]);
export type TabState = z.infer<typeof TabState>;
