import type { SourceRef } from '../source/ref';
import type { Grid, GridCell } from './types';
import { normalizeCellText } from '../normalize/text';

/** One cell as a source presents it, before spans are resolved. */
export interface RawCell {
  raw: string;
  rowSpan?: number;
  colSpan?: number;
  source: SourceRef;
}

/** Limits that keep hostile markup (colspan="100000", 10,000-row tables) cheap. */
export const GRID_LIMITS = {
  /** HTML caps colspan at 1000; we cap the whole width there too */
  maxCols: 1000,
  /** HTML caps rowspan at 65534 */
  maxRowSpan: 65534,
  /** total slots kept for one table */
  maxSlots: 2_000_000,
} as const;

/**
 * Resolve row and column spans into a grid in which every covered slot knows its origin
 * cell (the HTML table model, as in axe-core's getCellGrid). A cell is placed in the first
 * free slot of its row; a rowspan reserves the slots below. `rowspan="0"` spans to the end.
 */
export function buildGrid(
  rows: RawCell[][],
  opts: { index: number; source: SourceRef; layout?: Grid['layout']; confidence?: number },
): { grid: Grid; truncated: boolean } {
  const cells: GridCell[] = [];
  const slots: number[][] = [];
  let cols = 0;
  let truncated = false;
  let budget: number = GRID_LIMITS.maxSlots;
  const nRows = rows.length;

  for (let r = 0; r < nRows; r++) {
    const line = (slots[r] ??= []);
    let c = 0;
    for (const rc of rows[r]!) {
      while (line[c] !== undefined) c++;
      if (c >= GRID_LIMITS.maxCols) { truncated = true; break; }
      let colSpan = clampSpan(rc.colSpan, GRID_LIMITS.maxCols);
      let rowSpan = rc.rowSpan === 0 ? nRows - r : clampSpan(rc.rowSpan, GRID_LIMITS.maxRowSpan);
      if (c + colSpan > GRID_LIMITS.maxCols) { colSpan = GRID_LIMITS.maxCols - c; truncated = true; }
      if (r + rowSpan > nRows) rowSpan = nRows - r;
      if (rowSpan * colSpan > budget) { truncated = true; rowSpan = 1; colSpan = Math.max(1, Math.min(colSpan, budget)); }
      const idx = cells.length;
      cells.push({ row: r, col: c, rowSpan, colSpan, raw: rc.raw, text: normalizeCellText(rc.raw), source: rc.source });
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = (slots[r + dr] ??= []);
        for (let dc = 0; dc < colSpan; dc++) if (target[c + dc] === undefined) target[c + dc] = idx;
      }
      budget -= rowSpan * colSpan;
      c += colSpan;
      if (c > cols) cols = c;
      if (budget <= 0) { truncated = true; break; }
    }
    if (budget <= 0) break;
  }
  // make every row dense: -1 for uncovered slots
  const dense: number[][] = [];
  for (let r = 0; r < slots.length; r++) {
    const src = slots[r] ?? [];
    const row = new Array<number>(cols);
    for (let c = 0; c < cols; c++) row[c] = src[c] ?? -1;
    dense.push(row);
  }
  return {
    grid: {
      index: opts.index,
      rows: dense.length,
      cols,
      cells,
      slots: dense,
      layout: opts.layout ?? 'positional',
      source: opts.source,
      confidence: opts.confidence ?? 1,
    },
    truncated,
  };
}

function clampSpan(n: number | undefined, max: number): number {
  if (n === undefined || !Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), max);
}

/** The origin cell covering slot (r, c), or undefined. */
export function cellAt(grid: Grid, r: number, c: number): GridCell | undefined {
  const i = grid.slots[r]?.[c];
  return i === undefined || i < 0 ? undefined : grid.cells[i];
}

/** The distinct origin cells of row r, left to right (a spanning cell once). */
export function rowCells(grid: Grid, r: number): GridCell[] {
  const out: GridCell[] = [];
  const seen = new Set<number>();
  for (const i of grid.slots[r] ?? []) {
    if (i < 0 || seen.has(i)) continue;
    seen.add(i);
    out.push(grid.cells[i]!);
  }
  return out;
}

/** Cells that start in row r (not covered from a row above), left to right. */
export function ownCells(grid: Grid, r: number): GridCell[] {
  return rowCells(grid, r).filter((c) => c.row === r);
}
