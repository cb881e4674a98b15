/**
 * Small geometry helpers for the PDF extractor. Coordinates are viewport coordinates at
 * scale 1: PDF units, origin top-left, y grows downwards (what SourceRef 'pdf' boxes use).
 */

/** [x0, y0, x1, y1] with x0 <= x1, y0 <= y1. */
export type Box = [number, number, number, number];
/** A PDF affine matrix [a, b, c, d, e, f]: (x, y) → (a·x + c·y + e, b·x + d·y + f). */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m ∘ n: apply n first, then m (pdf.js `Util.transform(m, n)`). */
export function mul(m: ArrayLike<number>, n: ArrayLike<number>): Matrix {
  const m0 = m[0]!, m1 = m[1]!, m2 = m[2]!, m3 = m[3]!, m4 = m[4]!, m5 = m[5]!;
  const n0 = n[0]!, n1 = n[1]!, n2 = n[2]!, n3 = n[3]!, n4 = n[4]!, n5 = n[5]!;
  return [
    m0 * n0 + m2 * n1,
    m1 * n0 + m3 * n1,
    m0 * n2 + m2 * n3,
    m1 * n2 + m3 * n3,
    m0 * n4 + m2 * n5 + m4,
    m1 * n4 + m3 * n5 + m5,
  ];
}

export function apply(m: ArrayLike<number>, x: number, y: number): [number, number] {
  return [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
}

/** Bounding box of points given as a flat list [x0, y0, x1, y1, …]. */
export function bboxOf(pts: number[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i + 1 < pts.length; i += 2) {
    const x = pts[i]!, y = pts[i + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

export function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function unionAll(boxes: Box[]): Box {
  let out = boxes[0]!;
  for (let i = 1; i < boxes.length; i++) out = union(out, boxes[i]!);
  return out;
}

/** Round a box to 0.01 units (what goes into SourceRefs and the debug output). */
export function roundBox(b: Box): Box {
  return [r2(b[0]), r2(b[1]), r2(b[2]), r2(b[3])];
}

export function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Index of the interval [edges[i], edges[i+1]) that contains v, or -1. edges ascending. */
export function intervalIndex(edges: number[], v: number): number {
  if (edges.length < 2 || v < edges[0]! || v > edges[edges.length - 1]!) return -1;
  let lo = 0, hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The most frequent value after binning to `bin` units (ties: the smaller value), weighted. */
export function modeOf(values: number[], bin: number, weights?: number[]): number {
  const counts = new Map<number, number>();
  values.forEach((v, i) => {
    const k = Math.round(v / bin);
    counts.set(k, (counts.get(k) ?? 0) + (weights?.[i] ?? 1));
  });
  let best = NaN, bestN = -1;
  for (const [k, n] of counts) if (n > bestN || (n === bestN && k * bin < best)) { best = k * bin; bestN = n; }
  return best;
}
