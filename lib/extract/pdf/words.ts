import type { Box } from './geom';
import { apply, unionAll } from './geom';
import { unifyRadicals } from '../../normalize/text';

/**
 * pdf.js text items → words → lines.
 *
 * getTextContent gives runs ("items") that split wherever the font changes (even inside a
 * word), carry whitespace-only items with meaningless widths, and may hold several
 * space-separated words. We drop whitespace-only items, split the rest at spaces into words
 * (x positions estimated from character widths: CJK and full-width characters count 1 em,
 * others ½ em), and rebuild lines from positions.
 */
export interface Word {
  text: string;
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** font size (PDF units) */
  size: number;
  font: string;
  vertical: boolean;
  /** order of the item in the content stream */
  seq: number;
}

export interface Line {
  page: number;
  words: Word[];
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** median font size of the line */
  size: number;
  vertical: boolean;
}

/** The fields of a pdf.js TextItem that we use. */
export interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir?: string;
  fontName?: string;
}

export interface FontStyle {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0xd800 && code <= 0xdbff) // astral CJK (surrogate lead counts for the pair)
  );
}

/** CJK text or CJK / general punctuation that Chinese prose uses (a wrap adds no space). */
export function isCjkish(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return isWide(c) || (c >= 0x2010 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f);
}

function charWeights(s: string): number[] {
  const w: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) w.push(0); // trail surrogate
    else w.push(isWide(c) ? 1 : 0.5);
  }
  return w;
}

/**
 * Convert the text items of one page to words in viewport coordinates.
 * `vt` is the page viewport transform at scale 1.
 */
export function itemsToWords(
  items: ArrayLike<unknown>,
  styles: Record<string, FontStyle | undefined>,
  vt: ArrayLike<number>,
  page: number,
): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Partial<RawTextItem> | null;
    if (!it || typeof it.str !== 'string' || !Array.isArray(it.transform)) continue; // marked content
    const str = unifyRadicals(it.str);
    if (!str.trim()) continue;
    const tm = it.transform;
    const font = it.fontName ?? '';
    const st = styles[font];
    const width = Number.isFinite(it.width) ? Math.abs(it.width!) : 0;
    const height = Number.isFinite(it.height) ? Math.abs(it.height!) : 0;
    const size = Math.hypot(tm[2] ?? 0, tm[3] ?? 0) || height || Math.hypot(tm[0] ?? 0, tm[1] ?? 0) || 1;
    if (it.dir === 'ttb' || st?.vertical) {
      // vertical text: pdf.js puts the origin at the left edge, the run extends downwards
      const h = height || size * str.length;
      const w = (it.dir === 'ttb' ? width : 0) || size;
      const e = tm[4]!, f = tm[5]!;
      const box = boxOf(vt, [e, f - h, e + w, f - h, e, f, e + w, f]);
      out.push({ text: str, page, x0: box[0], y0: box[1], x1: box[2], y1: box[3], size, font, vertical: it.dir === 'ttb', seq: i });
      continue;
    }
    const a = tm[0]!, b = tm[1]!, c = tm[2]!, d = tm[3]!, e = tm[4]!, f = tm[5]!;
    const ulen = Math.hypot(a, b) || 1, vlen = Math.hypot(c, d) || 1;
    const ux = a / ulen, uy = b / ulen, vx = c / vlen, vy = d / vlen;
    const asc = st?.ascent && st.ascent > 0 && st.ascent < 1.5 ? st.ascent : 0.85;
    const desc = st?.descent && st.descent < 0 && st.descent > -1 ? st.descent : -0.15;
    const corner = (t: number, s: number): [number, number] => [e + ux * t + vx * s * size, f + uy * t + vy * s * size];
    const place = (t0: number, t1: number, text: string) => {
      const p = [...corner(t0, desc), ...corner(t1, desc), ...corner(t0, asc), ...corner(t1, asc)];
      const box = boxOf(vt, p);
      out.push({ text, page, x0: box[0], y0: box[1], x1: box[2], y1: box[3], size, font, vertical: false, seq: i });
    };
    if (!/\s/.test(str.trim())) {
      place(0, width, str.trim());
      continue;
    }
    // several words in one item: split at whitespace, positions by character weights
    const weights = charWeights(str);
    const total = weights.reduce((s, x) => s + x, 0) || 1;
    const cum: number[] = [0];
    for (const w of weights) cum.push(cum[cum.length - 1]! + w);
    for (const m of str.matchAll(/\S+/g)) {
      const s = m.index!, en = s + m[0].length;
      place((width * cum[s]!) / total, (width * cum[en]!) / total, m[0]);
    }
  }
  return out;
}

