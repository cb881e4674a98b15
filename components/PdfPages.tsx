/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PdfDebugPage } from '../lib/extract/pdf';
import type { Grid } from '../lib/extract/types';
import type { AuditResult } from '../lib/model/result';
import type { HighlightItem } from '../ext/highlight-items';
import type { Strings } from './i18n';

/**
 * The pages of a PDF drawn by pdf.js on canvases (the report view), with the findings' sources outlined over them
 * and, on request, what the extractor detected (rulings, tables, cells: PdfDebugPage of lib/extract/pdf.ts).
 *
 * Boxes are in PDF units with a top-left origin (SourceRef pdf, PdfDebugPage), like pdf.js's viewport at scale 1;
 * they are placed in percent of the page, so they sit on the canvas whatever its size. Pages are drawn when they
 * come near the viewport.
 */

export interface PageSize {
  page: number;
  width: number;
  height: number;
}

export type RenderPage = (page: number, canvas: HTMLCanvasElement, cssScale: number) => Promise<void>;

export interface PdfPagesProps {
  pages: PageSize[];
  /** CSS pixels per PDF unit */
  scale: number;
  render: RenderPage | null;
  /** the sources to outline (pdf references only are drawn) */
  items: HighlightItem[];
  /** the finding whose boxes are in focus (labelled, others dimmed) */
  focus: string | null;
  onSelect: (findingId: string) => void;
  debug: PdfDebugPage[] | null;
  showDebug: boolean;
  /** for the debug view: what each detected cell was read as */
  cellInfo: CellInfo | null;
  s: Strings;
}

export function PdfPages(props: PdfPagesProps) {
  const byPage = new Map<number, HighlightItem[]>();
  for (const it of props.items) {
    if (it.ref.kind !== 'pdf') continue;
    let l = byPage.get(it.ref.page);
    if (!l) byPage.set(it.ref.page, (l = []));
    l.push(it);
  }
  const labelled = labelTargets(props.items);
  const debugByPage = new Map((props.debug ?? []).map((d) => [d.page, d]));
  return (
    <div class="pdf-pages" data-scale={props.scale}>
      {props.pages.map((p) => (
        <PdfPage
          key={p.page}
          size={p}
          scale={props.scale}
          render={props.render}
          items={byPage.get(p.page) ?? []}
          labelled={labelled}
          focus={props.focus}
          onSelect={props.onSelect}
          debug={props.showDebug ? debugByPage.get(p.page) ?? null : null}
          cellInfo={props.cellInfo}
          s={props.s}
        />
      ))}
    </div>
  );
}

/** One label per finding, on the box a click scrolls to: its total, else a table cell, else its first source. */
function labelTargets(items: HighlightItem[]): Set<HighlightItem> {
  const rank = (it: HighlightItem) => (it.role === 'total' ? 0 : it.role === 'cell' ? 1 : 2);
  const at = new Map<string, HighlightItem>();
  for (const it of items) {
    if (it.ref.kind !== 'pdf' || !it.label) continue;
    const cur = at.get(it.findingId);
    if (!cur || rank(it) < rank(cur)) at.set(it.findingId, it);
  }
  return new Set(at.values());
}

