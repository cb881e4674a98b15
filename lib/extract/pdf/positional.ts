import type { RawCell } from '../grid';
import type { Box } from './geom';
import { median, roundBox, unionAll } from './geom';
import type { Line, Word } from './words';
import { joinWrap } from './words';
import { normalizeCellText } from '../../normalize/text';

/**
 * Text-alignment fallback for pages without rulings: a table drawn without lines still lines
 * its numbers up. Rows come from text lines, columns from the aligned x positions of the
 * numeric items; the row labels of the report's tables ("本年新收…", "行政许可", "结果维持",
 * …) tell a statistics table apart from prose that happens to contain numbers.
 *
 * - a data line has numbers standing apart (more than 1 em from their neighbours);
 * - a table is a run of data lines, with wrapped labels and sub-headers between them, plus
 *   the header lines right above (same font size, short, no sentence end);
 * - columns: clusters of the centres of the numbers; the label column is what lies left of
 *   the first number column; every other word goes to the nearest column by its centre;
 * - header lines above the data are merged into one header row (stacked header words join
 *   per column); a header word wider than 1.5 columns spans the columns it covers; a lone
 *   line away from the label column (a block header such as "第二十条第（五）项") spans the
 *   whole table.
 * Merged cells of the original vanish (as in plain text). Grids from here get confidence 0.6.
 */
export const POSITIONAL_CONFIDENCE = 0.6;

/** Row labels (and header words) of tables 2, 3 and 4 of the national format. */
const LABEL_CUE = /本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|结转下|国家秘密|行政许可|行政处罚|行政强制|行政事业性收费|规章|规范性文件|结果维持|结果纠正|尚未审结|自然人|商业企业|本年制发|现行有效|处理决定/;
const HEADER_CUE = /项$|信息内容|申请人|勾稽|行政复议|行政诉讼|起诉|法人|组织|机构|企业|其他|总\s*计|结果|维持|纠正|审结/;
const NUMERIC = /^[-+]?\d[\d,]*(\.\d+)?%?$/;
const BLANK = /^(\/|—|–|-|－|无|空)$/;

function isNumeric(text: string): boolean {
  const t = normalizeCellText(text);
  return NUMERIC.test(t) || BLANK.test(t);
}

interface RowLine {
  line: Line;
  /** words split into groups separated by more than 1 em */
  chunks: Word[][];
  /** numbers standing apart from their neighbours */
  isolated: number;
  kind: 'data' | 'header' | 'label' | 'other';
}

interface PCell {
  text: string;
  box: Box;
  col: number;
  span: number;
}

interface PRow {
  cells: PCell[];
  y0: number;
  y1: number;
  page: number;
}

export interface PositionalTable {
  page: number;
  pages: number[];
  box: Box;
  /** centres of the value columns (the label column, if any, is column 0 of the grid) */
  colX: number[];
  hasLabels: boolean;
  labelEdge: number;
  rows: PRow[];
  /** the lines the table consumed (removed from the prose) */
  lines: Line[];
}

function chunksOf(line: Line): Word[][] {
  const groups: Word[][] = [];
  for (const w of line.words) {
    const cur = groups[groups.length - 1];
    const prev = cur?.[cur.length - 1];
    if (cur && prev && w.x0 - prev.x1 <= 1.0 * Math.min(prev.size, w.size)) cur.push(w);
    else groups.push([w]);
  }
  return groups;
}

function textOf(ws: Word[]): string {
  let text = '';
  ws.forEach((w, i) => {
    const gap = i ? w.x0 - ws[i - 1]!.x1 : 0;
    text += (i && gap > 0.25 * w.size ? ' ' : '') + w.text;
  });
  return text;
}

function boxOf(ws: Word[]): Box {
  return unionAll(ws.map((w) => [w.x0, w.y0, w.x1, w.y1] as Box));
}