function boxOf(vt: ArrayLike<number>, pdfPts: number[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < pdfPts.length; i += 2) {
    const [x, y] = apply(vt, pdfPts[i]!, pdfPts[i + 1]!);
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

/**
 * Split a word at x positions (vertical rulings that cross it): characters go to the side
 * their estimated centre falls on. Returns the word itself when nothing crosses it.
 */
export function splitWordAt(w: Word, cuts: number[], margin = 1.5): Word[] {
  const inside = cuts.filter((x) => x > w.x0 + margin && x < w.x1 - margin).sort((a, b) => a - b);
  if (!inside.length || w.vertical || w.text.length < 2) return [w];
  const weights = charWeights(w.text);
  const total = weights.reduce((s, x) => s + x, 0) || 1;
  const width = w.x1 - w.x0;
  const parts: Word[] = [];
  let start = 0, acc = 0, cut = 0;
  let startX = w.x0;
  for (let i = 0; i < w.text.length; i++) {
    const cx = w.x0 + (width * (acc + weights[i]! / 2)) / total;
    while (cut < inside.length && cx > inside[cut]!) {
      if (i > start) {
        const endX = w.x0 + (width * acc) / total;
        parts.push({ ...w, text: w.text.slice(start, i), x0: startX, x1: endX });
        startX = endX;
        start = i;
      }
      cut++;
    }
    acc += weights[i]!;
  }
  parts.push({ ...w, text: w.text.slice(start), x0: startX, x1: w.x1 });
  return parts.filter((p) => p.text.trim());
}

/** Glue between two pieces on one line: a space where there is a visible gap. */
function glue(prev: Word, next: Word): string {
  if (/\s$/.test(prev.text) || /^\s/.test(next.text)) return '';
  const gap = next.x0 - prev.x1;
  return gap > 0.25 * Math.min(prev.size, next.size) ? ' ' : '';
}

/** Group words into lines (by vertical overlap), each line's words left to right. */
export function wordsToLines(words: Word[]): Line[] {
  const horiz = words.filter((w) => !w.vertical).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const groups: Word[][] = [];
  const spans: [number, number][] = [];
  for (const w of horiz) {
    const h = w.y1 - w.y0;
    let placed = false;
    // the word joins a recent line it overlaps by at least half of the smaller height
    for (let g = groups.length - 1; g >= Math.max(0, groups.length - 3); g--) {
      const [a, b] = spans[g]!;
      const ov = Math.min(b, w.y1) - Math.max(a, w.y0);
      if (ov >= 0.5 * Math.min(h, b - a)) {
        groups[g]!.push(w);
        spans[g] = [Math.min(a, w.y0), Math.max(b, w.y1)];
        placed = true;
        break;
      }
    }
    if (!placed) { groups.push([w]); spans.push([w.y0, w.y1]); }
  }
  const lines = groups.map((g) => makeLine(g));
  for (const w of words) if (w.vertical) lines.push(makeLine([w], true));
  return lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

function makeLine(ws: Word[], vertical = false): Line {
  const sorted = dedupe([...ws].sort((a, b) => a.x0 - b.x0 || a.seq - b.seq));
  let text = '';
  sorted.forEach((w, i) => { text += (i ? glue(sorted[i - 1]!, w) : '') + w.text; });
  const box = unionAll(sorted.map((w) => [w.x0, w.y0, w.x1, w.y1] as Box));
  const sizes = sorted.map((w) => w.size).sort((a, b) => a - b);
  return {
    page: sorted[0]!.page,
    words: sorted,
    text,
    x0: box[0], y0: box[1], x1: box[2], y1: box[3],
    size: sizes[sizes.length >> 1]!,
    vertical,
  };
}

/** Fake bold: the same text drawn twice a fraction of a point apart. */
function dedupe(ws: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of ws) {
    const dup = out.some((o) => o.text === w.text && Math.abs(o.x0 - w.x0) < 1 && Math.abs(o.y0 - w.y0) < 1);
    if (!dup) out.push(w);
  }
  return out;
}

/**
 * Join the text of consecutive lines of one paragraph or cell: a wrap between CJK
 * characters (or CJK punctuation) adds nothing, other wraps add a space.
 */
export function joinWrap(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (/\s$/.test(a) || /^\s/.test(b)) return a + b;
  const last = a[a.length - 1], first = b[0];
  if (isCjkish(last) || isCjkish(first)) return a + b;
  if (last === '-' && /[A-Za-z]/.test(a[a.length - 2] ?? '')) return a + b; // hyphenated word
  return a + ' ' + b;
}

/** Text of the words inside one cell: lines top to bottom, joined with joinWrap. */
export function cellText(ws: Word[]): string {
  if (!ws.length) return '';
  const horiz = ws.filter((w) => !w.vertical);
  // vertical columns read right to left, each top to bottom
  const vert = ws.filter((w) => w.vertical).sort((a, b) => b.x1 - a.x1 || a.y0 - b.y0);
  let text = '';
  for (const l of wordsToLines(horiz)) text = joinWrap(text, l.text);
  for (const w of vert) text = joinWrap(text, w.text);
  return text;
}
