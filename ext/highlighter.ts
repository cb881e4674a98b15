import { resolveRef } from '../lib/extract/html';
import type { HighlightItem } from './highlight-items';

export { itemsFor, type HighlightItem } from './highlight-items';

/**
 * Outlines the evidence of findings on the live page without touching the page's content or layout.
 *
 * - Boxes and labels live in an overlay: one fixed, pointer-events-free element appended to
 *   document.documentElement, with a shadow root holding the boxes. Boxes are placed from
 *   getBoundingClientRect() of the resolved element (or of a sentence's range) and placed again on scroll
 *   (capture: inner scrolling containers too) and resize.
 * - Sentences (a SourceRef with text offsets) are also painted with the CSS Custom Highlight API,
 *   `::highlight(nianbao-audit)`. That pseudo-element is styled from the page's own style sheets only, so a single
 *   <style> with that one rule is added to the page while highlights are shown. Without the API (older
 *   Firefox), boxes are drawn over the range's client rects instead.
 * - `clear()` removes the overlay, the highlight registration and the <style>.
 *
 * Sources are found with lib/extract/html.ts `resolveRef` only: the same references the extractor wrote.
 */

export const OVERLAY_TAG = 'nianbao-audit-overlay';
export const HIGHLIGHT_NAME = 'nianbao-audit';
const STYLE_ID = 'nianbao-audit-highlight-style';

type Target = { item: HighlightItem; element: Element; range?: Range };

const CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; overflow: hidden; }
.box {
  position: absolute; box-sizing: border-box; pointer-events: none; border-radius: 2px;
  --c: #c62828; --f: rgba(198, 40, 40, .10);
  border: 2px solid var(--c); background: var(--f);
}
.box[data-severity="warning"] { --c: #e65100; --f: rgba(230, 81, 0, .10); }
.box[data-severity="info"] { --c: #1565c0; --f: rgba(21, 101, 192, .08); }
.box[data-role="total"] { border-width: 3px; background: var(--f); box-shadow: 0 0 0 2px rgba(255,255,255,.85), 0 0 10px 2px var(--c); }
.box[data-role="operand"] { border-style: dashed; background: transparent; }
.box[data-role="sentence"] { border-width: 0 0 2px 0; background: rgba(255, 213, 79, .35); border-radius: 0; }
.box[data-role="sentence"][data-painted] { border: 1px dashed var(--c); background: transparent; border-radius: 3px; }
.box[data-role="heading"], .box[data-role="label"] { border-style: dotted; }
.box[data-review] { border-style: dashed; }
.box.pulse:not([data-role="operand"]) { animation: pulse 1.1s ease-out 2; }
@keyframes pulse { 50% { box-shadow: 0 0 0 6px rgba(255,255,255,0), 0 0 18px 6px var(--c); } }
.label {
  position: absolute; left: -2px; bottom: 100%; margin-bottom: 2px; white-space: nowrap;
  font: 600 11px/16px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #fff;
  background: var(--c); padding: 0 5px; border-radius: 3px 3px 3px 0;
}
.box.label-below .label { bottom: auto; top: 100%; margin: 2px 0 0; }
`;

/** Does the element's text still hold the expected text (whitespace aside)? Hidden extra text is tolerated. */
function holds(el: Element, expect: string): boolean {
  const want = expect.replace(/[\s\u00a0\u3000]+/g, '');
  return (el.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, '').includes(want);
}

export class Highlighter {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private targets: Array<{ t: Target; boxes: HTMLElement[]; labelled: boolean }> = [];
  private frame = 0;
  private readonly onMove = () => this.schedule();

  constructor(private readonly doc: Document) {}

  /** Items currently drawn (for tests and for `clear` decisions). */
  get count(): number {
    return this.targets.length;
  }

  /** Replace whatever is shown by these items. Returns how many sources were found on the page. */
  show(items: HighlightItem[], opts: { scroll?: boolean } = {}): { shown: number; missing: number } {
    this.clear();
    const found: Target[] = [];
    let missing = 0;
    for (const item of items) {
      const r = resolveRef(this.doc, item.ref);
      if (!r || (item.expect !== undefined && !holds(r.element, item.expect))) {
        missing++;
        continue;
      }
      found.push({ item, element: r.element, ...(r.range ? { range: r.range } : {}) });
    }
    if (!found.length) return { shown: 0, missing };

    this.mount();
    const ranges = found.filter((t) => t.range).map((t) => t.range!);
    const painted = ranges.length > 0 && this.paintRanges(ranges);
    // one label per finding, on its total source, else on its first
    const labelAt = new Map<string, Target>();
    for (const t of found) {
      const cur = labelAt.get(t.item.findingId);
      if (!cur || (t.item.role === 'total' && cur.item.role !== 'total')) labelAt.set(t.item.findingId, t);
    }
    for (const t of found) this.targets.push({ t, boxes: [], labelled: labelAt.get(t.item.findingId) === t });
    try {
      if (opts.scroll) this.scrollTo(found);
      this.place(painted);
    } catch (e) {
      this.clear();
      throw e;
    }
    for (const { boxes } of this.targets) for (const b of boxes) b.classList.add('pulse');
    this.doc.defaultView?.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    this.doc.defaultView?.addEventListener('resize', this.onMove, { passive: true });
    return { shown: found.length, missing };
  }

  clear(): void {
    const win = this.doc.defaultView;
    win?.removeEventListener('scroll', this.onMove, { capture: true });
    win?.removeEventListener('resize', this.onMove);
    if (this.frame) win?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.targets = [];
    this.host?.remove();
    this.host = null;
    this.layer = null;
    const highlights = highlightRegistry(win);
    highlights?.delete(HIGHLIGHT_NAME);
    this.doc.getElementById(STYLE_ID)?.remove();
  }

  private mount(): void {
    const host = this.doc.createElement(OVERLAY_TAG);
    // inline, so that no page rule on unknown elements can give the host a box of its own
    host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;');
    const root = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    const layer = this.doc.createElement('div');
    layer.className = 'layer';
    root.append(style, layer);
    this.doc.documentElement.appendChild(host);
    this.host = host;
    this.layer = layer;
  }

  /** Paint sentence ranges with the CSS Custom Highlight API; false when the API is missing. */
  private paintRanges(ranges: Range[]): boolean {
    const win = this.doc.defaultView as (Window & { Highlight?: new (...r: Range[]) => unknown }) | null;
    const registry = highlightRegistry(win);
    if (!registry || !win?.Highlight) return false;
    registry.set(HIGHLIGHT_NAME, new win.Highlight(...ranges));
    if (!this.doc.getElementById(STYLE_ID)) {
      const style = this.doc.createElement('style');
      style.id = STYLE_ID;
      style.textContent = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 213, 79, .6); color: inherit; }`;
      (this.doc.head ?? this.doc.documentElement).appendChild(style);
    }
    return true;
  }

  private scrollTo(found: Target[]): void {
    const first = found.find((t) => t.item.role === 'total') ?? found[0]!;
    try {
      first.element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
    } catch {
      first.element.scrollIntoView();
    }
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (!win || this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.place(this.doc.getElementById(STYLE_ID) !== null);
    });
  }

  /** (Re)draw every box from the current layout. */
  private place(painted: boolean): void {
    const layer = this.layer;
    if (!layer) return;
    for (const entry of this.targets) {
      const { item, element, range } = entry.t;
      const rects = range ? sentenceRects(range, element, painted) : [element.getBoundingClientRect()];
      while (entry.boxes.length > rects.length) entry.boxes.pop()!.remove();
      rects.forEach((rect, i) => {
        let box = entry.boxes[i];
        if (!box) {
          box = this.doc.createElement('div');
          box.className = 'box';
          box.dataset.role = item.role;
          box.dataset.severity = item.severity;
          box.dataset.finding = item.findingId;
          box.dataset.rule = item.rule;
          if (item.key) box.dataset.key = item.key;
          if (item.review) box.dataset.review = '';
          if (range && painted) box.dataset.painted = '';
          if (i === 0 && entry.labelled && item.label) {
            const label = this.doc.createElement('span');
            label.className = 'label';
            label.textContent = item.label;
            box.appendChild(label);
          }
          layer.appendChild(box);
          entry.boxes[i] = box;
        }
        box.style.left = `${rect.left}px`;
        box.style.top = `${rect.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        box.classList.toggle('label-below', rect.top < 20);
      });
    }
  }
}

/** The boxes for a sentence: one outline around the whole range when it is painted, else one per line box. */
function sentenceRects(range: Range, element: Element, painted: boolean): DOMRect[] {
  if (typeof range.getClientRects !== 'function') return [element.getBoundingClientRect()]; // DOMs without layout
  if (painted) return [range.getBoundingClientRect()];
  const list = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  return list.length ? list : [range.getBoundingClientRect()];
}

function highlightRegistry(win: Window | null | undefined): Map<string, unknown> | null {
  const css = (win as unknown as { CSS?: { highlights?: Map<string, unknown> } } | null)?.CSS;
  return css?.highlights ?? null;
}