const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(4)}%`;

function PdfPage(props: {
  size: PageSize;
  scale: number;
  render: RenderPage | null;
  items: HighlightItem[];
  labelled: Set<HighlightItem>;
  focus: string | null;
  onSelect: (findingId: string) => void;
  debug: PdfDebugPage | null;
  cellInfo: CellInfo | null;
  s: Strings;
}) {
  const { size, scale, render, items, labelled, focus, onSelect, debug, s } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const section = useRef<HTMLElement>(null);
  const [state, setState] = useState<'waiting' | 'drawing' | 'drawn' | 'failed'>('waiting');

  useEffect(() => {
    if (!render || state !== 'waiting') return;
    const draw = () => {
      setState('drawing');
      render(size.page, canvas.current!, scale).then(
        () => setState('drawn'),
        () => setState('failed'),
      );
    };
    if (typeof IntersectionObserver === 'undefined') {
      draw();
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          draw();
        }
      },
      { rootMargin: '1200px 0px' },
    );
    io.observe(section.current!);
    return () => io.disconnect();
  }, [render, state]);

  const w = size.width, h = size.height;
  return (
    <section
      ref={section}
      class="pdf-page"
      data-page={size.page}
      data-state={state}
      data-width={w}
      data-height={h}
      style={{ width: `${Math.round(w * scale)}px`, height: `${Math.round(h * scale)}px` }}
      aria-label={s.pageLabel(size.page)}
    >
      <canvas ref={canvas} class="pdf-page__canvas" />
      {debug ? <DebugLayer page={debug} cellInfo={props.cellInfo} s={s} /> : null}
      <div class={`pdf-page__boxes${focus ? ' has-focus' : ''}`}>
        {items.map((it, i) => {
          const r = it.ref.kind === 'pdf' ? it.ref : null;
          if (!r) return null;
          const [x0, y0, x1, y1] = r.box;
          return (
            <div
              key={`${it.findingId}:${i}`}
              class={`fbox${focus === it.findingId ? ' is-focus' : ''}`}
              data-finding={it.findingId}
              data-rule={it.rule}
              data-role={it.role}
              data-severity={it.severity}
              data-key={it.key}
              data-review={it.review ? '' : undefined}
              data-box={r.box.join(',')}
              title={it.key ? `${it.label} · ${it.key}` : it.label}
              style={{ left: pct(x0, w), top: pct(y0, h), width: pct(x1 - x0, w), height: pct(y1 - y0, h) }}
              onClick={() => onSelect(it.findingId)}
            >
              {labelled.has(it) && (focus === null || focus === it.findingId) ? <span class="fbox__label">{it.label}</span> : null}
            </div>
          );
        })}
      </div>
      <span class="pdf-page__no">{s.pageLabel(size.page)}</span>
    </section>
  );
}

/** What the debug layer says about a detected cell: where it went and the text read in it. */
export interface CellInfo {
  get(page: number, box: [number, number, number, number]): string | null;
}

/** Cells as read (the extraction's grids) and their template keys (the report's cells), by page and box. */
export function cellInfoOf(grids: Grid[], result: AuditResult | null): CellInfo {
  const keys = new Map<string, string[]>();
  for (const [key, c] of Object.entries(result?.report?.cells ?? {})) {
    if (c.source?.kind !== 'pdf') continue;
    const k = boxKey(c.source.page, c.source.box);
    keys.set(k, [...(keys.get(k) ?? []), key]);
  }
  const byPage = new Map<number, { box: [number, number, number, number]; text: string }[]>();
  for (const g of grids) {
    for (const c of g.cells) {
      if (c.source.kind !== 'pdf') continue;
      const k = boxKey(c.source.page, c.source.box);
      const text = `grid ${g.index} · r${c.row + 1}c${c.col + 1}: “${c.raw}”${keys.has(k) ? ` → ${keys.get(k)!.join(', ')}` : ''}`;
      let l = byPage.get(c.source.page);
      if (!l) byPage.set(c.source.page, (l = []));
      l.push({ box: c.source.box, text });
    }
  }
  return {
    get(page, box) {
      let best: string | null = null;
      let bestD = 2; // PDF units: the same cell, rounded differently
      for (const c of byPage.get(page) ?? []) {
        const d = Math.max(...c.box.map((v, i) => Math.abs(v - box[i]!)));
        if (d < bestD) {
          bestD = d;
          best = c.text;
        }
      }
      return best;
    },
  };
}

function boxKey(page: number, box: readonly number[]): string {
  return `${page}|${box.map((v) => Math.round(v)).join(',')}`;
}

/** Rulings (lines), table boxes and cell boxes of one page, in PDF units (an SVG stretched over the page). */
function DebugLayer({ page, cellInfo, s }: { page: PdfDebugPage; cellInfo: CellInfo | null; s: Strings }) {
  return (
    <>
      <svg class="pdf-debug" viewBox={`0 0 ${page.width} ${page.height}`} preserveAspectRatio="none" aria-hidden="true">
        {page.tables.map((t, i) => (
          <rect key={`t${i}`} class={`pdf-debug__table pdf-debug__table--${t.kind}`} x={t.box[0]} y={t.box[1]} width={t.box[2] - t.box[0]} height={t.box[3] - t.box[1]} />
        ))}
        {page.cells.map((c, i) => (
          <rect key={`c${i}`} class="pdf-debug__cell" data-grid={c.grid} x={c.box[0]} y={c.box[1]} width={c.box[2] - c.box[0]} height={c.box[3] - c.box[1]}>
            <title>{cellInfo?.get(page.page, c.box) ?? `grid ${c.grid}`}</title>
          </rect>
        ))}
        {page.segments.map((g, i) => {
          const [x0, y0, x1, y1] = g.box;
          return g.o === 'h' ? (
            <line key={`s${i}`} class={`pdf-debug__ruling pdf-debug__ruling--${g.src}`} data-o="h" x1={x0} x2={x1} y1={(y0 + y1) / 2} y2={(y0 + y1) / 2} />
          ) : (
            <line key={`s${i}`} class={`pdf-debug__ruling pdf-debug__ruling--${g.src}`} data-o="v" x1={(x0 + x1) / 2} x2={(x0 + x1) / 2} y1={y0} y2={y1} />
          );
        })}
      </svg>
      <p class="pdf-debug__stats" data-field="debug-stats">
        {s.debugStats(page.segments.length, page.tables.length, page.cells.length, page.words)}
      </p>
    </>
  );
}
