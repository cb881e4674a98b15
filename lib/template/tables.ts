import type { Grid, GridCell } from '../extract/types';
import { cellAt, rowCells } from '../extract/grid';
import type { CellEntry, Deviation, TableEntry, TemplateVersion } from '../model/report';
import { parseCellValue } from '../normalize/cell';
import { labelKey, normalizeCellText } from '../normalize/text';
import {
  ACTIVE_COLUMNS, ACTIVE_ROWS, APPLICATION_COLUMNS, APPLICATION_GROUP_LABELS, APPLICATION_ROWS,
  MONEY_KEYS, REVIEW_COLUMNS, REVIEW_GROUPS, cellKey, type LabelSpec,
} from './formats';
import { matchLabel } from './labels';

export interface TableMapping {
  entry: TableEntry;
  cells: Record<string, CellEntry>;
  deviations: Deviation[];
}

// ─── classification ──────────────────────────────────────────────────────────
/** Which template table a grid is, by its labels (not by position on the page). */
export function classifyGrid(grid: Grid): 'active' | 'applications' | 'reviews' | null {
  let text = '';
  for (const c of grid.cells) { text += labelKey(c.text) + '|'; if (text.length > 20_000) break; }
  const scores = {
    applications: +(text.includes('勾稽关系')) * 3 + +(text.includes('本年新收政府信息公开申请')) * 3 + +(text.includes('自然人')) + +(text.includes('结转下') ) + +(text.includes('不予公开')),
    reviews: +(text.includes('行政复议')) + +(text.includes('行政诉讼')) * 2 + +(text.includes('复议后起诉')) * 2 + +(text.includes('尚未审结')),
    active: +(text.includes('第二十条')) * 3 + +(text.includes('规章')) + +(text.includes('行政许可')) + +(text.includes('行政事业性收费')) + +(text.includes('行政处罚')),
  };
  if (scores.applications >= 3 && scores.applications >= scores.reviews) return 'applications';
  if (scores.reviews >= 4) return 'reviews';
  if (scores.active >= 3) return 'active';
  return null;
}

function entryOf(cell: GridCell | undefined): CellEntry {
  if (!cell) return { value: null, raw: '', source: null, kind: 'blank' };
  const v = parseCellValue(cell.raw);
  return { value: v.value, raw: cell.raw, source: cell.source, kind: v.kind };
}

/**
 * A money cell (MONEY_KEYS) may carry its unit as written: "75394432.52元" (the 2019 procurement amount), "5949.09万元".
 * The value is the number in that unit; raw keeps the unit (report-format.md §3).
 */
function moneyEntryOf(cell: GridCell): CellEntry {
  const m = /^([+-]?[\d,，]+(?:\.\d+)?)\s*(?:元|万元|亿元)$/.exec(normalizeCellText(cell.raw));
  const v = m ? parseCellValue(m[1]!) : null;
  return v?.kind === 'number' ? { value: v.value, raw: cell.raw, source: cell.source, kind: 'number' } : entryOf(cell);
}

const isDataText = (t: string) => parseCellValue(t).kind !== 'text';

