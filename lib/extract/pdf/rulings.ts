import type { Matrix } from './geom';
import { apply, mul, IDENTITY } from './geom';

/**
 * Ruling lines from a pdf.js operator list (pdfjs-dist 5.x).
 *
 * In 5.x every path arrives as one `constructPath` op whose args are
 * `[paintOp, [pathData], minMax]`: pathData is a flat list of codes and coordinates
 * (0 moveTo x y, 1 lineTo x y, 2 curveTo x1 y1 x2 y2 x3 y3, 3 quadraticCurveTo x1 y1 x2 y2,
 * 4 closePath), `re` already expanded to moveTo/lineTo/closePath. Coordinates are in the
 * current transform, which we track ourselves through save / restore / transform (cm) and
 * form XObjects. Clip paths (paintOp endPath) and curves are ignored.
 *
 * Two drawing styles matter:
 *  - stroked 2-point lines (WPS, Word; often near-duplicates 1–3 pt apart) and stroked
 *    rectangles (`re S`): every axis-aligned straight piece becomes a segment;
 *  - thin filled rectangles (Chromium "print to PDF", Excel): a rectangle no thicker than
 *    THIN becomes a segment along its long axis.
 * Invisible paint (white or near-white) is skipped; so are thick strokes (decoration).
 */
export interface Segment {
  /** 'h': y0 === y1 and x0 < x1; 'v': x0 === x1 and y0 < y1 */
  o: 'h' | 'v';
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** how it was drawn */
  src: 'stroke' | 'fill';
}

export interface OpScan {
  segments: Segment[];
  /** images painted on the page (XObjects, inline images, image masks) */
  images: number;
  /** page area fraction covered by the largest image (0..1) */
  largestImage: number;
  /** paths skipped because they were malformed */
  malformed: number;
}

/** Filled rectangles up to this thickness (PDF units) are rulings. */
export const THIN = 2.5;
/** Strokes wider than this are decoration, not table rulings. */
export const MAX_STROKE = 6;
/** A straight piece counts as horizontal / vertical when its drift is below max(ALIGN, 2 % of length). */
const ALIGN = 0.5;
/** Segments shorter than this are noise (dots, dashes of a dashed line are joined later). */
const MIN_LEN = 1;

interface GState {
  ctm: Matrix;
  lineWidth: number;
  strokeVisible: boolean;
  fillVisible: boolean;
}

type OpsTable = Record<string, number>;

/**
 * Scan one page's operator list. `viewportTransform` maps PDF user space to the viewport
 * (`page.getViewport({ scale: 1 }).transform`).
 */
