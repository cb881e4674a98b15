import { RADICALS } from './radicals';

/**
 * Text normalisation that real pages and PDFs need (report-format.md §6):
 * NBSP / ideographic space → space, full-width ASCII (digits, letters, brackets, punctuation)
 * → half-width, CJK radicals → unified ideographs (NFKC for the Kangxi block plus the
 * generated map for the rest), zero-width characters removed.
 *
 * `normalizeChars` is length-preserving (one UTF-16 unit in, one out), so offsets computed
 * on its output are valid in the raw text: narrative evidence points at the raw sentence.
 */
const NEEDS_MAPPING = /[\u00a0\u3000\u2002\u2003\u2009\u202f\u200b-\u200d\ufeff\uff01-\uff5e\u2e80-\u2fd5\u2212]/;
/** the same without the full-width comma （U+FF0C） */
const NEEDS_MAPPING_BUT_COMMA = /[\u00a0\u3000\u2002\u2003\u2009\u202f\u200b-\u200d\ufeff\uff01-\uff0b\uff0d-\uff5e\u2e80-\u2fd5\u2212]/;

/**
 * `keepComma`: leave the full-width comma "，" as it is (normalizeForMatch: so that "80，1" is never read as a
 * thousands separator).
 */
export function normalizeChars(s: string, keepComma = false): string {
  if (!(keepComma ? NEEDS_MAPPING_BUT_COMMA : NEEDS_MAPPING).test(s)) return s;
  const codes = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    codes[i] = keepComma && c === 0xff0c ? c : mapUnit(c);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** Whether a code unit is whitespace as /\s/ sees it, or a zero-width space (U+200B, which /\s/ does not match). */
export function isSpaceCode(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x200b;
}

function mapUnit(c: number): number {
  if (c === 0x00a0 || c === 0x3000 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f) return 0x20;
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff) return 0x20;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII
  if (c >= 0x2e80 && c <= 0x2fd5) return unifyRadical(c);
  if (c === 0x2014 || c === 0x2013 || c === 0x2212 || c === 0xfe63) return c === 0x2212 ? 0x2d : c; // keep dashes distinguishable
  return c;
}

/**
 * A CJK radical (U+2E80–U+2FD5) → the unified ideograph it stands for (the generated map, NFKC for the Kangxi
 * block); any other code unit, or a radical whose ideograph lies outside the BMP, as it is.
 */
function unifyRadical(c: number): number {
  if (c < 0x2e80 || c > 0x2fd5) return c;
  const t = RADICALS.get(c);
  if (t !== undefined && t <= 0xffff) return t;
  if (c >= 0x2f00) {
    const n = String.fromCharCode(c).normalize('NFKC');
    if (n.length === 1) return n.charCodeAt(0);
  }
  return c;
}

/**
 * Only the radicals of normalizeChars, length-preserving: for a PDF's text layer, where some fonts' ToUnicode maps
 * give 一 as the Kangxi radical ⼀ (the text is otherwise kept as drawn).
 */
export function unifyRadicals(s: string): string {
  if (!/[\u2e80-\u2fd5]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(unifyRadical(s.charCodeAt(i)));
  return out;
}

/** Normalise and collapse runs of whitespace to one space, trimmed. For cells and labels. */
export function normalizeCellText(s: string): string {
  return normalizeChars(s).replace(/\s+/g, ' ').trim();
}

/**
 * A key for comparing labels: no whitespace at all (labels broken by spaces or line
 * breaks: "商业 企业", "三、 本 年 度 办 理 结 果"), full-width → half-width, quotes removed,
 * and the numbering punctuation unified ("1、" = "1.", "(一)" = "（一）").
 */
const labelCache = new Map<string, string>();

export function labelKey(s: string): string {
  let k = labelCache.get(s);
  if (k === undefined) {
    k = computeLabelKey(s);
    if (labelCache.size > 20_000) labelCache.clear();
    if (s.length < 200) labelCache.set(s, k);
  }
  return k;
}

function computeLabelKey(s: string): string {
  return normalizeChars(s)
    .replace(/\s+/g, '')
    .replace(/[“”"‘’'「」『』〝〞]/g, '')
    .replace(/^(\d+)[、．.]/, '$1.')
    .replace(/[〔［【]/g, '(')
    .replace(/[〕］】]/g, ')')
    .replace(/，/g, ',')
    .replace(/。$/, '')
    .replace(/[:：]$/, '');
}

/** Strip a leading enumerator: "一、", "(一)", "1.", "1、", "（1）". Returns the rest. */
export function stripEnumerator(s: string): { enumerator: string; rest: string } {
  const m = /^\s*((?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）|\d+[、.．]|\(\d+\)|（\d+）)\s*)/.exec(s);
  if (!m) return { enumerator: '', rest: s };
  return { enumerator: m[1]!.trim(), rest: s.slice(m[0].length) };
}

/** Levenshtein distance, for near-miss labels (typos). Small strings only. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

/** Similarity 0..1 from edit distance. */
export function similarity(a: string, b: string): number {
  const l = Math.max(a.length, b.length);
  return l === 0 ? 1 : 1 - editDistance(a, b) / l;
}
