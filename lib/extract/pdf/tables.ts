import type { Grid } from '../types';
import type { RawCell } from '../grid';
import { buildGrid } from '../grid';
import type { Box } from './geom';
import { roundBox } from './geom';
import type { LatticeTable } from './lattice';
import { cellAtPoint } from './lattice';
import type { Word } from './words';
import { cellText, splitWordAt } from './words';
import { normalizeCellText } from '../../normalize/text';

/** One page's piece of a ruled table, with the words that fell into its cells. */
export interface PartCell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  box: Box;
  words: Word[];
}

export interface TablePart {
  page: number;
  xs: number[];
  ys: number[];
  box: Box;
  cells: PartCell[];
  irregular: boolean;
  /** words cut in two because a ruling crossed them */
  splitWords: number;
}

/** Same-column tolerance when joining a table across a page break. */
export const JOIN_X = 4;

/**
 * Put the page's words into the table's cells by the centre point of each word (a word that
 * a vertical ruling crosses is cut first). Returns the words left for the prose.
 */
export function assignWords(t: LatticeTable, words: Word[], page: number): { part: TablePart; rest: Word[] } {
  const cells: PartCell[] = t.cells.map((c) => ({ ...c, words: [] }));
  const rest: Word[] = [];
  const inner = t.xs.slice(1, -1);
  let splitWords = 0;
  const [bx0, by0, bx1, by1] = t.box;
  for (const w of words) {
    const cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    if (cx < bx0 || cx > bx1 || cy < by0 || cy > by1) { rest.push(w); continue; }
    const pieces = splitWordAt(w, inner);
    if (pieces.length > 1) splitWords++;
    for (const p of pieces) {
      const i = cellAtPoint(t, (p.x0 + p.x1) / 2, (p.y0 + p.y1) / 2);
      if (i < 0) rest.push(p);
      else cells[i]!.words.push(p);
    }
  }
  return { part: { page, xs: t.xs, ys: t.ys, box: t.box, cells, irregular: t.irregular, splitWords }, rest };
}

/**
 * Does part B (first thing on the next page) continue part A (last thing on its page)?
 * Same outer edges and most of B's column positions found in A.
 */
export function continues(a: TablePart, b: TablePart): boolean {
  if (b.page !== a.page + 1) return false;
  const ax = a.xs, bx = b.xs;
  if (Math.abs(ax[0]! - bx[0]!) > JOIN_X || Math.abs(ax[ax.length - 1]! - bx[bx.length - 1]!) > JOIN_X) return false;
  const inner = bx.slice(1, -1);
  if (!inner.length) return true;
  const found = inner.filter((x) => ax.some((y) => Math.abs(x - y) <= JOIN_X)).length;
  return found / inner.length >= 0.6;
}

interface GCell {
  row: number;
  rowSpan: number;
  col: number;
  colSpan: number;
  raw: string;
  page: number;
  box: Box;
  placeholder?: boolean;
}

export interface GridBuild {
  grid: Grid;
  warnings: string[];
  /** every cell's page and box (debug overlay) */
  cells: { page: number; box: Box }[];
  pages: number[];
}

/**
 * Build one grid from a ruled table's parts (one part, or several joined across pages).
 * Columns are the union of the parts' column edges; a cell that a page break cut in two
 * (an empty spanning cell at the top of the next part under a labelled cell) is one cell;
 * a header row repeated at the top of a continuation is dropped.
 */