export function scanOperatorList(
  ol: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  OPS: OpsTable,
  viewportTransform: ArrayLike<number>,
  pageArea: number,
): OpScan {
  const op = (name: string) => (OPS[name] ?? -1000);
  const O = {
    save: op('save'), restore: op('restore'), transform: op('transform'),
    setLineWidth: op('setLineWidth'), setGState: op('setGState'),
    setStrokeRGBColor: op('setStrokeRGBColor'), setFillRGBColor: op('setFillRGBColor'),
    setStrokeGray: op('setStrokeGray'), setFillGray: op('setFillGray'),
    setStrokeColor: op('setStrokeColor'), setFillColor: op('setFillColor'),
    setStrokeColorN: op('setStrokeColorN'), setFillColorN: op('setFillColorN'),
    constructPath: op('constructPath'),
    formBegin: op('paintFormXObjectBegin'), formEnd: op('paintFormXObjectEnd'),
    stroke: op('stroke'), closeStroke: op('closeStroke'), fill: op('fill'), eoFill: op('eoFill'),
    fillStroke: op('fillStroke'), eoFillStroke: op('eoFillStroke'),
    closeFillStroke: op('closeFillStroke'), closeEOFillStroke: op('closeEOFillStroke'),
    endPath: op('endPath'),
  };
  const imageOps = new Set(
    ['paintImageXObject', 'paintInlineImageXObject', 'paintInlineImageXObjectGroup', 'paintImageXObjectRepeat',
      'paintImageMaskXObject', 'paintImageMaskXObjectGroup', 'paintImageMaskXObjectRepeat', 'paintSolidColorImageMask']
      .map(op).filter((n) => n >= 0),
  );
  const strokeOps = new Set([O.stroke, O.closeStroke, O.fillStroke, O.eoFillStroke, O.closeFillStroke, O.closeEOFillStroke]);
  const fillOps = new Set([O.fill, O.eoFill, O.fillStroke, O.eoFillStroke, O.closeFillStroke, O.closeEOFillStroke]);
  const closingOps = new Set([O.closeStroke, O.closeFillStroke, O.closeEOFillStroke]);

  const vt = Array.from(viewportTransform);
  let gs: GState = { ctm: [...IDENTITY] as Matrix, lineWidth: 1, strokeVisible: true, fillVisible: true };
  const stack: GState[] = [];
  const segments: Segment[] = [];
  let images = 0, largestImage = 0, malformed = 0;

  const n = ol.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ol.fnArray[i]!;
    const args = ol.argsArray[i] as unknown[] | null | undefined;
    if (fn === O.save) { stack.push({ ...gs }); continue; }
    if (fn === O.restore) { gs = stack.pop() ?? gs; continue; }
    if (fn === O.transform) {
      if (args && args.length >= 6) gs = { ...gs, ctm: mul(gs.ctm, args as number[]) };
      continue;
    }
    if (fn === O.formBegin) {
      stack.push({ ...gs });
      const m = args?.[0];
      if (isNumList(m, 6)) gs = { ...gs, ctm: mul(gs.ctm, m) };
      continue;
    }
    if (fn === O.formEnd) { gs = stack.pop() ?? gs; continue; }
    if (fn === O.setLineWidth) { const w = Number(args?.[0]); if (Number.isFinite(w)) gs = { ...gs, lineWidth: w }; continue; }
    if (fn === O.setGState) {
      // [[key, value], …]: LW can be set here too
      const entries = args?.[0];
      if (Array.isArray(entries)) for (const e of entries) if (Array.isArray(e) && e[0] === 'LW' && Number.isFinite(Number(e[1]))) gs = { ...gs, lineWidth: Number(e[1]) };
      continue;
    }
    if (fn === O.setStrokeRGBColor || fn === O.setStrokeGray || fn === O.setStrokeColor) { gs = { ...gs, strokeVisible: visibleColor(args) }; continue; }
    if (fn === O.setFillRGBColor || fn === O.setFillGray || fn === O.setFillColor) { gs = { ...gs, fillVisible: visibleColor(args) }; continue; }
    if (fn === O.setStrokeColorN) { gs = { ...gs, strokeVisible: true }; continue; }
    if (fn === O.setFillColorN) { gs = { ...gs, fillVisible: true }; continue; }
    if (imageOps.has(fn)) {
      images++;
      // images are drawn into the unit square of the current transform
      const m = mul(vt, gs.ctm);
      const pts = [...apply(m, 0, 0), ...apply(m, 1, 0), ...apply(m, 0, 1), ...apply(m, 1, 1)];
      const w = Math.max(pts[0]!, pts[2]!, pts[4]!, pts[6]!) - Math.min(pts[0]!, pts[2]!, pts[4]!, pts[6]!);
      const h = Math.max(pts[1]!, pts[3]!, pts[5]!, pts[7]!) - Math.min(pts[1]!, pts[3]!, pts[5]!, pts[7]!);
      if (pageArea > 0) largestImage = Math.max(largestImage, Math.min(1, (w * h) / pageArea));
      continue;
    }
    if (fn !== O.constructPath || !args) continue;

    const paintOp = Number(args[0]);
    if (paintOp === O.endPath) continue; // clip paths and no-op paths
    const doStroke = strokeOps.has(paintOp) && gs.strokeVisible;
    const doFill = fillOps.has(paintOp) && gs.fillVisible;
    if (!doStroke && !doFill) continue;
    const m = mul(vt, gs.ctm);
    const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
    const strokeOk = doStroke && gs.lineWidth * scale <= MAX_STROKE;
    for (const data of pathDatas(args[1])) {
      const subpaths = parsePath(data, m);
      if (!subpaths) { malformed++; continue; }
      for (const sp of subpaths) {
        if (strokeOk) strokePieces(sp, closingOps.has(paintOp), segments);
        if (doFill) thinRect(sp, segments);
      }
    }
  }
  return { segments, images, largestImage, malformed };
}

