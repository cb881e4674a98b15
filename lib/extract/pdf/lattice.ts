import type { Box } from './geom';
import { intervalIndex } from './geom';
import type { Segment } from './rulings';

/**
 * Lattice table detection from ruling segments (the pdfplumber / Camelot "lattice" idea).
 *
 * 1. snap: parallel segments whose positions differ by at most SNAP are moved onto their
 *    (length-weighted) mean position — WPS strokes each border as a 2-point line, often twice,
 *    1–3 pt apart; Word's double borders are ~1.5 pt apart;
 * 2. join: collinear segments whose gap is at most JOIN are merged into one;
 * 3. tables: connected components of the "intersects" relation between horizontal and
 *    vertical segments (an end that stops short of the other line by up to INTERSECT
 *    still counts); a component needs at least 2 + 2 lines;
 * 4. grid lines: the component's distinct x (vertical rulings) and y (horizontal rulings);
 * 5. cells: the elementary slots between neighbouring grid lines are merged with their
 *    right / lower neighbour when no ruling covers (at least COVER of) the shared edge, so a
 *    spanning cell is a cell whose interior has no ruling between two grid lines.
 */
export const TOL = {
  snap: 3,
  join: 3,
  intersect: 3,
  /** share of a slot edge a ruling must cover to separate two slots */
  cover: 0.5,
  /** grid lines closer than this are one line (no sliver rows / columns) */
  gridMerge: 3,
} as const;

/** Hostile inputs: give up on a component with more slots than this. */
const MAX_SLOTS = 40_000;

export interface LatticeCell {
  /** slot rows r0..r1-1 and columns c0..c1-1 */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  box: Box;
}

export interface LatticeTable {
  /** column edges (ascending), rows edges (ascending) */
  xs: number[];
  ys: number[];
  cells: LatticeCell[];
  /** slot (r, c) → cell index: slot[r * (xs.length - 1) + c] */
  slot: Int32Array;
  box: Box;
  /** a merged region was not a rectangle and had to be cut into rows */
  irregular: boolean;
  /** the segments of this table (after snapping / joining) */
  segments: Segment[];
  /**
   * per column: the table's top (bottom) edge over that column has no ruling. A table cut by a
   * page break is drawn open there (Chromium splits a row or a spanning cell over two pages
   * without closing it), which tells a continued cell from a new one when parts are joined.
   */
  openTop: boolean[];
  openBottom: boolean[];
}

/** Snap near-duplicates and join collinear pieces. */
export function normalizeSegments(segs: Segment[]): Segment[] {
  const h = segs.filter((s) => s.o === 'h').map((s) => ({ ...s }));
  const v = segs.filter((s) => s.o === 'v').map((s) => ({ ...s }));
  snap(h);
  snap(v);
  return [...join(h, 'h'), ...join(v, 'v')];
}

function pos(s: Segment): number {
  return s.o === 'h' ? s.y0 : s.x0;
}
function setPos(s: Segment, p: number): void {
  if (s.o === 'h') { s.y0 = p; s.y1 = p; } else { s.x0 = p; s.x1 = p; }
}

function span(s: Segment): [number, number] {
  return s.o === 'h' ? [s.x0, s.x1] : [s.y0, s.y1];
}

/**
 * Near-duplicates are parallel segments at most SNAP apart whose extents overlap (or touch
 * within JOIN): they form a track and move onto its length-weighted mean position. Lines of
 * two different tables that merely sit at similar positions are left alone.
 */
function snap(list: Segment[]): void {
  list.sort((a, b) => pos(a) - pos(b));
  interface Track { first: number; lo: number; hi: number; wsum: number; psum: number; members: Segment[] }
  const tracks: Track[] = [];
  for (const s of list) {
    const p = pos(s);
    const [lo, hi] = span(s);
    let track: Track | null = null;
    for (let t = tracks.length - 1; t >= 0; t--) {
      const tr = tracks[t]!;
      if (p - tr.first > TOL.snap + 1e-6) break;
      if (lo <= tr.hi + TOL.join && hi >= tr.lo - TOL.join) { track = tr; break; }
    }
    if (!track) { track = { first: p, lo, hi, wsum: 0, psum: 0, members: [] }; tracks.push(track); }
    const w = Math.max(hi - lo, 0.1);
    track.wsum += w;
    track.psum += w * p;
    track.lo = Math.min(track.lo, lo);
    track.hi = Math.max(track.hi, hi);
    track.members.push(s);
  }
  for (const tr of tracks) {
    const mean = tr.psum / tr.wsum;
    for (const s of tr.members) setPos(s, mean);
  }
}

