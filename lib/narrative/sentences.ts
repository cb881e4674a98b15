/**
 * Sentence splitting for Chinese prose. Pure; offsets are UTF-16 offsets into the string
 * given, and `text.slice(s.start, s.end) === s.text` for every sentence.
 */

import { isSpaceCode } from '../normalize/text';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

export interface SplitOptions {
  /** split at ；/; as well (default true). false gives whole sentences: 。！？ and line breaks only. */
  semicolons?: boolean;
  /**
   * 'auto' (default): a line break inside a justified paragraph (text from a PDF, wrapped at
   * a fixed width: the line before the break is about as wide as the widest line of the text
   * and does not end with punctuation) is a soft wrap, not a boundary.
   * 'hard': every line break ends a sentence.
   */
  lineBreaks?: 'auto' | 'hard';
}

// code units, not one-character strings: `text[i]` allocates a new string for every CJK character
/** 。！？!? */
const isTerminator = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
/** ；; */
const isSemicolon = (c: number) => c === 0xff1b || c === 0x3b;
/** closing quotes and brackets that belong to the sentence they follow: 。” 。） */
const CLOSERS = new Set([...'”’」』）)】》"\'〕'].map((c) => c.charCodeAt(0)));

function isNewlineCode(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** Split into sentences at 。！？ (and ；; unless `semicolons: false`) and at line breaks. */
export function splitSentences(text: string, opts: SplitOptions = {}): Sentence[] {
  const semis = opts.semicolons ?? true;
  const soft = (opts.lineBreaks ?? 'auto') === 'auto' ? softBreaks(text) : new Set<number>();
  const out: Sentence[] = [];
  const push = (a: number, b: number) => {
    while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
    if (a < b) out.push({ text: text.slice(a, b), start: a, end: b });
  };
  let segStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isNewlineCode(c)) {
      const len = c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      if (!soft.has(i)) {
        push(segStart, i);
        segStart = i + len;
      }
      i += len;
      continue;
    }
    if (isTerminator(c) || (semis && isSemicolon(c))) {
      let j = i + 1;
      while (j < n && (isTerminator(text.charCodeAt(j)) || CLOSERS.has(text.charCodeAt(j)))) j++;
      push(segStart, j);
      segStart = j;
      i = j;
      continue;
    }
    i++;
  }
  push(segStart, n);
  return out;
}

/** The sentence after `s` (a sentence of `sentences` or its index), or null. */
export function followingSentence(sentences: readonly Sentence[], s: Sentence | number): Sentence | null {
  const i = typeof s === 'number' ? s : sentences.findIndex((x) => x.start === s.start && x.end === s.end);
  if (i < 0) return null;
  return sentences[i + 1] ?? null;
}

const CONTINUATION = /^其中\s*[，,：:、]?/;

/** Whether a sentence continues a total stated before it: "其中，规划计划12条，…". */
export function isContinuation(s: Sentence | string): boolean {
  return CONTINUATION.test(typeof s === 'string' ? s : s.text);
}

/**
 * The "其中，…" sentence that lists the parts of a total stated in sentence `s`, when the
 * sentence right after `s` starts with 其中; otherwise null.
 */
export function continuationOf(sentences: readonly Sentence[], s: Sentence | number): Sentence | null {
  const next = followingSentence(sentences, s);
  return next && isContinuation(next) ? next : null;
}

/** The sentence containing offset `pos`, or null. */
export function sentenceAt(sentences: readonly Sentence[], pos: number): Sentence | null {
  for (const s of sentences) if (pos >= s.start && pos < s.end) return s;
  return null;
}

// ── soft line wraps ──────────────────────────────────────────────────────────────────────

interface Line {
  start: number;
  end: number;
  /** index of the line break that ends the line (-1 for the last line) */
  nl: number;
}

const ENDS_SENTENCE = /[。！？；：:!?;][”’」』)）】》"']*$/;
const ENUM_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[条章节部分])/;
const PAGE_NUMBER = /^[-—–]\s*\d+\s*[-—–]$|^第\s*\d+\s*页/;

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

function indentOf(line: string): number {
  const m = /^[ \u00a0\u3000]*/.exec(line)!;
  return displayWidth(m[0]);
}

/** Offsets of the line breaks that only wrap a paragraph. */
export function softBreaks(text: string): Set<number> {
  const lines: Line[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isNewlineCode(c)) {
      lines.push({ start: s, end: i, nl: i });
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      s = i + 1;
    }
  }
  lines.push({ start: s, end: text.length, nl: -1 });
  const soft = new Set<number>();
  if (lines.length < 2) return soft;

  // table-like lines (tabs, or columns separated by runs of spaces as in `pdftotext -layout`) do not count
  const widths = lines.map((l) => {
    const t = text.slice(l.start, l.end).trimEnd();
    return t.includes('\t') || /\S[ \u00a0\u3000]{3,}\S/.test(t) ? -1 : displayWidth(t);
  });
  // the paragraph width: the 90th percentile of the line widths, so that a few long lines do not hide it
  const sorted = widths.filter((w) => w > 0).sort((x, y) => y - x);
  const maxW = sorted[Math.floor(sorted.length * 0.1)] ?? 0;
  const threshold = Math.max(20, 0.8 * maxW);
  // a paragraph width needs two lines that fill it: one long line alone proves nothing
  if (sorted.filter((w) => w >= 0.9 * maxW).length < 2) return soft;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    if (widths[i]! < threshold || widths[i + 1]! <= 0) continue;
    const at = text.slice(a.start, a.end).trim();
    const bt = text.slice(b.start, b.end).trim();
    if (!at || !bt) continue;
    // the line's own text fills most of the width, and the next line is not indented further
    if (displayWidth(at) < 0.6 * maxW) continue;
    if (indentOf(text.slice(b.start, b.end)) > indentOf(text.slice(a.start, a.end)) + 4) continue;
    if (ENDS_SENTENCE.test(at)) continue;
    if (ENUM_START.test(bt) || PAGE_NUMBER.test(bt)) continue;
    soft.add(a.nl);
  }
  return soft;
}