function isNumList(v: unknown, len: number): v is number[] {
  return !!v && typeof v === 'object' && typeof (v as ArrayLike<unknown>).length === 'number'
    && (v as ArrayLike<unknown>).length >= len && typeof (v as ArrayLike<unknown>)[0] === 'number';
}

/** args[1] is `[pathData]` in 5.x; accept a bare flat list too. */
function pathDatas(a: unknown): ArrayLike<number>[] {
  if (!a || typeof a !== 'object') return [];
  if (Array.isArray(a)) {
    if (a.length && typeof a[0] === 'number') return [a as number[]];
    return a.filter((d): d is ArrayLike<number> => !!d && typeof d === 'object' && typeof (d as ArrayLike<number>).length === 'number');
  }
  if (typeof (a as ArrayLike<number>).length === 'number') return [a as ArrayLike<number>];
  return [];
}

interface Subpath {
  /** straight pieces [x0, y0, x1, y1] in viewport coordinates */
  pieces: number[][];
  /** vertices of the subpath (viewport) when it has no curves */
  pts: number[];
  start: [number, number] | null;
  closed: boolean;
  curved: boolean;
}

function parsePath(d: ArrayLike<number>, m: Matrix): Subpath[] | null {
  const out: Subpath[] = [];
  let cur: Subpath | null = null;
  let cx = 0, cy = 0; // current point (viewport)
  let i = 0;
  const len = d.length;
  const newSub = (x: number, y: number) => {
    cur = { pieces: [], pts: [x, y], start: [x, y], closed: false, curved: false };
    out.push(cur);
  };
  while (i < len) {
    const code = d[i++]!;
    switch (code) {
      case 0: { // moveTo
        if (i + 2 > len) return null;
        const [x, y] = apply(m, d[i]!, d[i + 1]!);
        i += 2;
        newSub(x, y);
        cx = x; cy = y;
        break;
      }
      case 1: { // lineTo
        if (i + 2 > len) return null;
        const [x, y] = apply(m, d[i]!, d[i + 1]!);
        i += 2;
        if (!cur) newSub(cx, cy);
        const sp = cur as unknown as Subpath;
        sp.pieces.push([cx, cy, x, y]);
        sp.pts.push(x, y);
        cx = x; cy = y;
        break;
      }
      case 2: case 3: { // curveTo, quadraticCurveTo: ignored, but the current point moves
        const k = code === 2 ? 6 : 4;
        if (i + k > len) return null;
        const [x, y] = apply(m, d[i + k - 2]!, d[i + k - 1]!);
        i += k;
        if (!cur) newSub(cx, cy);
        (cur as unknown as Subpath).curved = true;
        cx = x; cy = y;
        break;
      }
      case 4: { // closePath
        if (cur) {
          const sp = cur as Subpath;
          if (sp.start) {
            if (Math.abs(sp.start[0] - cx) > 1e-6 || Math.abs(sp.start[1] - cy) > 1e-6) sp.pieces.push([cx, cy, sp.start[0], sp.start[1]]);
            cx = sp.start[0]; cy = sp.start[1];
          }
          sp.closed = true;
          cur = null; // a following lineTo starts a new subpath at the start point
        }
        break;
      }
      default:
        return null;
    }
  }
  return out;
}

