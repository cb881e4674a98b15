import { describe, expect, it } from 'vitest';
import { findTables, normalizeSegments } from '../../lib/extract/pdf/lattice';
import type { Segment } from '../../lib/extract/pdf/rulings';
import { assignWords, continues, partsToGrid } from '../../lib/extract/pdf/tables';
import type { Word } from '../../lib/extract/pdf/words';
import { unifyRadicals } from '../../lib/normalize/text';

/**
 * Tables cut by page breaks, as Chromium and LibreOffice draw them (the fixtures of
 * test/engine/pdf-fixtures.test.ts are the real thing; these are the same shapes made small).
 */
const h = (y: number, x0: number, x1: number): Segment => ({ o: 'h', x0, x1, y0: y, y1: y, src: 'fill' });
const v = (x: number, y0: number, y1: number): Segment => ({ o: 'v', x0: x, x1: x, y0, y1, src: 'fill' });
let seq = 0;
const word = (text: string, x0: number, y0: number, page: number, size = 8): Word => ({
  text, page, x0, y0, x1: x0 + size * [...text].length, y1: y0 + size, size, font: 'f', vertical: false, seq: seq++,
});

/** Columns 0–20 (group label), 20–80 (row label), 80–120 (value); rows every 20 pt from `top`. */
function grid(top: number, rows: number, opts: { groupRuled: boolean; openTop?: boolean; openBottom?: boolean }): Segment[] {
  const segs: Segment[] = [];
  const bottom = top + rows * 20;
  for (let r = 0; r <= rows; r++) {
    const y = top + r * 20;
    if ((r === 0 && opts.openTop) || (r === rows && opts.openBottom)) continue;
    // inner horizontals stop at the group column (a spanning cell) unless it is ruled
    segs.push(h(y, opts.groupRuled || r === 0 || r === rows ? 0 : 20, 120));
  }
  segs.push(v(20, top, bottom), v(80, top, bottom), v(120, top, bottom));
  segs.push(v(0, top, bottom));
  return segs;
}

describe('a spanning cell cut by a page break', () => {
  it('a lone vertical ruling beside a table, as tall as it, closes the column the break left open', () => {
    // Chromium draws the rest of a rowspan cell on the next page with its two side borders only
    const segs = normalizeSegments([...grid(0, 3, { groupRuled: false, openTop: true, openBottom: true }).filter((s) => !(s.o === 'h' && s.x0 === 0))]);
    const [t] = findTables(segs);
    expect(t!.xs).toEqual([0, 20, 80, 120]);
    // the group column is one cell over the three rows
    const first = t!.cells.filter((c) => c.c0 === 0);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ r0: 0, r1: 3 });
    expect(t!.openTop).toEqual([true, true, true]);
    expect(t!.openBottom).toEqual([true, true, true]);
  });
  it('a ruled table has closed edges', () => {
    const [t] = findTables(normalizeSegments(grid(0, 2, { groupRuled: true })));
    expect(t!.openTop).toEqual([false, false, false]);
    expect(t!.openBottom).toEqual([false, false, false]);
  });
});

describe('joining the parts of a table cut by page breaks', () => {
  it('open edges (Chromium): a cut row is one row again, a cut spanning cell one cell with its text joined', () => {
    // page 1: two rows, the group cell (rows 0–1) and the last row run on; page 2: the rest of the
    // last row (its label goes on) and one more row, the group cell still open
    const p1 = findTables(normalizeSegments([
      h(0, 0, 120), h(20, 20, 120), v(0, 0, 40), v(20, 0, 40), v(80, 0, 40), v(120, 0, 40),
    ]))[0]!;
    const p2 = findTables(normalizeSegments([
      h(30, 20, 120), h(50, 0, 120), v(0, 10, 50), v(20, 10, 50), v(80, 10, 50), v(120, 10, 50),
    ]))[0]!;
    expect(p1.openBottom).toEqual([true, true, true]);
    expect(p2.openTop).toEqual([true, true, true]);
    const a = assignWords(p1, [word('三、', 2, 2, 1), word('一行', 22, 2, 1), word('5', 82, 2, 1), word('二行很长的标', 22, 22, 1), word('7', 82, 22, 1)], 1).part;
    const b = assignWords(p2, [word('本年', 2, 12, 2), word('签', 22, 12, 2), word('三行', 22, 32, 2), word('9', 82, 32, 2)], 2).part;
    expect(continues(a, b)).toBe(true);
    const { grid: g, pages, warnings } = partsToGrid([a, b], 0);
    expect(warnings).toEqual([]);
    expect(pages).toEqual([1, 2]);
    expect(g.rows).toBe(3);
    const text = (r: number, c: number) => g.cells[g.slots[r]![c]!]!.text;
    expect(text(0, 0)).toBe('三、本年');
    expect(g.cells[g.slots[0]![0]!]!.rowSpan).toBe(3);
    expect([text(0, 1), text(0, 2)]).toEqual(['一行', '5']);
    expect([text(1, 1), text(1, 2)]).toEqual(['二行很长的标签', '7']);
    expect([text(2, 1), text(2, 2)]).toEqual(['三行', '9']);
  });
  it('closed edges (LibreOffice, Word): a first row holding only the rest of a full label is the cut row; a first row with values is a new row', () => {
    const ruled = (top: number, rows: number) => findTables(normalizeSegments(grid(top, rows, { groupRuled: true })))[0]!;
    const p1 = ruled(0, 2), p2 = ruled(10, 2);
    // "二行很长的标" fills its cell (60 pt, 6 characters of 8 pt + padding) and goes on below the break
    const a = assignWords(p1, [word('一行', 22, 2, 1), word('5', 82, 2, 1), word('二行很长的标', 22, 22, 1), word('7', 82, 22, 1)], 1).part;
    const cut = assignWords(p2, [word('签', 22, 12, 2), word('三行', 22, 32, 2), word('9', 82, 32, 2)], 2).part;
    const g = partsToGrid([a, cut], 0).grid;
    expect(g.rows).toBe(3);
    expect(g.cells[g.slots[1]![1]!]!.text).toBe('二行很长的标签');
    // a new row at the top of the next page stays a row
    const fresh = assignWords(p2, [word('三行', 22, 12, 2), word('9', 82, 12, 2), word('四行', 22, 32, 2), word('1', 82, 32, 2)], 2).part;
    const g2 = partsToGrid([a, fresh], 0).grid;
    expect(g2.rows).toBe(4);
    expect(g2.cells[g2.slots[2]![1]!]!.text).toBe('三行');
  });
  it('a header cut by the break joins a continuation with more columns', () => {
    const head = findTables(normalizeSegments([h(0, 0, 120), h(20, 0, 120), v(0, 0, 20), v(80, 0, 20), v(120, 0, 20)]))[0]!;
    const body = findTables(normalizeSegments([h(10, 0, 120), h(30, 0, 120), v(0, 10, 30), v(20, 10, 30), v(80, 10, 30), v(120, 10, 30)]))[0]!;
    const a = assignWords(head, [word('标题', 2, 2, 1)], 1).part;
    const b = assignWords(body, [word('1', 2, 12, 2)], 2).part;
    expect(continues(a, b)).toBe(true);
  });
});

describe('CJK radicals from a ToUnicode map', () => {
  it('become the ideographs drawn, one code unit for one', () => {
    expect(unifyRadicals('⼀、总体情况')).toBe('一、总体情况');
    expect(unifyRadicals('⻓⼦县⼈⺠政府')).toBe('长子县人民政府');
    expect(unifyRadicals('⻔户')).toBe('门户');
    expect(unifyRadicals('plain 文字')).toBe('plain 文字');
  });
});