// ─── table 2 ─────────────────────────────────────────────────────────────────
export function mapActive(grids: Grid[], expected: TemplateVersion): TableMapping {
  const cells: Record<string, CellEntry> = {};
  const deviations: Deviation[] = [];
  // 处理决定数量 stays a variant of the 2021 column until the table turns out to be a 2019 one (see the end); 采购总金额
  // (the 2019 procurement amount) is a column of its own
  const allCols = [...ACTIVE_COLUMNS['2021'], ...ACTIVE_COLUMNS['2019'].filter((c) => c.key !== 'decisions')];
  let layout: TemplateVersion = '2021';
  const seenRows = new Set<string>();
  const seenVariant = new Set<string>();

  for (const grid of grids) {
    let header: { spec: LabelSpec; col: number; order: number }[] = [];
    for (let r = 0; r < grid.rows; r++) {
      const rc = rowCells(grid, r).filter((c) => c.text !== '');
      if (!rc.length) continue;
      const first = rc[0]!;
      const fk = labelKey(first.text);
      if (/^第二十条/.test(fk)) {
        if (/第\(九\)项/.test(fk)) layout = '2019';
        header = [];
        continue;
      }
      if (fk === '信息内容' || fk === '内容') {
        header = [];
        const hcells = rowCells(grid, r).filter((c) => c !== first && c.text !== '');
        hcells.forEach((c, order) => {
          // the amount column carries its unit: 本年收费金额（单位：万元）
          const m = matchLabel(c.text, allCols, { useBody: false, minSimilarity: 0.7 });
          if (!m) return;
          if (['made', 'published', 'totalPublished', 'previousCount', 'change', 'projects'].includes(m.spec.key)) layout = '2019';
          header.push({ spec: m.spec, col: c.col, order });
          if (m.quality === 'variant' && !seenVariant.has(m.spec.key + c.text)) {
            // "处理决定数量" is the 2019 wording in a 2021 table: a label variant, not an outdated template
            seenVariant.add(m.spec.key + c.text);
            deviations.push({ kind: 'label-variant', key: `active.col.${m.spec.key}`, canonical: m.spec.label, found: c.text, source: c.source });
          }
        });
        continue;
      }
      const rowsSpec = [...ACTIVE_ROWS['2021'], ...ACTIVE_ROWS['2019'].filter((x) => !['regulations', 'normativeDocuments', 'licensing', 'penalty', 'coercion', 'fees'].includes(x.key))];
      const m = matchLabel(first.text, rowsSpec, { useBody: false, minSimilarity: 0.8 });
      if (!m) continue;
      if (m.spec.key === 'otherServices' || m.spec.key === 'procurement') layout = '2019';
      if (m.quality === 'variant') {
        deviations.push({ kind: 'label-variant', key: `active.row.${m.spec.key}`, canonical: m.spec.label, found: first.text, source: first.source });
      }
      seenRows.add(m.spec.key);
      const all = rowCells(grid, r);
      const after = all.slice(all.indexOf(first) + 1);
      header.forEach((h, j) => {
        const key = cellKey('active', m.spec.key, h.spec.key);
        let cell: GridCell | undefined;
        if (grid.layout === 'positional') {
          cell = cellAt(grid, r, h.col);
          if (cell === first) cell = undefined;
        } else cell = after[j];
        cells[key] = cell ? (MONEY_KEYS.has(key) ? moneyEntryOf(cell) : entryOf(cell)) : { value: null, raw: '', source: first.source, kind: 'blank' };
      });
    }
  }

  const version = layout === '2019' ? '2019' : expected === '2019' ? '2019' : '2021';
  const missing: string[] = [];
  for (const row of ACTIVE_ROWS[version]) {
    if (!seenRows.has(row.key)) { missing.push(row.key); continue; }
    for (const c of row.columns) if (!(cellKey('active', row.key, c) in cells)) missing.push(`${row.key}.${c}`);
  }
  const grid = grids[0]!;
  // in a 2019 table, 规范性文件 and 处理决定数量 are the official words, not variants of the 2021 ones
  const official2019 = (d: Deviation) => {
    const [, kind, k] = d.key.split('.');
    const spec = kind === 'row' ? ACTIVE_ROWS['2019'].find((x) => x.key === k) : ACTIVE_COLUMNS['2019'].find((x) => x.key === k);
    return !!spec && labelKey(spec.label) === labelKey(d.found);
  };

  return {
    entry: {
      id: 'active', found: true, grid: grid.index, source: grid.source, confidence: Math.min(...grids.map((g) => g.confidence)),
      layout, missing,
    },
    cells,
    deviations: version === '2019' ? deviations.filter((d) => !official2019(d)) : deviations,
  };
}

/** Group-only labels, skipped before matching; "（六）其他处理" stays: it is the 2019 format's row. */
const GROUP_KEYS = new Set(
  APPLICATION_GROUP_LABELS.map(labelKey).filter((k) => !APPLICATION_ROWS.some((r) => labelKey(r.label) === k)),
);

// ─── table 3 ─────────────────────────────────────────────────────────────────
export function mapApplications(grid: Grid): TableMapping {
  const cells: Record<string, CellEntry> = {};
  const deviations: Deviation[] = [];
  let confidence = grid.confidence;

  // columns from the header rows (the rows before the first data row)
  const colPos = new Map<string, number>();
  let firstData = grid.rows;
  const rowMatches: { r: number; spec: (typeof APPLICATION_ROWS)[number]; label: GridCell; quality: 'exact' | 'variant' }[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const rc = rowCells(grid, r);
    let found: (typeof rowMatches)[number] | null = null;
    for (let i = rc.length - 1; i >= 0; i--) {
      const c = rc[i]!;
      if (!c.text || isDataText(c.text)) continue;
      if (GROUP_KEYS.has(labelKey(c.text))) continue;
      const m = matchLabel(c.text, APPLICATION_ROWS, { minSimilarity: 0.75 });
      if (m) { found = { r, spec: m.spec, label: c, quality: m.quality }; break; }
    }
    if (found) { rowMatches.push(found); if (r < firstData) firstData = r; }
  }
  for (let r = 0; r < Math.min(firstData, grid.rows); r++) {
    for (const c of rowCells(grid, r)) {
      if (!c.text) continue;
      const m = matchLabel(c.text, APPLICATION_COLUMNS, { useBody: false, minSimilarity: 0.8 });
      if (!m || colPos.has(m.spec.key)) continue;
      colPos.set(m.spec.key, c.col);
      if (m.quality === 'variant') {
        deviations.push({ kind: 'label-variant', key: `applications.col.${m.spec.key}`, canonical: m.spec.label, found: c.text, source: c.source });
      }
    }
  }
  const missingCols = APPLICATION_COLUMNS.filter((c) => !colPos.has(c.key)).map((c) => `col.${c.key}`);

  const width = APPLICATION_COLUMNS.length;
  let layout: TemplateVersion = '2021';
  const seen = new Set<string>();
  for (const { r, spec, label, quality } of rowMatches) {
    if (seen.has(spec.key)) continue;
    seen.add(spec.key);
    if (spec.key === 'otherHandling') layout = '2019';
    if (quality === 'variant') {
      deviations.push({ kind: 'label-variant', key: `applications.row.${spec.key}`, canonical: spec.label, found: label.text, source: label.source });
    }
    const rc = rowCells(grid, r);
    let values: (GridCell | undefined)[];
    if (grid.layout === 'positional' && colPos.size === width) {
      values = APPLICATION_COLUMNS.map((c) => {
        const cell = cellAt(grid, r, colPos.get(c.key)!);
        return cell && cell !== label && cell.col >= label.col + label.colSpan ? cell : undefined;
      });
    } else {
      const aligned = alignTail(rc.slice(rc.indexOf(label) + 1), width);
      if (aligned.guessed) confidence = Math.min(confidence, 0.6);
      values = aligned.cells;
    }
    APPLICATION_COLUMNS.forEach((c, j) => {
      cells[cellKey('applications', spec.key, c.key)] = values[j]
        ? entryOf(values[j])
        : { value: null, raw: '', source: label.source, kind: 'blank' };
    });
  }
  const rowsExpected = APPLICATION_ROWS.filter((x) => x.versions.includes(layout));
  const missing = [...missingCols, ...rowsExpected.filter((x) => !seen.has(x.key)).map((x) => `row.${x.key}`)];
  return {
    entry: { id: 'applications', found: true, grid: grid.index, source: grid.source, confidence, layout, missing },
    cells,
    deviations,
  };
}