export function partsToGrid(parts: TablePart[], index: number): GridBuild {
  const warnings: string[] = [];
  // union of the column edges
  const allX = parts.flatMap((p) => p.xs).sort((a, b) => a - b);
  const ux: number[] = [];
  const uxN: number[] = [];
  for (const x of allX) {
    const k = ux.length - 1;
    if (k >= 0 && x - ux[k]! / uxN[k]! <= JOIN_X) { ux[k]! += x; uxN[k]!++; } else { ux.push(x); uxN.push(1); }
  }
  const xs = ux.map((s, i) => s / uxN[i]!);
  const mapX = (x: number) => {
    let best = 0;
    for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
    return best;
  };

  let cells: GCell[] = [];
  const rowBounds: { page: number; y0: number; y1: number }[] = [];
  let offset = 0;
  let confidence = 1;
  parts.forEach((p, pi) => {
    const pcols = p.xs.map(mapX);
    let partCells: GCell[] = p.cells.map((c) => ({
      row: c.r0,
      rowSpan: c.r1 - c.r0,
      col: pcols[c.c0]!,
      colSpan: Math.max(1, pcols[c.c1]! - pcols[c.c0]!),
      raw: cellText(c.words),
      page: p.page,
      box: c.box,
    }));
    let firstRow = 0;
    if (pi > 0) {
      firstRow = repeatedHeaderRows(cells, partCells, p.ys.length - 1);
      if (firstRow) partCells = partCells.filter((c) => c.row >= firstRow);
    }
    for (let r = firstRow; r < p.ys.length - 1; r++) rowBounds.push({ page: p.page, y0: p.ys[r]!, y1: p.ys[r + 1]! });
    for (const c of partCells) c.row += offset - firstRow;
    if (pi > 0) {
      partCells = mergeAcrossBreak(cells, partCells, offset);
      // a continuation whose columns are not all columns of the part before it: less sure
      const prevXs = parts[pi - 1]!.xs;
      if (!p.xs.every((x) => prevXs.some((y) => Math.abs(x - y) <= JOIN_X))) confidence = Math.min(confidence, 0.95);
    }
    cells.push(...partCells);
    offset += p.ys.length - 1 - firstRow;
    if (p.irregular) { confidence = Math.min(confidence, 0.9); warnings.push(`page ${p.page}: a ruled table has a missing ruling; some merged cells were cut into rows`); }
  });
  const rows = offset, cols = xs.length - 1;

  // occupancy: detect overlaps, fill holes with empty placeholder cells
  const occ = new Int32Array(rows * cols).fill(-1);
  const kept: GCell[] = [];
  for (const c of cells) {
    let clash = false;
    for (let r = c.row; r < c.row + c.rowSpan && !clash; r++) for (let k = c.col; k < c.col + c.colSpan; k++) if (occ[r * cols + k] !== -1) { clash = true; break; }
    if (clash) {
      warnings.push(`page ${c.page}: overlapping table cells; the text "${c.raw.slice(0, 20)}" was dropped`);
      confidence = Math.min(confidence, 0.8);
      continue;
    }
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) occ[r * cols + k] = kept.length;
    kept.push(c);
  }
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      if (occ[r * cols + k] !== -1) continue;
      const b = rowBounds[r]!;
      occ[r * cols + k] = kept.length;
      kept.push({ row: r, rowSpan: 1, col: k, colSpan: 1, raw: '', page: b.page, box: [xs[k]!, b.y0, xs[k + 1]!, b.y1], placeholder: true });
    }
  }
  cells = kept.sort((a, b) => a.row - b.row || a.col - b.col);

  const rawRows: RawCell[][] = Array.from({ length: rows }, () => []);
  for (const c of cells) {
    rawRows[c.row]!.push({ raw: c.raw, rowSpan: c.rowSpan, colSpan: c.colSpan, source: { kind: 'pdf', page: c.page, box: roundBox(c.box) } });
  }
  const first = parts[0]!;
  const { grid, truncated } = buildGrid(rawRows, {
    index,
    source: { kind: 'pdf', page: first.page, box: roundBox(first.box) },
    layout: 'positional',
    confidence,
  });
  if (truncated) warnings.push(`page ${first.page}: a table was too large and was truncated`);
  // buildGrid places each cell in the first free slot of its row: check it agrees with the rulings
  let misplaced = 0;
  grid.cells.forEach((gc, i) => {
    const c = cells[i];
    if (!c || gc.row !== c.row || gc.col !== c.col) misplaced++;
  });
  if (misplaced) {
    grid.confidence = Math.min(grid.confidence, 0.7);
    warnings.push(`page ${first.page}: ${misplaced} table cells could not be placed on their rulings`);
  }
  return {
    grid,
    warnings,
    cells: cells.map((c) => ({ page: c.page, box: roundBox(c.box) })),
    pages: [...new Set(parts.map((p) => p.page))],
  };
}

function signature(cells: GCell[], row: number): string {
  return cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => `${c.col}/${c.colSpan}/${c.rowSpan}:${normalizeCellText(c.raw).replace(/\s+/g, '')}`)
    .join('|');
}

/** How many leading rows of a continuation part repeat the table's header rows. */
function repeatedHeaderRows(prev: GCell[], part: GCell[], partRows: number): number {
  let k = 0;
  while (k < partRows - 1) {
    const hasText = part.some((c) => c.row === k && normalizeCellText(c.raw));
    if (!hasText || signature(prev, k) !== signature(part, k)) break;
    k++;
  }
  // every cell of the dropped rows must end inside them
  while (k > 0 && part.some((c) => c.row < k && c.row + c.rowSpan > k)) k--;
  return k;
}

/** An empty cell at the top of a continuation under a labelled spanning cell is that cell. */
function mergeAcrossBreak(prev: GCell[], part: GCell[], boundary: number): GCell[] {
  const out: GCell[] = [];
  for (const c of part) {
    if (c.row === boundary && !normalizeCellText(c.raw)) {
      const above = prev.find((p) => p.row + p.rowSpan === boundary && p.col === c.col && p.colSpan === c.colSpan);
      if (above && normalizeCellText(above.raw) && (above.rowSpan > 1 || c.rowSpan > 1)) {
        above.rowSpan += c.rowSpan;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}
