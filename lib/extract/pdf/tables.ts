import type { Grid } from '../types';
import type { RawCell } from '../grid';
import { buildGrid } from '../grid';
import type { Box } from './geom';
import { intervalIndex, roundBox } from './geom';
import type { LatticeTable } from './lattice';
import { cellAtPoint } from './lattice';
import type { Word } from './words';
import { cellText, joinWrap, splitWordAt, wordsToLines } from './words';
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
  /** per column of this part: no ruling on the part's top (bottom) edge, see LatticeTable */
  openTop: boolean[];
  openBottom: boolean[];
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
  const left = overflowBelow(t, rest, cells);
  return { part: { page, xs: t.xs, ys: t.ys, box: t.box, cells, irregular: t.irregular, splitWords, openTop: t.openTop, openBottom: t.openBottom }, rest: left };
}

/**
 * A spanning cell that a page break cut (its bottom open) may show text below the table's last
 * ruling: Chromium lays the vertical label 三、本年度办理结果 one character a line and lets it run
 * down to the page's end. Words right under the table that lie wholly inside such a column, one
 * after the other without a gap, belong to that cell; the first other word ends the run.
 */
function overflowBelow(t: LatticeTable, words: Word[], cells: PartCell[]): Word[] {
  const bottom = t.box[3];
  const cols = t.xs.length - 1, lastRow = t.ys.length - 2;
  if (!t.openBottom.some(Boolean)) return words;
  const below = words.filter((w) => w.y0 >= bottom - 1 && w.x1 > t.box[0] && w.x0 < t.box[2]).sort((a, b) => a.y0 - b.y0);
  const taken = new Set<Word>();
  let y = bottom;
  for (const w of below) {
    const c = intervalIndex(t.xs, (w.x0 + w.x1) / 2);
    const h = Math.max(w.y1 - w.y0, w.size, 1);
    if (c < 0 || c >= cols || !t.openBottom[c] || w.x0 < t.xs[c]! - 1 || w.x1 > t.xs[c + 1]! + 1 || w.y0 - y > 2.5 * h) break;
    const i = t.slot[lastRow * cols + c]!;
    if (i < 0) break;
    cells[i]!.words.push(w);
    taken.add(w);
    y = Math.max(y, w.y1);
  }
  return taken.size ? words.filter((w) => !taken.has(w)) : words;
}

/**
 * Does part B (first thing on the next page) continue part A (last thing on its page)?
 * Same outer edges, and most of B's column positions found in A or all of A's found in B.
 */
export function continues(a: TablePart, b: TablePart): boolean {
  if (b.page !== a.page + 1) return false;
  const ax = a.xs, bx = b.xs;
  if (Math.abs(ax[0]! - bx[0]!) > JOIN_X || Math.abs(ax[ax.length - 1]! - bx[bx.length - 1]!) > JOIN_X) return false;
  const inner = bx.slice(1, -1);
  if (!inner.length) return true;
  const found = inner.filter((x) => ax.some((y) => Math.abs(x - y) <= JOIN_X)).length;
  if (found / inner.length >= 0.6) return true;
  // a header cut by the break (a few spanning cells above) continued by the full body: every
  // column edge of A is one of B's
  const aInner = ax.slice(1, -1);
  return aInner.length > 0 && aInner.every((x) => bx.some((y) => Math.abs(x - y) <= JOIN_X));
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
  /** its text fills its last line up to the cell's right edge (a wrapped text that may run on) */
  full?: boolean;
}