function strokePieces(sp: Subpath, closeIt: boolean, out: Segment[]): void {
  const pieces = sp.pieces.slice();
  if (closeIt && !sp.closed && sp.start && sp.pts.length >= 4) {
    const lx = sp.pts[sp.pts.length - 2]!, ly = sp.pts[sp.pts.length - 1]!;
    pieces.push([lx, ly, sp.start[0], sp.start[1]]);
  }
  for (const p of pieces) {
    const seg = axisSegment(p[0]!, p[1]!, p[2]!, p[3]!, 'stroke');
    if (seg) out.push(seg);
  }
}

function axisSegment(xa: number, ya: number, xb: number, yb: number, src: Segment['src']): Segment | null {
  const dx = Math.abs(xb - xa), dy = Math.abs(yb - ya);
  if (dx >= MIN_LEN && dy <= Math.max(ALIGN, 0.02 * dx)) {
    const y = (ya + yb) / 2;
    return { o: 'h', x0: Math.min(xa, xb), x1: Math.max(xa, xb), y0: y, y1: y, src };
  }
  if (dy >= MIN_LEN && dx <= Math.max(ALIGN, 0.02 * dy)) {
    const x = (xa + xb) / 2;
    return { o: 'v', x0: x, x1: x, y0: Math.min(ya, yb), y1: Math.max(ya, yb), src };
  }
  return null;
}

/** A filled axis-aligned rectangle no thicker than THIN → one segment along its long axis. */
function thinRect(sp: Subpath, out: Segment[]): void {
  if (sp.curved || sp.pts.length < 6) return;
  const pts = sp.pts;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < pts.length; i += 2) {
    x0 = Math.min(x0, pts[i]!); x1 = Math.max(x1, pts[i]!);
    y0 = Math.min(y0, pts[i + 1]!); y1 = Math.max(y1, pts[i + 1]!);
  }
  // every vertex must sit on the bounding box's corners (an axis-aligned rectangle)
  for (let i = 0; i < pts.length; i += 2) {
    const onX = Math.abs(pts[i]! - x0) <= ALIGN || Math.abs(pts[i]! - x1) <= ALIGN;
    const onY = Math.abs(pts[i + 1]! - y0) <= ALIGN || Math.abs(pts[i + 1]! - y1) <= ALIGN;
    if (!onX || !onY) return;
  }
  const w = x1 - x0, h = y1 - y0;
  if (h <= THIN && w >= Math.max(MIN_LEN, 2 * h)) out.push({ o: 'h', x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2, src: 'fill' });
  else if (w <= THIN && h >= Math.max(MIN_LEN, 2 * w)) out.push({ o: 'v', x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1, src: 'fill' });
}

/**
 * pdf.js 5.x gives colours as "#rrggbb" strings; older builds as [r, g, b] bytes.
 * Near-white paint is invisible on paper: it draws no ruling.
 */
function visibleColor(args: unknown[] | null | undefined): boolean {
  const a = args?.[0];
  let rgb: number[] | null = null;
  if (typeof a === 'string' && /^#[0-9a-f]{6}$/i.test(a)) {
    rgb = [parseInt(a.slice(1, 3), 16), parseInt(a.slice(3, 5), 16), parseInt(a.slice(5, 7), 16)];
  } else if (args && args.length >= 3 && args.slice(0, 3).every((x) => typeof x === 'number')) {
    rgb = (args.slice(0, 3) as number[]).map((x) => (x <= 1 ? x * 255 : x));
  } else if (args && args.length === 1 && typeof a === 'number') {
    rgb = [a <= 1 ? a * 255 : a, a <= 1 ? a * 255 : a, a <= 1 ? a * 255 : a];
  }
  if (!rgb) return true;
  return !(rgb[0]! >= 240 && rgb[1]! >= 240 && rgb[2]! >= 240);
}
