import { z } from 'zod';
import { AuditResult } from '../lib/model/result';
import { MAX_HIGHLIGHT_ITEMS, MAX_SELECTOR, MAX_SNAPSHOT_CHARS, MAX_EXPECT } from './guards';
import { MAX_FILE_LINKS, MAX_LINK_TEXT, MAX_LINK_URL } from './file-links';

/**
 * Every message between the extension's parts, as zod schemas: a message is parsed before it is used, in the
 * background and the popup. The page side (content script and /reader.js) carries no zod: it checks what it
 * receives with the small hand-written guards of ext/guards.ts, which accept the same shapes.
 *
 *   content script ──page:snapshot──▶ background            (runtime.sendMessage; keyed by sender.tab.id: the
 *                                                             background reads the page's DOM, audits it and records it)
 *   content script ──page:outcome──▶ background             (not a report / reading failed; never a result)
 *   content script ──page:load-reader──▶ background         (the background injects /reader.js, the highlighter,
 *                                                             into sender.tab.id)
 *   popup ──tab:get / tab:audit──▶ background              (runtime.sendMessage; extension pages only)
 *   background ──content:audit──▶ content script           (tabs.sendMessage; the reply is a ContentReply)
 *   popup ──content:highlight / content:clear──▶ content script (tabs.sendMessage)
 *   popup ──content:links──▶ content script             (the PDF / .docx files the page links to; a FileLinks reply)
 *
 * The page is untrusted: what the content script reads from it (titles, cell text, selectors) is data, rendered
 * only as text. The content script itself runs in the extension's isolated world, which the page cannot reach;
 * still, it only ever sends the page itself (a snapshot), and the audit result is made by the background.
 */

export const Detect = z.object({
  isReport: z.boolean(),
  score: z.number().min(0).max(1),
  signals: z.array(z.string().max(80)).max(64),
});
export type Detect = z.infer<typeof Detect>;

/** An http(s) URL of a file to audit in the report view (entrypoints/report). */
export const FileUrl = z
  .string()
  .max(MAX_LINK_URL)
  .refine((u) => /^https?:\/\//i.test(u), 'not an http(s) URL');

export const FileKind = z.enum(['pdf', 'docx']);

/** A PDF or .docx link of a page (ext/file-links.ts); its text is the link's text, shown as text only. */
export const FileLink = z.object({ url: FileUrl, text: z.string().max(MAX_LINK_TEXT), kind: FileKind });
export type FileLink = z.infer<typeof FileLink>;

/** The reply of a content script to content:links. */
export const FileLinksReply = z.object({ links: z.array(FileLink).max(MAX_FILE_LINKS) });

/** The tab shows a file (a PDF opened in the tab): it is audited in the report view, not in the page. */
const FileNote = z.object({ kind: z.literal('file'), file: z.object({ url: FileUrl, kind: FileKind }) });

/** What is known about a tab's page: the background's audit of what its content script read, or why there is none. */
export const PageOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    detect: Detect,
    result: AuditResult,
    /** main-thread time of the page's part (the snapshot of its DOM), ms; reading and auditing run in the background */
    ms: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal('not-report'), detect: Detect }),
  z.object({ kind: z.literal('failed'), message: z.string().max(2000) }),
  FileNote,
]);
export type PageOutcome = z.infer<typeof PageOutcome>;

/** The outcomes a content script may report by itself: never a result (results are made by the background). */
export const PageNote = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-report'), detect: Detect }),
  z.object({ kind: z.literal('failed'), message: z.string().max(2000) }),
  FileNote,
]);
export type PageNote = z.infer<typeof PageNote>;

/**
 * The page as it is now, for the background to read and audit: its serialised DOM
 * (`document.documentElement.outerHTML`, one native call in the page) and its identity. The background parses it
 * off the page's main thread (lib/extract/html-string.ts) and runs the extractor and the audit there; the selectors
 * of that reading find the same elements in the live page (test/e2e/snapshot.test.ts), and the highlighter checks
 * a cell's text before outlining it.
 */
export const PageSnapshot = z.object({
  detect: Detect,
  html: z.string().max(MAX_SNAPSHOT_CHARS),
  uri: z.string().max(8192).nullable(),
  title: z.string().max(2000).nullable(),
  /** main-thread time of taking the snapshot (serialising the DOM), ms */
  ms: z.number().nonnegative(),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/** The reply of a content script to content:audit. */
export const ContentReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), page: PageSnapshot }),
  ...PageNote.options,
]);
export type ContentReply = z.infer<typeof ContentReply>;

/** content script → background: what its page holds; a note (not a report, failed); or "load the reader into my page" */
export const FromContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:snapshot'), page: PageSnapshot }),
  z.object({ type: z.literal('page:outcome'), outcome: PageNote }),
  z.object({ type: z.literal('page:load-reader') }),
]);
export type FromContent = z.infer<typeof FromContent>;

const TabId = z.number().int().nonnegative();

/** extension pages (popup, options) → background */
export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tab:get'), tabId: TabId }),
  z.object({ type: z.literal('tab:audit'), tabId: TabId, force: z.boolean().default(false) }),
]);
export type ToBackground = z.input<typeof ToBackground>;

const Role = z.enum(['total', 'operand', 'cell', 'sentence', 'heading', 'label']);
const Severity = z.enum(['error', 'warning', 'info']);

/** One source to outline (ext/highlight-items.ts HighlightItem); ext/guards.ts checks the same shape in the page. */
export const HighlightItem = z.object({
  ref: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('html'),
      selector: z.string().max(MAX_SELECTOR),
      start: z.number().int().nonnegative().optional(),
      end: z.number().int().nonnegative().optional(),
    }),
    // text / pdf references never resolve in a page; they are counted as missing
    z.object({ kind: z.enum(['text', 'pdf']) }).passthrough(),
  ]),
  role: Role,
  key: z.string().max(400).optional(),
  expect: z.string().max(MAX_EXPECT).optional(),
  findingId: z.string().max(400),
  rule: z.string().max(100),
  severity: Severity,
  review: z.boolean(),
  label: z.string().max(200),
});

/** background / popup → content script */
export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('content:ping') }),
  /** force: read the page even when it does not look like a report; fresh: do not reuse the last reading */
  z.object({ type: z.literal('content:audit'), force: z.boolean().default(false), fresh: z.boolean().default(false) }),
  /** outline these sources (the popup builds them from the tab's result: the page keeps no result) */
  z.object({
    type: z.literal('content:highlight'),
    items: z.array(HighlightItem).max(MAX_HIGHLIGHT_ITEMS),
    scroll: z.boolean().default(true),
  }),
  z.object({ type: z.literal('content:clear') }),
  /** list the PDF / .docx files the page links to (done only when asked: pages pay nothing for it) */
  z.object({ type: z.literal('content:links') }),
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