/** Does the cell's last line of horizontal text reach the cell's right edge (within a character and the padding)? */
function fillsLastLine(c: PartCell): boolean {
  const lines = wordsToLines(c.words.filter((w) => !w.vertical));
  const last = lines[lines.length - 1];
  if (!last) return false;
  const size = Math.max(...last.words.map((w) => w.size), 1);
  return last.x1 >= c.box[2] - Math.max(7, 1.8 * size);
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
      full: fillsLastLine(c),
    }));
    let firstRow = 0;
    let rowCut = false;
    if (pi > 0) {
      const prev = parts[pi - 1]!;
      const cut = cutCells(cells, partCells, offset, openColumns(prev.xs, prev.openBottom, mapX), openColumns(p.xs, p.openTop, mapX));
      if (cut) {
        // a row cut in two by the page break: its second half is the same row, not a new one
        rowCut = true;
        partCells = cut;
      } else {
        firstRow = repeatedHeaderRows(cells, partCells, p.ys.length - 1);
        if (firstRow) partCells = partCells.filter((c) => c.row >= firstRow);
      }
    }
    const skip = rowCut ? 1 : firstRow;
    for (let r = skip; r < p.ys.length - 1; r++) rowBounds.push({ page: p.page, y0: p.ys[r]!, y1: p.ys[r + 1]! });
    for (const c of partCells) c.row += offset - skip;
    if (pi > 0) {
      const prev = parts[pi - 1]!;
      if (!rowCut) partCells = continueOpenCells(cells, partCells, offset, openColumns(prev.xs, prev.openBottom, mapX), openColumns(p.xs, p.openTop, mapX));
      partCells = mergeAcrossBreak(cells, partCells, offset);
      // a continuation whose columns are not all columns of the part before it: less sure
      const prevXs = parts[pi - 1]!.xs;
      if (!p.xs.every((x) => prevXs.some((y) => Math.abs(x - y) <= JOIN_X))) confidence = Math.min(confidence, 0.95);
    }
    cells.push(...partCells);
    offset += p.ys.length - 1 - skip;
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

/** The joined grid's columns whose edge is open in a part (per part column → joined columns). */
function openColumns(partXs: number[], open: boolean[], mapX: (x: number) => number): Set<number> {
  const out = new Set<number>();
  for (let c = 0; c + 1 < partXs.length; c++) {
    if (!open[c]) continue;
    for (let k = mapX(partXs[c]!); k < mapX(partXs[c + 1]!); k++) out.add(k);
  }
  return out;
}

const openOver = (c: { col: number; colSpan: number }, open: Set<number>) => {
  for (let k = c.col; k < c.col + c.colSpan; k++) if (!open.has(k)) return false;
  return true;
};

/**
 * A row that a page break cut in two (Chromium breaks inside rows): the previous part ends
 * open and every cell of this part's first row starts open, right under a cell of the same
 * columns. Then the first row is the previous part's last row: its text is appended to the
 * cells above, and cells reaching further down extend them. Returns this part's other cells
 * (rows still counted from the part's top), or null when the break did not cut a row.
 */
function cutCells(prev: GCell[], part: GCell[], boundary: number, prevOpen: Set<number>, topOpen: Set<number>): GCell[] | null {
  const first = part.filter((c) => c.row === 0);
  const pairs: [GCell, GCell][] = [];
  let open = 0, text = 0;
  for (const c of first) {
    const above = prev.find((q) => q.row + q.rowSpan === boundary && q.col === c.col && q.colSpan === c.colSpan);
    if (!above) return null;
    const isOpen = openOver(c, topOpen) && openOver(c, prevOpen);
    const t = normalizeCellText(c.raw);
    // drawn closed (LibreOffice, Word close a cut row on both pages): the half below holds
    // nothing but the rest of wrapped texts, each under a text that filled its last line
    if (!isOpen && t && !(above.full && normalizeCellText(above.raw) && !/^\d/.test(t))) return null;
    if (isOpen) open++;
    if (t) text++;
    pairs.push([c, above]);
  }
  if (!pairs.length) return null;
  // all closed and all empty is a cut row too (the rest of a row whose text fitted above), but
  // closed with text needs at least half the cells of the row to be empty
  if (open < pairs.length && text > Math.max(1, pairs.length / 2)) return null;
  for (const [c, above] of pairs) {
    above.raw = joinWrap(above.raw, c.raw);
    above.rowSpan += c.rowSpan - 1;
  }
  return part.filter((c) => c.row > 0);
}

/**
 * A spanning cell cut by the break: a cell at the top of the continuation whose top is open,
 * under a cell of the same columns whose bottom is open, is the rest of that cell (its text
 * appended: the vertical label "三、本年度办理结果" may be cut after "三、本").
 */
function continueOpenCells(prev: GCell[], part: GCell[], boundary: number, prevOpen: Set<number>, topOpen: Set<number>): GCell[] {
  if (!prevOpen.size || !topOpen.size) return part;
  const out: GCell[] = [];
  for (const c of part) {
    if (c.row === boundary && openOver(c, topOpen) && openOver(c, prevOpen)) {
      const above = prev.find((q) => q.row + q.rowSpan === boundary && q.col === c.col && q.colSpan === c.colSpan);
      if (above) {
        above.raw = joinWrap(above.raw, c.raw);
        above.rowSpan += c.rowSpan;
        continue;
      }
    }
    out.push(c);
  }
  return out;
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