function join(list: Segment[], o: 'h' | 'v'): Segment[] {
  const out: Segment[] = [];
  const byPos = new Map<number, Segment[]>();
  for (const s of list) {
    const k = pos(s);
    let g = byPos.get(k);
    if (!g) byPos.set(k, (g = []));
    g.push(s);
  }
  for (const g of byPos.values()) {
    if (o === 'h') g.sort((a, b) => a.x0 - b.x0); else g.sort((a, b) => a.y0 - b.y0);
    let cur: Segment | null = null;
    for (const s of g) {
      if (!cur) { cur = { ...s }; continue; }
      if (o === 'h' ? s.x0 <= cur.x1 + TOL.join : s.y0 <= cur.y1 + TOL.join) {
        if (o === 'h') cur.x1 = Math.max(cur.x1, s.x1); else cur.y1 = Math.max(cur.y1, s.y1);
        if (s.src !== cur.src) cur.src = 'stroke';
      } else {
        out.push(cur);
        cur = { ...s };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function intersects(h: Segment, v: Segment): boolean {
  const t = TOL.intersect;
  return v.x0 >= h.x0 - t && v.x0 <= h.x1 + t && h.y0 >= v.y0 - t && h.y0 <= v.y1 + t;
}

/** Find the lattice tables among normalised segments. */
export function findTables(segs: Segment[]): LatticeTable[] {
  const hs = segs.filter((s) => s.o === 'h');
  const vs = segs.filter((s) => s.o === 'v');
  if (hs.length < 2 || vs.length < 2) return [];
  // union-find over all segments: h indices 0..H-1, v indices H..H+V-1
  const parent = new Int32Array(hs.length + vs.length).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; }
    return a;
  };
  // sweep: sort verticals by x so each horizontal only looks at verticals within its x-range
  const vOrder = vs.map((_, i) => i).sort((a, b) => vs[a]!.x0 - vs[b]!.x0);
  const vXs = vOrder.map((i) => vs[i]!.x0);
  hs.forEach((h, hi) => {
    let lo = lowerBound(vXs, h.x0 - TOL.intersect);
    for (; lo < vXs.length && vXs[lo]! <= h.x1 + TOL.intersect; lo++) {
      const vi = vOrder[lo]!;
      if (intersects(h, vs[vi]!)) {
        const a = find(hi), b = find(hs.length + vi);
        if (a !== b) parent[a] = b;
      }
    }
  });
  const comps = new Map<number, { h: Segment[]; v: Segment[] }>();
  hs.forEach((h, i) => {
    const r = find(i);
    let c = comps.get(r);
    if (!c) comps.set(r, (c = { h: [], v: [] }));
    c.h.push(h);
  });
  vs.forEach((v, i) => {
    const r = find(hs.length + i);
    let c = comps.get(r);
    if (!c) comps.set(r, (c = { h: [], v: [] }));
    c.v.push(v);
  });
  const tables: LatticeTable[] = [];
  const loose: Segment[] = [];
  for (const c of comps.values()) {
    if (c.h.length < 2 || c.v.length < 2) { if (!c.h.length && c.v.length === 1) loose.push(c.v[0]!); continue; }
    const t = buildTable(c.h, c.v);
    if (t && t.cells.length >= 2) tables.push(t);
  }
  // a lone vertical ruling beside a table, as tall as the table, closes a column that the page
  // break left without horizontal rulings (the rest of a spanning cell cut by the break)
  if (loose.length) {
    for (let i = 0; i < tables.length; i++) {
      const t = tables[i]!;
      const side = sideRulings(t, loose, tables);
      if (!side.length) continue;
      const rebuilt = buildTable(t.segments.filter((s) => s.o === 'h'), [...t.segments.filter((s) => s.o === 'v'), ...side]);
      if (rebuilt && rebuilt.cells.length >= 2) tables[i] = rebuilt;
    }
  }
  tables.sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  return tables;
}

/**
 * Lone vertical rulings just left or right of a table (the nearest on each side, closer than a
 * third of the table's width and than any other table) whose extent matches the table's height
 * within a few points: each becomes the table's new outer edge.
 */
function sideRulings(t: LatticeTable, loose: Segment[], tables: LatticeTable[]): Segment[] {
  const [x0, y0, x1, y1] = t.box;
  const h = y1 - y0, w = x1 - x0;
  const tol = TOL.intersect * 2;
  const fits = (v: Segment) => Math.abs(v.y0 - y0) <= tol && Math.abs(v.y1 - y1) <= tol && h > 0;
  const between = (a: number, b: number) => tables.some((o) => o !== t && o.box[1] < y1 && o.box[3] > y0 && o.box[0] < Math.max(a, b) && o.box[2] > Math.min(a, b));
  const out: Segment[] = [];
  const left = loose.filter((v) => fits(v) && v.x0 < x0 - TOL.gridMerge && x0 - v.x0 <= w / 3 && !between(v.x0, x0)).sort((a, b) => b.x0 - a.x0)[0];
  const right = loose.filter((v) => fits(v) && v.x0 > x1 + TOL.gridMerge && v.x0 - x1 <= w / 3 && !between(x1, v.x0)).sort((a, b) => a.x0 - b.x0)[0];
  if (left) out.push({ ...left, y0: Math.min(left.y0, y0), y1: Math.max(left.y1, y1) });
  if (right) out.push({ ...right, y0: Math.min(right.y0, y0), y1: Math.max(right.y1, y1) });
  return out;
}

function lowerBound(a: number[], v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < v) lo = m + 1; else hi = m;
  }
  return lo;
}