function classify(line: Line): RowLine {
  const chunks = chunksOf(line);
  // a chunk that is a single number is a number standing apart
  const isolated = chunks.filter((c) => c.length === 1 && isNumeric(c[0]!.text)).length;
  let kind: RowLine['kind'] = 'other';
  const first = chunks[0]!;
  const firstIsNumber = first.length === 1 && isNumeric(first[0]!.text);
  const sentence = /[。；;]$/.test(line.text.trim());
  if (isolated >= 2 || (isolated === 1 && chunks.length >= 2 && !firstIsNumber)) kind = 'data';
  else if (chunks.length >= 2 && !sentence) kind = 'header';
  else if (chunks.length === 1 && line.text.length <= 40 && !sentence) kind = 'label';
  return { line, chunks, isolated, kind };
}

/** The smallest font on the line: labels and headers, not the (often larger) numbers. */
const textSize = (r: RowLine) => Math.min(...r.line.words.map((w) => w.size));
const maxSize = (r: RowLine) => Math.max(...r.line.words.map((w) => w.size));
/** A report section heading ("四、政府信息公开行政复议、行政诉讼情况"), not a table label. */
const SECTION = /^\s*[一二三四五六七八九十]+\s*[、.．]/;
const isSection = (r: RowLine) => r.kind === 'label' && SECTION.test(r.line.text) && !LABEL_CUE.test(normalizeCellText(r.line.text).replace(/\s+/g, ''));

/** Find unruled statistics tables among one page's prose lines (top to bottom). */
export function findPositionalTables(lines: Line[], page: number): PositionalTable[] {
  const rl = lines.filter((l) => !l.vertical).map(classify);
  const vertical = lines.filter((l) => l.vertical);
  const out: PositionalTable[] = [];
  let i = 0;
  while (i < rl.length) {
    if (rl[i]!.kind !== 'data') { i++; continue; }
    const size = textSize(rl[i]!);
    const ref = maxSize(rl[i]!);
    const gapOk = (a: RowLine, b: RowLine) => b.line.y0 - a.line.y1 <= 3.5 * Math.max(size, textSize(b));
    // headers and labels are not much larger than the largest text of a data row
    const sizeOk = (r: RowLine) => textSize(r) <= 1.3 * ref;
    // grow downwards: data lines, with up to three label / header lines between them
    let end = i + 1;
    let lastData = i;
    while (end < rl.length) {
      const r = rl[end]!;
      if (!gapOk(rl[end - 1]!, r) || !sizeOk(r) || isSection(r)) break;
      if (r.kind === 'data') { lastData = end; end++; continue; }
      if ((r.kind === 'label' || r.kind === 'header') && end - lastData <= 3) { end++; continue; }
      break;
    }
    end = lastData + 1;
    const data = rl.slice(i, end).filter((r) => r.kind === 'data');
    const x0 = Math.min(...data.map((r) => r.line.x0)) - 3 * size;
    // grow upwards: header lines right above the first data line
    let start = i;
    while (start > 0 && i - start < 12) {
      const r = rl[start - 1]!;
      if (!gapOk(r, rl[start]!) || !sizeOk(r) || isSection(r)) break;
      if (r.kind !== 'header' && r.kind !== 'label') break;
      if (r.line.x0 < x0) break;
      const t = normalizeCellText(r.line.text).replace(/\s+/g, '');
      if (r.chunks.some((c) => textOf(c).length > 20) && !HEADER_CUE.test(t) && !LABEL_CUE.test(t)) break;
      start--;
    }
    const region = rl.slice(start, end);
    const flat = (r: RowLine) => normalizeCellText(r.line.text).replace(/\s+/g, '');
    const cue = region.some((r) => LABEL_CUE.test(flat(r)));
    const headerCue = region.slice(0, i - start).filter((r) => HEADER_CUE.test(flat(r))).length;
    const wide = Math.max(...data.map((r) => r.isolated));
    if ((data.length >= 2 && (cue || data.length >= 3)) || (data.length >= 1 && wide >= 5 && (cue || headerCue >= 2))) {
      const t = regionToTable(region, i - start, page);
      if (t) {
        addVertical(t, vertical);
        out.push(t);
      }
    }
    i = end;
  }
  return out;
}

