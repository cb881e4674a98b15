/** @jsxImportSource preact */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { HighlightItem } from '../ext/highlight-items';
import { copyOf, safeClone } from './safe-clone';
import { resolveRef } from '../lib/extract/html';
import type { Strings } from './i18n';

/**
 * A Word file in the report view: its text and tables rebuilt with DOM calls only (components/safe-clone.ts, never
 * innerHTML of the file's content), with the findings' cells and paragraphs outlined. The sources are CSS
 * selectors into the inert document that mammoth's HTML was parsed into (the document extractHtml read).
 */
export interface DocxViewProps {
  doc: Document;
  items: HighlightItem[];
  focus: string | null;
  onSelect: (findingId: string) => void;
  s: Strings;
}

/** How many of the items resolve to an element of the document (for "not found" notices). */
export function resolvableCount(doc: Document, items: HighlightItem[]): number {
  let n = 0;
  for (const it of items) {
    if (it.ref.kind === 'html' && resolveRef(doc, it.ref)) n++;
  }
  return n;
}

export function DocxView({ doc, items, focus, onSelect, s }: DocxViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const clone = useMemo(() => {
    const body = doc.body ?? doc.documentElement;
    return safeClone(body, document);
  }, [doc]);

  useEffect(() => {
    const el = host.current!;
    el.replaceChildren(clone.root);
    clone.root.className = 'docx-doc__content';
  }, [clone]);

  // outline the findings' sources in the copy
  useEffect(() => {
    const marked: HTMLElement[] = [];
    const labelled = new Set<string>();
    for (const it of items) {
      if (it.ref.kind !== 'html') continue;
      const el = copyOf(doc, clone.map, it.ref.selector);
      if (!el || el === clone.root) continue;
      el.classList.add('fmark');
      el.dataset.finding = it.findingId;
      el.dataset.rule = it.rule;
      el.dataset.role = it.role;
      el.dataset.severity = it.severity;
      if (it.review) el.dataset.review = '';
      else delete el.dataset.review;
      if (it.key) el.dataset.key = it.key;
      el.classList.toggle('is-focus', focus === it.findingId);
      if (!labelled.has(it.findingId) && it.label) {
        labelled.add(it.findingId);
        el.title = it.label; // our own text (the rule's id), set as text
      }
      marked.push(el);
    }
    host.current?.classList.toggle('has-focus', focus !== null);
    return () => {
      for (const el of marked) {
        el.classList.remove('fmark', 'is-focus');
        for (const k of ['finding', 'rule', 'role', 'severity', 'review', 'key']) delete el.dataset[k];
        el.removeAttribute('title');
      }
    };
  }, [items, focus, clone, doc]);

  return (
    <div class="docx-doc">
      <p class="docx-doc__note">{s.docxNote}</p>
      <div
        ref={host}
        class="docx-doc__host"
        onClick={(e) => {
          const t = (e.target as Element | null)?.closest?.('.fmark') as HTMLElement | null;
          if (t?.dataset.finding) onSelect(t.dataset.finding);
        }}
      />
    </div>
  );
}
