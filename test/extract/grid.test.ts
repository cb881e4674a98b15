import { describe, expect, it } from 'vitest';
import { buildGrid, cellAt, GRID_LIMITS, ownCells, rowCells, type RawCell } from '../../lib/extract/grid';
import { Grid } from '../../lib/extract/types';

const src = { kind: 'html', selector: 'table' } as const;

/** Shorthand: 'A' or ['A', rowSpan, colSpan]. */
type Spec = string | [string, number?, number?];
function rows(spec: Spec[][]): RawCell[][] {
  return spec.map((line, r) =>
    line.map((c, i) => {
      const [raw, rowSpan, colSpan] = typeof c === 'string' ? [c] : c;
      return { raw, rowSpan, colSpan, source: { kind: 'html', selector: `tr:nth-child(${r + 1}) > td:nth-child(${i + 1})` } };
    }),
  );
}

/** The grid as letters: each slot shows its origin cell's raw text, '.' for uncovered. */
function picture(g: Grid): string[] {
  return g.slots.map((line) => line.map((i) => (i < 0 ? '.' : g.cells[i]!.raw)).join(''));
}

describe('buildGrid', () => {
  it('resolves rowspan and colspan so that every slot knows its origin cell', () => {
    const { grid, truncated } = buildGrid(
      rows([
        [['A', 2, 1], ['B', 1, 2]],
        ['C', 'D'],
        [['E', 1, 3]],
      ]),
      { index: 0, source: src },
    );
    expect(truncated).toBe(false);
    expect(Grid.parse(grid)).toBeTruthy();
    expect(grid.rows).toBe(3);
    expect(grid.cols).toBe(3);
    expect(picture(grid)).toEqual(['ABB', 'ACD', 'EEE']);
    const a = cellAt(grid, 1, 0)!;
    expect(a.raw).toBe('A');
    expect([a.row, a.col, a.rowSpan, a.colSpan]).toEqual([0, 0, 2, 1]);
    expect(rowCells(grid, 1).map((c) => c.raw)).toEqual(['A', 'C', 'D']);
    expect(ownCells(grid, 1).map((c) => c.raw)).toEqual(['C', 'D']);
    // each origin cell once, with its own source
    expect(grid.cells.map((c) => c.raw)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(grid.cells[3]!.source).toEqual({ kind: 'html', selector: 'tr:nth-child(2) > td:nth-child(2)' });
  });

  it('normalises cell text but keeps the raw text', () => {
    const { grid } = buildGrid(rows([['\u00a0', '商业\n企业', '８０']]), { index: 0, source: src });
    expect(grid.cells.map((c) => c.raw)).toEqual(['\u00a0', '商业\n企业', '８０']);
    expect(grid.cells.map((c) => c.text)).toEqual(['', '商业 企业', '80']);
  });

  it('rowspan=0 spans to the last row', () => {
    const { grid } = buildGrid(rows([[['A', 0]], ['B'], ['C'], ['D']]), { index: 0, source: src });
    expect(grid.cells[0]!.rowSpan).toBe(4);
    // B..D are placed after the column A occupies
    expect(picture(grid)).toEqual(['A.', 'AB', 'AC', 'AD']);
  });

  it('a rowspan larger than the table is cut at the last row', () => {
    const { grid } = buildGrid(rows([[['A', 50], 'B'], ['C']]), { index: 0, source: src });
    expect(grid.rows).toBe(2);
    expect(grid.cells[0]!.rowSpan).toBe(2);
    expect(picture(grid)).toEqual(['AB', 'AC']);
  });

  it('overlapping spans: the earlier cell keeps a contested slot and nothing throws', () => {
    // B reaches down into row 1; C then claims two columns starting at column 0
    const { grid } = buildGrid(rows([['A', ['B', 2]], [['C', 1, 2]]]), { index: 0, source: src });
    expect(picture(grid)).toEqual(['AB', 'CB']);
    const c = grid.cells.find((x) => x.raw === 'C')!;
    expect([c.row, c.col, c.colSpan]).toEqual([1, 0, 2]);
    expect(cellAt(grid, 1, 1)!.raw).toBe('B');
  });

  it('ragged rows are padded with -1', () => {
    const { grid } = buildGrid(rows([['A', 'B', 'C'], ['D'], []]), { index: 0, source: src });
    expect(grid.rows).toBe(3);
    expect(grid.cols).toBe(3);
    expect(grid.slots).toEqual([[0, 1, 2], [3, -1, -1], [-1, -1, -1]]);
    expect(cellAt(grid, 1, 2)).toBeUndefined();
  });

  it('colspan="100000" is clamped to the column limit and reported as truncated', () => {
    const t0 = performance.now();
    const { grid, truncated } = buildGrid(rows([[['wide', 1, 100000], 'after'], ['x']]), { index: 0, source: src });
    expect(performance.now() - t0).toBeLessThan(5000); // a hang guard, not a speed test (bench/ measures speed)
    expect(grid.cols).toBe(GRID_LIMITS.maxCols);
    expect(grid.cells[0]!.colSpan).toBe(GRID_LIMITS.maxCols);
    expect(truncated).toBe(true);
    // the cell that no longer fits is dropped, not placed at column 1000+
    expect(grid.cells.some((c) => c.raw === 'after')).toBe(false);
    expect(grid.slots.every((l) => l.length === GRID_LIMITS.maxCols)).toBe(true);
  });

  it('huge rowspan x colspan stays within the slot budget', () => {
    const big: RawCell[][] = [[{ raw: 'X', rowSpan: 65534, colSpan: 1000, source: src }]];
    for (let i = 0; i < 5000; i++) big.push([{ raw: String(i), source: src }]);
    const t0 = performance.now();
    const { grid, truncated } = buildGrid(big, { index: 0, source: src });
    expect(performance.now() - t0).toBeLessThan(5000);
    // 5001 x 1000 slots exceed the budget: the spanning cell is cut to one row
    expect(truncated).toBe(true);
    expect(grid.cells[0]!.rowSpan).toBe(1);
    expect(grid.rows).toBe(5001);
    expect(cellAt(grid, 1, 0)!.raw).toBe('0');
  });

  it('a table beyond the slot budget is truncated, not exhausted', () => {
    const wide: RawCell[][] = [];
    for (let r = 0; r < 3000; r++) wide.push([{ raw: 'w', colSpan: 1000, source: src }]);
    const t0 = performance.now();
    const { grid, truncated } = buildGrid(wide, { index: 0, source: src });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(truncated).toBe(true);
    expect(grid.rows * grid.cols).toBeLessThanOrEqual(GRID_LIMITS.maxSlots);
  });

  it('a 10,000-row table builds quickly', () => {
    const many: RawCell[][] = [];
    for (let r = 0; r < 10_000; r++) {
      const line: RawCell[] = [];
      for (let c = 0; c < 8; c++) line.push({ raw: String(r * 8 + c), rowSpan: c === 0 && r % 10 === 0 ? 10 : undefined, source: src });
      many.push(line);
    }
    // every 10th row starts a 10-row label: the other rows' first cell moves one column right
    const t0 = performance.now();
    const { grid, truncated } = buildGrid(many, { index: 0, source: src });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(truncated).toBe(false);
    expect(grid.rows).toBe(10_000);
    expect(grid.cols).toBe(9);
    expect(grid.cells.length).toBe(80_000);
    expect(cellAt(grid, 9, 0)!.raw).toBe('0');
    expect(cellAt(grid, 10, 0)!.raw).toBe('80');
    expect(cellAt(grid, 11, 1)!.raw).toBe('88');
  });

  it('never throws on odd span values', () => {
    const odd: RawCell[][] = [[
      { raw: 'a', rowSpan: NaN, colSpan: -3, source: src },
      { raw: 'b', rowSpan: Infinity, colSpan: 2.7, source: src },
      { raw: 'c', rowSpan: 1e12, colSpan: 0, source: src },
    ]];
    const { grid } = buildGrid(odd, { index: 0, source: src });
    expect(grid.cells.map((c) => [c.rowSpan, c.colSpan])).toEqual([[1, 1], [1, 2], [1, 1]]);
    expect(buildGrid([], { index: 3, source: src }).grid).toMatchObject({ index: 3, rows: 0, cols: 0, cells: [] });
  });
});