function regionToTable(region: RowLine[], firstData: number, page: number): PositionalTable | null {
  const data = region.filter((r) => r.kind === 'data');
  const size = median(data.map(textSize));
  // value columns: cluster the centres of the isolated numbers
  const nums = data.flatMap((r) => r.chunks.filter((c) => c.length === 1 && isNumeric(c[0]!.text)).map((c) => c[0]!));
  const centres = nums.map((w) => (w.x0 + w.x1) / 2).sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of centres) {
    const last = clusters[clusters.length - 1];
    if (last && x - last[last.length - 1]! <= Math.max(size, 8)) last.push(x);
    else clusters.push([x]);
  }
  const colX = clusters.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
  if (!colX.length) return null;
  const firstNumX0 = Math.min(...nums.map((w) => w.x0));
  const labelEdge = Math.min(firstNumX0, colX[0]! - size) - 1;
  const allWords = region.flatMap((r) => r.line.words);
  const hasLabels = allWords.some((w) => (w.x0 + w.x1) / 2 < labelEdge);
  const labelX0 = Math.min(...region.map((r) => r.line.x0));
  const box = unionAll(region.map((r) => [r.line.x0, r.line.y0, r.line.x1, r.line.y1] as Box));
  const t: PositionalTable = { page, pages: [page], box, colX, hasLabels, labelEdge, rows: [], lines: region.map((r) => r.line) };
  const nCols = colX.length + (hasLabels ? 1 : 0);
  const bounds = columnBounds(t);
  const colOf = (x: number) => nearestCol(t, x);
  const pitch = colX.length > 1 ? median(colX.slice(1).map((x, k) => x - colX[k]!)) : 4 * size;
  /** the grid columns a wide piece of text covers */
  const cover = (x0: number, x1: number): { col: number; span: number } => {
    let first = -1, last = -1;
    for (let k = 0; k < nCols; k++) {
      const a = bounds[k]!, b = bounds[k + 1]!;
      const ov = Math.min(b, x1) - Math.max(a, x0);
      if (ov > 0 && (ov >= 0.5 * (b - a) || ov >= 0.5 * (x1 - x0))) { if (first < 0) first = k; last = k; }
    }
    if (first < 0) { first = last = colOf((x0 + x1) / 2); }
    return { col: first, span: last - first + 1 };
  };
  const isCentred = (b: Box) => b[0] > labelX0 + 2 * size;
  const labelCell = (row: PRow | undefined) => (hasLabels ? row?.cells.find((c) => c.col === 0 && c.span === 1) : undefined);

  // header: the lines above the first data line. Consecutive lines merge into one row
  // (stacked header words join per column); a word wider than 1.5 columns spans the columns
  // it covers and starts a row of its own.
  const header = region.slice(0, firstData);
  let perCol = new Map<number, Word[]>();
  const flushHeader = () => {
    if (!perCol.size) return;
    const cells: PCell[] = [];
    for (const [k, ws] of perCol) {
      const byLine = new Map<number, Word[]>();
      for (const w of ws) {
        const key = Math.round(w.y0);
        let l = byLine.get(key);
        if (!l) byLine.set(key, (l = []));
        l.push(w);
      }
      let text = '';
      for (const key of [...byLine.keys()].sort((a, b) => a - b)) text = joinWrap(text, textOf(byLine.get(key)!.sort((a, b) => a.x0 - b.x0)));
      cells.push({ text, box: boxOf(ws), col: k, span: 1 });
    }
    const hb = boxOf([...perCol.values()].flat());
    t.rows.push({ cells: cells.sort((a, b) => a.col - b.col), y0: hb[1], y1: hb[3], page });
    perCol = new Map();
  };
  for (const r of header) {
    const lb = boxOf(r.line.words);
    if (r.line.words.length === 1 && isCentred(lb)) {
      // a lone centred title such as "第二十条第（一）项": a row of its own
      flushHeader();
      t.rows.push({ cells: [{ text: r.line.text, box: lb, ...cover(lb[0], lb[2]) }], y0: lb[1], y1: lb[3], page });
      continue;
    }
    const wide = r.line.words.filter((w) => (w.x0 + w.x1) / 2 >= labelEdge && w.x1 - w.x0 > 1.5 * pitch);
    if (wide.length) {
      flushHeader();
      const cells: PCell[] = wide.map((w) => ({ text: w.text, box: [w.x0, w.y0, w.x1, w.y1] as Box, ...cover(w.x0, w.x1) }));
      for (const w of r.line.words) {
        if (wide.includes(w)) continue;
        const k = colOf((w.x0 + w.x1) / 2);
        cells.push({ text: w.text, box: [w.x0, w.y0, w.x1, w.y1], col: k, span: 1 });
      }
      t.rows.push({ cells: cells.sort((a, b) => a.col - b.col), y0: r.line.y0, y1: r.line.y1, page });
      continue;
    }
    for (const w of r.line.words) {
      const k = colOf((w.x0 + w.x1) / 2);
      let l = perCol.get(k);
      if (!l) perCol.set(k, (l = []));
      l.push(w);
    }
  }
  flushHeader();

  // body
  for (const r of region.slice(firstData)) {
    if (r.kind === 'label') {
      const b = boxOf(r.line.words);
      const text = textOf(r.line.words);
      if (isCentred(b) && (b[0] + b[2]) / 2 > labelEdge) {
        // a block header across the columns it covers
        t.rows.push({ cells: [{ text, box: b, ...cover(b[0], b[2]) }], y0: b[1], y1: b[3], page });
        continue;
      }
      const prev = labelCell(t.rows[t.rows.length - 1]);
      if (prev && b[0] >= prev.box[0] - 2 && b[0] <= prev.box[2]) {
        // a wrapped label: it continues the label above
        prev.text = joinWrap(prev.text, text);
        prev.box = unionAll([prev.box, b]);
        continue;
      }
      // a group label (a merged cell in the original): a row of its own
      t.rows.push({ cells: [{ text, box: b, col: hasLabels ? 0 : colOf((b[0] + b[2]) / 2), span: 1 }], y0: b[1], y1: b[3], page });
      continue;
    }
    const byCol = new Map<number, Word[]>();
    for (const w of r.line.words) {
      const k = colOf((w.x0 + w.x1) / 2);
      let l = byCol.get(k);
      if (!l) byCol.set(k, (l = []));
      l.push(w);
    }
    const cells: PCell[] = [...byCol].map(([k, ws]) => ({ text: textOf(ws), box: boxOf(ws), col: k, span: 1 }));
    t.rows.push({ cells: cells.sort((a, b) => a.col - b.col), y0: r.line.y0, y1: r.line.y1, page });
  }
  return t;
}