/**
 * The data fields of a ragged row (text with merged cells missing), from the fields after the
 * row's label: a trailing empty field is the line's closing tab, a leading empty field the
 * label's second column. With more fields than columns the right-most are the data.
 */
export function alignTail(fields: GridCell[], width: number): { cells: (GridCell | undefined)[]; guessed: boolean } {
  const f = [...fields];
  const empty = (c: GridCell | undefined) => !c || c.text === '';
  if (f.length > width && empty(f[f.length - 1])) f.pop();
  while (f.length > width && empty(f[0])) f.shift();
  if (f.length > width) return { cells: f.slice(f.length - width), guessed: false };
  if (f.length === width) return { cells: f, guessed: false };
  // fewer fields than columns: position unknown, right-align and lower the confidence
  const cells: (GridCell | undefined)[] = new Array(width - f.length).fill(undefined);
  return { cells: [...cells, ...f], guessed: f.length > 0 };
}

// ─── table 4 ─────────────────────────────────────────────────────────────────
export function mapReviews(grid: Grid): TableMapping {
  const cells: Record<string, CellEntry> = {};
  const deviations: Deviation[] = [];
  let confidence = grid.confidence;
  // header cells naming the five columns, in column order
  const colCells: GridCell[] = [];
  let dataRow = -1;
  for (let r = 0; r < grid.rows; r++) {
    const rc = rowCells(grid, r);
    const nonEmpty = rc.filter((c) => c.text !== '');
    const numeric = nonEmpty.filter((c) => parseCellValue(c.text).kind === 'number');
    if (numeric.length >= 3 && numeric.length >= nonEmpty.length - 1) { dataRow = r; continue; }
    if (dataRow >= 0) continue;
    for (const c of rc) {
      if (c.row !== r || !c.text) continue;
      const m = matchLabel(c.text, REVIEW_COLUMNS, { useBody: false, minSimilarity: 0.75 });
      if (m) {
        colCells.push(c);
        if (m.quality === 'variant') deviations.push({ kind: 'label-variant', key: `reviews.col.${m.spec.key}`, canonical: m.spec.label, found: c.text, source: c.source });
      }
    }
  }
  // the data row: the last row with numbers (a row of blanks still counts in text layouts)
  if (dataRow < 0) {
    for (let r = grid.rows - 1; r >= 0; r--) {
      const rc = rowCells(grid, r);
      if (rc.length >= 10 && rc.every((c) => isDataText(c.text))) { dataRow = r; break; }
    }
  }
  const width = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
  let values: (GridCell | undefined)[] = [];
  if (dataRow >= 0) {
    colCells.sort((a, b) => a.col - b.col);
    if (grid.layout === 'positional' && colCells.length === width) {
      values = colCells.map((h) => cellAt(grid, dataRow, h.col));
    } else {
      const rc = rowCells(grid, dataRow).filter((c) => c.row === dataRow || grid.layout === 'ragged');
      const aligned = alignTail(rc, width);
      if (aligned.guessed) confidence = Math.min(confidence, 0.6);
      values = aligned.cells;
    }
  }
  const missing: string[] = [];
  if (dataRow < 0) missing.push('row.data');
  REVIEW_GROUPS.forEach((g, gi) => {
    REVIEW_COLUMNS.forEach((c, ci) => {
      const cell = values[gi * REVIEW_COLUMNS.length + ci];
      if (dataRow < 0) return;
      cells[cellKey('reviews', g.key, c.key)] = cell ? entryOf(cell) : { value: null, raw: '', source: grid.source, kind: 'blank' };
    });
  });
  return {
    entry: { id: 'reviews', found: true, grid: grid.index, source: grid.source, confidence, layout: null, missing },
    cells,
    deviations,
  };
}
