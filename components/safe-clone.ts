import { resolveRef } from '../lib/extract/html';

/**
 * A safe copy of a document's content for display in an extension page (the report view of a Word file): the
 * structure (paragraphs, headings, lists, tables with their row and column spans) rebuilt with createElement and
 * text nodes only. No attribute is copied except rowspan/colspan (as small integers); links become plain text;
 * images, scripts, styles, forms and embedded content are dropped. Nothing is ever parsed as HTML here.
 *
 * `map` leads from each element of the source document to its copy (or the copy of its nearest kept ancestor),
 * so that a finding's source (a CSS selector into the source document) can be outlined in the copy.
 */

const KEEP = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'section', 'article', 'blockquote', 'pre',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'span', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'br', 'hr',
]);
/** dropped with everything inside */
const DROP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'img', 'svg', 'math', 'video', 'audio', 'canvas', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'head', 'title']);

export const MAX_CLONE_NODES = 200_000;

export interface SafeClone {
  root: HTMLElement;
  map: Map<Element, HTMLElement>;
  /** true when the copy stopped at MAX_CLONE_NODES */
  truncated: boolean;
}

export function safeClone(source: Element, target: Document, maxNodes = MAX_CLONE_NODES): SafeClone {
  const map = new Map<Element, HTMLElement>();
  const root = target.createElement('div');
  map.set(source, root);
  let count = 0;
  let truncated = false;

  const walk = (from: Node, into: HTMLElement) => {
    for (let n = from.firstChild; n; n = n.nextSibling) {
      if (++count > maxNodes) {
        truncated = true;
        return;
      }
      if (n.nodeType === 3) {
        into.appendChild(target.createTextNode(n.nodeValue ?? ''));
        continue;
      }
      if (n.nodeType !== 1) continue; // comments, processing instructions
      const el = n as Element;
      const tag = el.localName.toLowerCase();
      if (DROP.has(tag)) continue;
      if (!KEEP.has(tag)) {
        // a link or an unknown wrapper: its content, in the parent's copy
        map.set(el, into);
        walk(el, into);
        continue;
      }
      const copy = target.createElement(tag);
      if (tag === 'td' || tag === 'th') {
        for (const a of ['rowspan', 'colspan']) {
          const v = el.getAttribute(a);
          if (v && /^\d{1,3}$/.test(v.trim()) && +v > 1) copy.setAttribute(a, String(Math.min(+v, 1000)));
        }
      }
      map.set(el, copy);
      into.appendChild(copy);
      if (tag !== 'br' && tag !== 'hr') walk(el, copy);
    }
  };
  walk(source, root);
  return { root, map, truncated };
}

/** The copy of the element a CSS selector finds in the source document (null when it finds nothing). */
export function copyOf(sourceDoc: Document, map: Map<Element, HTMLElement>, selector: string): HTMLElement | null {
  // the extractor's own resolver of its references (never throws; null when nothing is there)
  const el: Element | null = resolveRef(sourceDoc, { kind: 'html', selector })?.element ?? null;
  for (let e = el; e; e = e.parentElement) {
    const c = map.get(e);
    if (c) return c;
  }
  return null;
}