/**
 * Vertical text inside the table (a group label in a merged cell, written top to bottom)
 * becomes a label row where it starts.
 */
function addVertical(t: PositionalTable, vertical: Line[]): void {
  for (const v of vertical) {
    const cx = (v.x0 + v.x1) / 2, cy = (v.y0 + v.y1) / 2;
    if (cx < t.box[0] || cx > t.box[2] || cy < t.box[1] || cy > t.box[3]) continue;
    const at = t.rows.findIndex((r) => r.y0 > v.y0);
    const row: PRow = { cells: [{ text: v.text, box: [v.x0, v.y0, v.x1, v.y1], col: 0, span: 1 }], y0: v.y0, y1: v.y1, page: t.page };
    if (at < 0) t.rows.push(row); else t.rows.splice(at, 0, row);
    t.lines.push(v);
  }
}

function columnBounds(t: PositionalTable): number[] {
  const bounds: number[] = [t.box[0]];
  if (t.hasLabels) bounds.push(t.labelEdge);
  for (let k = 0; k + 1 < t.colX.length; k++) bounds.push((t.colX[k]! + t.colX[k + 1]!) / 2);
  bounds.push(Math.max(t.box[2], t.colX[t.colX.length - 1]! + 1));
  return bounds;
}

function nearestCol(t: PositionalTable, cx: number): number {
  if (t.hasLabels && cx < t.labelEdge) return 0;
  let best = 0;
  for (let k = 1; k < t.colX.length; k++) if (Math.abs(t.colX[k]! - cx) < Math.abs(t.colX[best]! - cx)) best = k;
  return best + (t.hasLabels ? 1 : 0);
}

