import { parseHTML } from 'linkedom';
import { extractHtml } from './html';
import type { Extraction } from './types';

/**
 * HTML source text → a DOM, with linkedom: a small pure-JavaScript DOM that runs anywhere (Node for the CLI and the
 * tests, the extension's service worker, which has no DOMParser). lib/extract/html.ts reads it like a browser's DOM
 * (it uses only what both provide; tests compare the two).
 */
export function parseHtmlString(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/**
 * Extract from a page's serialised DOM (`document.documentElement.outerHTML`). The extension reads a live page this
 * way: the page only serialises itself (one native call), and the reading happens off the page's main thread.
 * Serialising a parsed DOM and parsing it again gives the same tree, so the selectors written here find the same
 * elements in the live page (test/e2e/snapshot.test.ts compares both readings on every fixture page).
 */
export function extractHtmlString(html: string, opts: { uri?: string } = {}): Extraction {
  return extractHtml(parseHtmlString(html), opts);
}