function edges(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of s) {
    if (out.length && v - out[out.length - 1]! <= TOL.gridMerge) continue;
    out.push(v);
  }
  return out;
}

function buildTable(hs: Segment[], vs: Segment[]): LatticeTable | null {
  const xs = edges(vs.map((v) => v.x0));
  const ys = edges(hs.map((h) => h.y0));
  // rulings running past the outermost perpendicular ones (a table with open sides) add an
  // edge, when at least two of them do (one stray line does not make a column)
  const over = TOL.intersect * 2;
  const extend = (edges: number[], ends: number[], dir: -1 | 1) => {
    const beyond = ends.filter((e) => (dir < 0 ? e < edges[0]! - over : e > edges[edges.length - 1]! + over));
    if (beyond.length < 2) return;
    const e = dir < 0 ? Math.max(...beyond) : Math.min(...beyond);
    if (dir < 0) edges.unshift(e); else edges.push(e);
  };
  extend(xs, hs.map((h) => h.x0), -1);
  extend(xs, hs.map((h) => h.x1), 1);
  extend(ys, vs.map((v) => v.y0), -1);
  extend(ys, vs.map((v) => v.y1), 1);
  const cols = xs.length - 1, rows = ys.length - 1;
  if (cols < 1 || rows < 1 || rows * cols > MAX_SLOTS) return null;

  const near = (a: number, b: number) => Math.abs(a - b) <= TOL.gridMerge + 1e-6;
  /** is the edge x = xs[k] between rows ys[r]..ys[r+1] ruled? */
  const vCover = (k: number, r: number): boolean => {
    const a = ys[r]!, b = ys[r + 1]!;
    let covered = 0;
    for (const v of vs) if (near(v.x0, xs[k]!)) covered += Math.max(0, Math.min(b, v.y1) - Math.max(a, v.y0));
    return covered >= TOL.cover * (b - a);
  };
  const hCover = (k: number, c: number): boolean => {
    const a = xs[c]!, b = xs[c + 1]!;
    let covered = 0;
    for (const h of hs) if (near(h.y0, ys[k]!)) covered += Math.max(0, Math.min(b, h.x1) - Math.max(a, h.x0));
    return covered >= TOL.cover * (b - a);
  };

  const parent = new Int32Array(rows * cols).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; }
    return a;
  };
  const unite = (a: number, b: number) => { const x = find(a), y = find(b); if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vCover(c + 1, r)) unite(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hCover(r + 1, c)) unite(r * cols + c, (r + 1) * cols + c);
    }
  }
  // groups → rectangles
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rows * cols; i++) {
    const g = find(i);
    let l = groups.get(g);
    if (!l) groups.set(g, (l = []));
    l.push(i);
  }
  const cells: LatticeCell[] = [];
  const slot = new Int32Array(rows * cols).fill(-1);
  let irregular = false;
  const addCell = (r0: number, c0: number, r1: number, c1: number) => {
    const idx = cells.length;
    cells.push({ r0, c0, r1, c1, box: [xs[c0]!, ys[r0]!, xs[c1]!, ys[r1]!] });
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) slot[r * cols + c] = idx;
  };
  for (const members of groups.values()) {
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    for (const i of members) {
      const r = Math.floor(i / cols), c = i % cols;
      r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c);
    }
    if (members.length === (r1 - r0 + 1) * (c1 - c0 + 1)) {
      addCell(r0, c0, r1 + 1, c1 + 1);
      continue;
    }
    // not a rectangle (a ruling is missing somewhere): cut into runs, row by row
    irregular = true;
    const set = new Set(members);
    for (let r = r0; r <= r1; r++) {
      let c = c0;
      while (c <= c1) {
        if (!set.has(r * cols + c)) { c++; continue; }
        let e = c;
        while (e + 1 <= c1 && set.has(r * cols + e + 1)) e++;
        addCell(r, c, r + 1, e + 1);
        c = e + 1;
      }
    }
  }
  // reading order: by first row, then first column
  const order = cells.map((_, i) => i).sort((a, b) => cells[a]!.r0 - cells[b]!.r0 || cells[a]!.c0 - cells[b]!.c0);
  const remap = new Int32Array(cells.length);
  order.forEach((old, nu) => { remap[old] = nu; });
  for (let i = 0; i < slot.length; i++) slot[i] = remap[slot[i]!]!;
  const openTop = Array.from({ length: cols }, (_, c) => !hCover(0, c));
  const openBottom = Array.from({ length: cols }, (_, c) => !hCover(rows, c));
  return {
    xs,
    ys,
    cells: order.map((i) => cells[i]!),
    slot,
    box: [xs[0]!, ys[0]!, xs[cols]!, ys[rows]!],
    irregular,
    segments: [...hs, ...vs],
    openTop,
    openBottom,
  };
}

/** The cell containing point (x, y), or -1. */
export function cellAtPoint(t: LatticeTable, x: number, y: number): number {
  const c = intervalIndex(t.xs, x), r = intervalIndex(t.ys, y);
  if (c < 0 || r < 0) return -1;
  return t.slot[r * (t.xs.length - 1) + c]!;
}
