import { normalizeChars } from '../normalize/text';

/**
 * Numbers in Chinese prose: Arabic numerals (thousands separators, decimals, full-width
 * digits), Chinese numerals (小写 and 大写), and mixed forms ("1.2万", "3千").
 *
 * Pure functions over strings. Offsets are UTF-16 offsets into the string given.
 */

/** Units that make a number a count (or an amount of money), longest first. */
export const COUNT_UNITS = ['万元', '人次', '件', '条', '篇', '起', '个', '次', '项', '元', '期', '家', '份'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

export interface NumberHit {
  value: number;
  /** the count unit right after the number (spaces and one line break allowed in between), or null */
  unit: CountUnit | null;
  /** UTF-16 offsets of the number and its unit in the text given: text.slice(start, end) === raw */
  start: number;
  end: number;
  raw: string;
  /** "约100件", "100余件", "100件左右": not an exact count */
  approx: boolean;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_LARGE: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CN_CHARS = Object.keys(CN_DIGIT).join('') + Object.keys(CN_SMALL).join('') + Object.keys(CN_LARGE).join('');

const ARABIC_SRC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?`;
const ARABIC_WHOLE = new RegExp(`^(?:${ARABIC_SRC})$`);
const ARABIC_AT = new RegExp(`^(?:${ARABIC_SRC})`);
const RUN_RE = new RegExp(`(?:${ARABIC_SRC}|[${CN_CHARS}])+`, 'g');

/**
 * Length-preserving normalisation for matching: full-width digits and ASCII → half-width,
 * NBSP / ideographic space → space, CJK radicals → ideographs. The Chinese comma "，" is
 * kept as it is, so that "80，1" is never read as a thousands separator.
 */
export function normalizeForMatch(text: string): string {
  return normalizeChars(text, true);
}

function round(x: number): number {
  return Number(x.toPrecision(15));
}

/**
 * Parse a whole string as a number: "1,234.5", "１２３", "三十九", "一百零五", "十二", "两千三百",
 * "壹佰贰拾", "1.2万", "3千", "3万5千", "二〇二三" (digit by digit). Returns null when the string
 * (trimmed) is anything else, including a lone 百/千/万/亿 and malformed sequences ("十十", "十二五").
 */
export function parseChineseNumber(s: string): number | null {
  const t = normalizeForMatch(s).trim();
  if (!t) return null;
  if (ARABIC_WHOLE.test(t)) return round(Number(t.replace(/,/g, '')));

  type Tok = { kind: 'd'; v: number; cn: boolean } | { kind: 's'; v: number } | { kind: 'l'; v: number };
  const toks: Tok[] = [];
  let i = 0;
  while (i < t.length) {
    const ch = t[i]!;
    if (ch >= '0' && ch <= '9') {
      const m = ARABIC_AT.exec(t.slice(i));
      if (!m) return null;
      toks.push({ kind: 'd', v: Number(m[0].replace(/,/g, '')), cn: false });
      i += m[0].length;
      continue;
    }
    if (ch in CN_DIGIT) toks.push({ kind: 'd', v: CN_DIGIT[ch]!, cn: true });
    else if (ch in CN_SMALL) toks.push({ kind: 's', v: CN_SMALL[ch]! });
    else if (ch in CN_LARGE) toks.push({ kind: 'l', v: CN_LARGE[ch]! });
    else return null;
    i++;
  }

  // digits only: one token, or Chinese digits read position by position (二〇二三 = 2023)
  if (toks.every((x) => x.kind === 'd')) {
    if (toks.length === 1) return toks[0]!.v;
    if (toks.every((x) => x.kind === 'd' && x.cn)) return Number(toks.map((x) => String(x.v)).join(''));
    return null;
  }

  let total = 0;
  let section = 0;
  let cur: number | null = null;
  let curIsCnDigit = false;
  let lastSmall = Infinity;
  let lastLarge = Infinity;
  let zeroSeen = false;
  let prevKind: 'd' | 's' | 'l' | null = null;
  for (const tok of toks) {
    if (tok.kind === 'd') {
      if (tok.cn && tok.v === 0) {
        // 零 as a place holder: "一百零五", "一千零五十"
        if (cur !== null || prevKind === null) return null;
        zeroSeen = true;
        prevKind = 'd';
        continue;
      }
      if (cur !== null) return null;
      cur = tok.v;
      curIsCnDigit = tok.cn;
      prevKind = 'd';
      continue;
    }
    if (tok.kind === 's') {
      if (tok.v >= lastSmall) return null;
      if (cur === null) {
        // "十二" = 12; a bare multiplier elsewhere ("一百十") is not accepted
        if (tok.v !== 10 || section !== 0 || prevKind === 'd') return null;
        cur = 1;
      }
      section += cur * tok.v;
      cur = null;
      lastSmall = tok.v;
      zeroSeen = false;
      prevKind = 's';
      continue;
    }
    // large multiplier
    if (tok.v >= lastLarge) return null;
    const sec = section + (cur ?? 0);
    if (sec === 0) return null; // a lone 万 / 亿
    total += sec * tok.v;
    section = 0;
    cur = null;
    lastSmall = Infinity;
    lastLarge = tok.v;
    zeroSeen = false;
    prevKind = 'l';
  }
  if (cur !== null) {
    // colloquial "一百五" = 150, "两千三" = 2300, "三万五" = 35000: one digit right after a multiplier
    if (!zeroSeen && curIsCnDigit && prevKind === 'd') {
      const before = toks[toks.length - 2];
      if (before && before.kind === 's' && before.v > 10) cur = (cur * before.v) / 10;
      else if (before && before.kind === 'l') cur = (cur * before.v) / 10;
    }
    section += cur;
  }
  const result = total + section;
  return Number.isFinite(result) ? round(result) : null;
}

// ── findNumbers ──────────────────────────────────────────────────────────────────────────

const SPACE = /[ \t\u00a0\u3000]/;
/** After the number: what makes it a date, a time, a measure, an ordinal … rather than a count. */
const NOT_COUNT_AFTER = /^(?:年|月|日|号|時|时|点|分|秒|天|周|岁|%|‰|℃|°|届|级|层|楼|栋|幢|室|路|弄|巷|米|公里|千米|平方|亩|吨|公斤|千克|克|升|倍|成|折|个月|个工作日|个自然日|个小时|个百分点|小时|热线|专线|位数|版)/;
/** Slogans and idioms in which a Chinese numeral and a unit are not a count. */
const IDIOM_AFTER = /^(?:个(?:确立|维护|意识|自信|落实|全面|代表|务必|一百年|现代化|伟大|窗口|中心|统一|平台|专栏|门户)|件事|次办|次性|次告知|条龙|期工程|网通|站式|家人)/;
const LABEL_BEFORE = /(?:电话|传真|邮编|邮政编码|手机|热线|QQ|qq|编号|代码|文号|字号|邮箱|地址|网址|门牌)[:：]?\s*$/;
const APPROX_BEFORE = /(?:约|近|超过|逾|大约|将近|不到|不足|至少|多于|少于|上万)\s*$/;
const APPROX_AFTER = /^(?:余|多)/;
const APPROX_TAIL = /^\s*(?:左右|以上|以下|上下|有余)/;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z]/.test(c);
}

/** Skip spaces and at most one line break. */
function skipGap(n: string, i: number): number {
  let j = i;
  while (j < n.length && SPACE.test(n[j]!)) j++;
  if (n[j] === '\r') j++;
  if (n[j] === '\n') {
    j++;
    while (j < n.length && SPACE.test(n[j]!)) j++;
  }
  return j;
}

function prevNonSpace(n: string, i: number): { ch: string | undefined; at: number } {
  let j = i - 1;
  while (j >= 0 && SPACE.test(n[j]!)) j--;
  return { ch: j >= 0 ? n[j] : undefined, at: j };
}

const CLAUSE_START = /[。；;，,：:！？!?\n\r]/;

/**
 * Every number in the text that can be a count or an amount, with its unit. Skips years,
 * dates and times, percentages, phone numbers, postcodes, document numbers (〔2021〕30号,
 * 第711号), ordinals (第二十条), enumerators ("一是", "1、", "（1）"), measures (14层, 3个月),
 * and Chinese numerals without a unit (二十大, 三审三校, 进一步).
 */
export function findNumbers(text: string): NumberHit[] {
  const n = normalizeForMatch(text);
  const out: NumberHit[] = [];
  RUN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN_RE.exec(n))) {
    const start = m.index;
    let runEnd = start + m[0].length;
    let run = m[0];
    // "5949万元": 万 belongs to the unit
    if ((run.endsWith('万') || run.endsWith('萬')) && n[runEnd] === '元' && run.length > 1) {
      run = run.slice(0, -1);
      runEnd--;
    }
    const hit = readRun(n, text, start, runEnd, run);
    if (hit) out.push(hit);
  }
  return out;
}

function readRun(n: string, text: string, start: number, runEnd: number, run: string): NumberHit | null {
  const hasArabic = /\d/.test(run);
  const value = parseChineseNumber(run);
  if (value === null) return null;

  const prev = prevNonSpace(n, start);
  const before = n.slice(Math.max(0, start - 12), start);
  const immediatePrev = n[start - 1];
  const immediateNext = n[runEnd];

  // ordinals and document numbers
  if (prev.ch === '第') return null;
  if (/百分之\s*$/.test(before)) return null;
  if (LABEL_BEFORE.test(before)) return null;
  // bracketed lone numbers: 〔2021〕, （1）, [3]
  if (immediatePrev && /[〔\[【(（<〈《]/.test(immediatePrev) && immediateNext && /[〕\]】)）>〉》]/.test(immediateNext)) return null;
  // parts of dates, times, phone numbers, ranges, versions: 2024-03-08, 15:34, 0591-2316, 3-5, 2024.1.8
  if (immediatePrev && /[-.:/~～—–至]/.test(immediatePrev) && isDigit(n[start - 2])) return null;
  if (immediateNext && /[-.:/~～—–至]/.test(immediateNext) && isDigit(n[runEnd + 1])) return null;
  // "1，234": a full-width comma may be a thousands separator or a list separator: ambiguous, skip
  if (hasArabic && immediateNext === '，' && /^\d{3}(?!\d)/.test(n.slice(runEnd + 1))) return null;
  if (hasArabic && immediatePrev === '，' && isDigit(n[start - 2]) && /^\d{3}$/.test(run)) return null;
  // mixed with Latin letters: H5, 5G, ISO9001
  if (isAsciiLetter(immediatePrev) || isAsciiLetter(immediateNext)) return null;
  // leading zeros: codes and phone numbers
  if (hasArabic && /^0\d/.test(run)) return null;

  const j = skipGap(n, runEnd);
  const after = n.slice(j, j + 8);

  // enumerators
  if (!hasArabic && /^(?:是|、)/.test(n.slice(runEnd))) return null;
  if (hasArabic && /^[、.](?!\d)/.test(n.slice(runEnd))) return null;
  if (hasArabic && (prev.ch === undefined || CLAUSE_START.test(prev.ch)) && /^[)）]/.test(n.slice(runEnd))) return null;
  if (/^(?:%|‰)/.test(after)) return null;
  if (NOT_COUNT_AFTER.test(after)) return null;

  // unit
  let k = j;
  let approx = APPROX_BEFORE.test(before) || (!hasArabic && /数\s*$/.test(before));
  const ap = APPROX_AFTER.exec(n.slice(k));
  if (ap) {
    approx = true;
    k = skipGap(n, k + ap[0].length);
  }
  let unit: CountUnit | null = null;
  for (const u of COUNT_UNITS) {
    if (n.startsWith(u, k)) {
      unit = u;
      break;
    }
  }
  // "亿元": the 亿 is a multiplier, the unit is 元 (already so); "万元" stays a unit
  let end = runEnd;
  if (unit) {
    if (IDIOM_AFTER.test(n.slice(runEnd)) && !hasArabic) return null;
    if (!hasArabic && run === '一' && unit === '起') return null; // 一起 = together
    end = k + unit.length;
    if (APPROX_TAIL.test(n.slice(end, end + 4))) approx = true;
  } else {
    if (ap) return null; // "100多" without a unit: not a count we can read
    if (!hasArabic) return null; // Chinese numerals without a unit are words far more often than counts
    if (Number.isInteger(value) && value >= 1900 && value <= 2100 && run.length === 4) return null; // a year
    if (/^\d{6,}$/.test(run)) return null; // postcodes, phone numbers, ids
  }
  // years written "2023 全年", "2023年度" are caught above; "2023件" with a unit is a count
  return { value, unit, start, end, raw: text.slice(start, end), approx };
}
