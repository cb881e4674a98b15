import type { Extraction, ContentItem, Grid } from './types';
import type { RawCell } from './grid';
import { buildGrid } from './grid';
import type { TextRef } from '../source/ref';

/**
 * Plain text (a report copied out of a page or a document). Two table layouts occur
 * (see ../shared/seeds/):
 *  - tab-separated rows: one line a row, merged cells missing, so a row may start with
 *    empty fields and the data fields sit after the row's own label;
 *  - one cell per line: each cell a line starting with a tab, rows separated by blank
 *    lines, and a cell's text may wrap onto a following line without a tab.
 * Every other non-empty line is a prose block. Grids from text have layout 'ragged'.
 */
const MAX_LINES = 200_000;

export function extractText(input: string): Extraction {
  const text = input.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  const warnings: string[] = [];
  if (lines.length > MAX_LINES) {
    warnings.push(`text has ${lines.length} lines; only the first ${MAX_LINES} were read`);
    lines.length = MAX_LINES;
  }
  const content: ContentItem[] = [];
  const grids: Grid[] = [];

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isTableLine(line)) {
      const end = regionEnd(lines, i);
      const grid = regionToGrid(lines, i, end, grids.length);
      if (grid) {
        grids.push(grid);
        content.push({ type: 'grid', grid: grid.index });
      }
      i = end;
      continue;
    }
    if (line.trim()) content.push({ type: 'block', block: { text: line, source: { kind: 'text', line: i + 1 } } });
    i++;
  }

  const hasText = content.length > 0;
  return {
    sourceKind: 'text',
    content,
    grids,
    hints: { meta: {}, dates: [], images: 0 },
    warnings,
    ...(hasText ? {} : { unreadable: { zh: '文本为空，没有可核查的内容。', en: 'The text is empty: nothing to audit.' } }),
  };
}

function isTableLine(line: string): boolean {
  return line.includes('\t');
}

/** A line that only continues the previous cell (a wrapped number or a padding space). */
function isContinuation(line: string): boolean {
  const t = line.replace(/[\s\u00a0\u3000]/g, '');
  return line.length <= 16 && /^[\d.,\-—/无空]*$/.test(t);
}

/** The region runs until a prose line (no tab, not a continuation) or the end. */
function regionEnd(lines: string[], start: number): number {
  let i = start;
  let prevWasCell = false;
  while (i < lines.length) {
    const l = lines[i]!;
    if (isTableLine(l)) { prevWasCell = true; i++; continue; }
    if (!l.trim() && !/[\u00a0\u3000]/.test(l)) { prevWasCell = false; i++; continue; }
    if (prevWasCell && isContinuation(l)) { i++; continue; }
    break;
  }
  // do not swallow trailing blank lines
  while (i > start && !lines[i - 1]!.trim() && !/[\u00a0\u3000]/.test(lines[i - 1]!)) i--;
  return i;
}

function regionToGrid(lines: string[], start: number, end: number, index: number): Grid | null {
  let tabbed = 0, cellPerLine = 0;
  for (let i = start; i < end; i++) {
    const l = lines[i]!;
    if (!l.includes('\t')) continue;
    tabbed++;
    if (l.startsWith('\t') && l.indexOf('\t', 1) === -1) cellPerLine++;
  }
  const rows = cellPerLine > tabbed * 0.8 ? cellPerLineRows(lines, start, end) : tabRows(lines, start, end);
  if (!rows.length) return null;
  const source: TextRef = { kind: 'text', line: start + 1, endLine: end };
  return buildGrid(rows, { index, source, layout: 'ragged' }).grid;
}

function tabRows(lines: string[], start: number, end: number): RawCell[][] {
  const rows: RawCell[][] = [];
  for (let i = start; i < end; i++) {
    const l = lines[i]!;
    if (!l.includes('\t')) {
      // a wrapped value of the last cell of the previous row
      const prev = rows[rows.length - 1];
      const last = prev?.[prev.length - 1];
      if (last && l.trim()) last.raw += '\n' + l;
      continue;
    }
    rows.push(l.split('\t').map((raw, field) => ({ raw, source: { kind: 'text', line: i + 1, field } })));
  }
  return rows;
}

function cellPerLineRows(lines: string[], start: number, end: number): RawCell[][] {
  const rows: RawCell[][] = [];
  let row: RawCell[] | null = null;
  for (let i = start; i < end; i++) {
    const l = lines[i]!;
    if (l.startsWith('\t')) {
      if (!row) { row = []; rows.push(row); }
      row.push({ raw: l.slice(1), source: { kind: 'text', line: i + 1, field: row.length } });
    } else if (!l.trim() && !/[\u00a0\u3000]/.test(l)) {
      row = null;
    } else if (row && row.length) {
      const cell = row[row.length - 1]!;
      cell.raw += '\n' + l;
      const src = cell.source as TextRef;
      cell.source = { ...src, endLine: i + 1 };
    } else {
      // stray text inside a table region: its own cell
      if (!row) { row = []; rows.push(row); }
      row.push({ raw: l, source: { kind: 'text', line: i + 1, field: row.length } });
    }
  }
  return rows;
}