/**
 * A positional table at the top of the next page continuing one at the bottom of this page:
 * same label column, and every column of the continuation near a column of the first part.
 * Returns the joined table, or null.
 */
export function joinPositional(a: PositionalTable, b: PositionalTable): PositionalTable | null {
  if (b.page !== a.pages[a.pages.length - 1]! + 1 || a.hasLabels !== b.hasLabels) return null;
  const pitch = a.colX.length > 1 ? median(a.colX.slice(1).map((x, k) => x - a.colX[k]!)) : 40;
  const tol = Math.max(8, 0.35 * pitch);
  const map: number[] = [];
  for (const x of b.colX) {
    let best = -1;
    a.colX.forEach((y, k) => { if (Math.abs(x - y) <= tol && (best < 0 || Math.abs(x - y) < Math.abs(x - a.colX[best]!))) best = k; });
    if (best < 0) return null;
    map.push(best);
  }
  const off = a.hasLabels ? 1 : 0;
  const nB = b.colX.length + off, nA = a.colX.length + off;
  const remap = (col: number) => (a.hasLabels && col === 0 ? 0 : map[col - off]! + off);
  const rows = b.rows.map((r) => ({
    ...r,
    cells: r.cells.map((c) => {
      if (c.col === 0 && c.span === nB) return { ...c, span: nA }; // a row across the table
      const first = remap(c.col), last = remap(c.col + c.span - 1);
      return { ...c, col: first, span: Math.max(1, last - first + 1) };
    }),
  }));
  return { ...a, pages: [...a.pages, b.page], rows: [...a.rows, ...rows], lines: [...a.lines, ...b.lines] };
}

/** Rows of RawCells for buildGrid: gaps between cells become empty cells. */
/**
 * A row label holding a group label and the first item of the group on one line
 * ("（四）无法提供 1.本机关不掌握相关政府信息"): the merged label cell of a ruled table read without its
 * rulings. Split as the other groups of the table are read: the group on a row of its own.
 */
const GROUP_AND_ITEM = /^\s*([(（][一二三四五六七八九十]+[)）][^\s\d]{1,12}?)\s+(\d{1,2}\s*[.．、]\s*\S.*)$/s;

export function positionalRows(t: PositionalTable): RawCell[][] {
  const rows = positionalRowsRaw(t);
  if (!t.hasLabels) return rows;
  const out: RawCell[][] = [];
  for (const row of rows) {
    const label = row[0];
    const m = label && (label.colSpan ?? 1) === 1 ? GROUP_AND_ITEM.exec(label.raw) : null;
    if (!m || row.slice(1).every((c) => !c.raw.trim())) { out.push(row); continue; }
    out.push([{ raw: m[1]!, source: label!.source }, ...row.slice(1).map((c) => ({ raw: '', colSpan: c.colSpan, source: c.source }))]);
    out.push([{ ...label!, raw: m[2]! }, ...row.slice(1)]);
  }
  return out;
}

function positionalRowsRaw(t: PositionalTable): RawCell[][] {
  const nCols = t.colX.length + (t.hasLabels ? 1 : 0);
  const bounds = columnBounds(t); // for the boxes of empty cells
  return t.rows.map((row) => {
    const out: RawCell[] = [];
    let c = 0;
    const cells = [...row.cells].sort((a, b) => a.col - b.col);
    for (const cell of cells) {
      if (cell.col < c) continue; // overlapping guess: keep the first
      for (; c < cell.col; c++) out.push({ raw: '', source: { kind: 'pdf', page: row.page, box: roundBox([bounds[c]!, row.y0, bounds[c + 1]!, row.y1]) } });
      const span = Math.min(cell.span, nCols - c);
      out.push({ raw: cell.text, colSpan: span, source: { kind: 'pdf', page: row.page, box: roundBox(cell.box) } });
      c += span;
    }
    for (; c < nCols; c++) out.push({ raw: '', source: { kind: 'pdf', page: row.page, box: roundBox([bounds[c]!, row.y0, bounds[c + 1]!, row.y1]) } });
    return out;
  });
}
