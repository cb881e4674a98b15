import { findNumbers, normalizeForMatch, type CountUnit, type NumberHit } from './numbers';
import { splitSentences, type Sentence } from './sentences';
import { isSpaceCode } from '../normalize/text';

/**
 * Claims: what a sentence of the prose states about a number the tables also hold.
 *
 * Conservative by design: a claim is emitted only when the grammar binds the number to the
 * topic without doubt (the topic words, at most a few filler words such as 共/共计/为, then
 * the number and its unit). A false claim becomes a false accusation in someone's story; a
 * missed one only loses a check. Pure functions over strings; offsets are UTF-16 offsets
 * into the text given.
 */

export const TOPICS = [
  'applications.received',
  'applications.received.naturalPerson',
  'applications.received.commercial',
  'applications.received.research',
  'applications.received.publicInterest',
  'applications.received.legalService',
  'applications.received.otherOrg',
  'applications.none',
  'applications.allClosed',
  'applications.closed',
  'applications.granted+partlyGranted',
  'applications.granted',
  'applications.partlyGranted',
  'applications.withheld',
  'applications.unavailable',
  'applications.notProcessed',
  'applications.otherHandling',
  'active.licensing.decisions',
  'active.penalty.decisions',
  'active.coercion.decisions',
  'reviews.adminReview.total',
  'reviews.lawsuits.total',
  'reviews.none',
  'breakdown',
] as const;
export type Topic = (typeof TOPICS)[number];

export type Scope = 'whole' | 'part' | 'unknown';

export interface ClaimPart {
  label: string;
  value: number;
  phrase: string;
  start: number;
  end: number;
}

export interface Claim {
  topic: Topic;
  /** the stated number; 0 for the "none" topics; null for applications.allClosed */
  value: number | null;
  unit: string | null;
  /** the words that state it: text.slice(start, end) === phrase */
  phrase: string;
  start: number;
  end: number;
  /** the sentence (split at 。！？；) holding the phrase; for a breakdown, the total's sentence through the end of its "其中" list */
  sentence: Sentence;
  /** part: the subject is a sub-body of the issuer (区政府办, 本机关, "代表区政府…"); whole: 全区, 我局, 我中心 … */
  scope: Scope;
  /** breakdown only: the parts listed after "其中", same unit as the total */
  parts?: ClaimPart[];
}

// ── the compact view of a sentence group ──────────────────────────────────────────────────

interface View {
  /** normalised text without whitespace (a space is kept between two ASCII letters/digits) */
  s: string;
  /** map[i] = offset in the original text of s[i] */
  map: number[];
}

/** `n` is normalizeForMatch(text) (length-preserving, so offsets hold). */
function compactView(n: string, start: number, end: number): View {
  // code units, not one-character strings (text[i] allocates one per CJK character)
  const out: number[] = [];
  const map: number[] = [];
  for (let i = start; i < end; i++) {
    const c = n.charCodeAt(i);
    if (isSpaceCode(c)) {
      const prev = out.length ? out[out.length - 1]! : -1;
      let j = i + 1;
      while (j < end && isSpaceCode(n.charCodeAt(j)) && n.charCodeAt(j) !== 0x200b) j++;
      const next = j < n.length ? n.charCodeAt(j) : -1;
      if (isAlnum(prev) && isAlnum(next)) {
        out.push(0x20);
        map.push(i);
      }
      continue;
    }
    out.push(c);
    map.push(i);
  }
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.slice(i, i + 8192));
  return { s, map };
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function origRange(v: View, a: number, b: number): [number, number] {
  return [v.map[a]!, v.map[b - 1]! + 1];
}

// ── vocabulary ────────────────────────────────────────────────────────────────────────────

const CN_NUM = '零〇○一二两兩三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億';
const NUM = `(?=[\\d${CN_NUM}])`;
const FILL = '(?:共计|合计|总计|累计|共|计|数量为|总数为|总量为|数量|总数|达到|达|为|有|的){0,2}';
const GAP = (max: number) => `(?<gap>[^\\d，,。;；:：!?！？]{0,${max}}?)`;
const SEP = /[，,。;；:：!?！？]/;

const APP_UNITS: readonly CountUnit[] = ['件', '份', '个', '条', '项'];
const DECISION_UNITS: readonly CountUnit[] = ['件', '项', '个', '次', '条', '份', '起'];
const CASE_UNITS: readonly CountUnit[] = ['件', '起', '个', '次', '项'];

const RECV_VERB = '(?:新收|收到|接收到|接收|接到|受理)';
const APP_OBJ = '(?:政府信息公开申请|信息公开申请|依申请公开申请|依申请公开事项|依申请公开|公开申请)';
/** nouns that, inside a gap, mean the words speak of something other than disclosure requests */
const FOREIGN_GAP = /许可|处罚|强制|复议|诉讼|信访|投诉|举报|建议|提案|咨询|来电|来信|留言|信箱|热线|不予|未|费|工单|诉求/;
/** words that make a licensing/penalty count a count of disclosed items or catalogue entries */
const DISCLOSURE_WORDS = /公开|发布|公示|信息|上传|报送|推送|归集|清单|目录|事项|梳理|编制|取消|下放|承接|调整|受理|申请|立案|查处|双公示/;
/** verbs of a body that decides reviews or lawsuits, not one that is reviewed */
const REVIEWER_VERBS = /办理|审理|受理|办结|审结|承办|代理|出庭|参与|调解|化解|作出|做出/;

/** the last topic noun before a position decides what a bare "申请" / "均已办结" speaks of */
const NOUN_RE = /依申请公开|依申请|信息公开申请|公开申请|申请人|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|(?:行政许可|行政复议|行政处罚|许可|复议|审批|办证|登记)申请|行政许可|行政处罚|行政强制|行政复议|行政诉讼|信访|投诉|举报|建议|提案|咨询|信箱|热线|留言|来信|来电|主动公开|工单|诉求|审批|申请/g;
const APP_NOUNS = new Set(['依申请公开', '依申请', '信息公开申请', '公开申请', '申请人', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '申请']);
/** any of these in a sentence means it may speak of something other than disclosure requests */
const FOREIGN_NOUNS = /许可|处罚|强制|复议|诉讼|信访|投诉|举报|建议|提案|咨询|信箱|热线|留言|工单|诉求|审批|政务服务|办件|事项|来信|来电/;
const APP_ANCHOR = /依申请|信息公开申请|公开申请/;

function lastNounIsApp(s: string, pos: number): boolean {
  let last: string | null = null;
  NOUN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOUN_RE.exec(s)) && m.index < pos) last = m[0];
  return last !== null && APP_NOUNS.has(last);
}

/** the clause (from the last separator) before `pos` */
function clauseBefore(s: string, pos: number): string {
  return s.slice(clauseStart(s, pos), pos);
}

/** the clauses before `pos` that still speak of reviews or lawsuits (a list "行政复议2件，行政诉讼7件") */
function reviewListBefore(s: string, pos: number): string {
  let start = clauseStart(s, pos);
  for (;;) {
    if (start === 0 || /[。;；!?！？]/.test(s[start - 1]!)) return s.slice(start, pos);
    const prevStart = clauseStart(s, start - 1);
    if (!/复议|诉讼/.test(s.slice(prevStart, start - 1))) return s.slice(start, pos);
    start = prevStart;
  }
}

function clauseStart(s: string, pos: number): number {
  let i = pos - 1;
  while (i >= 0 && !SEP.test(s[i]!)) i--;
  return i + 1;
}

/** the clause from `pos` to the next separator */
function clauseAfter(s: string, pos: number): string {
  let i = pos;
  while (i < s.length && !SEP.test(s[i]!)) i++;
  return s.slice(pos, i);
}

function endsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.endsWith(w));
}

// ── scope ─────────────────────────────────────────────────────────────────────────────────

const TIME_PREFIX = /^(?:(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?度?(?:以来|内|全年)?|本年度|本年|今年|全年|年内|截至目前|截止目前|目前|同时|此外|另外|一年来)+)/;
const PART_START = /^(?:本机关|我办|本办|(?:[区县市旗镇乡州省]|街道)?(?:人民)?政府办(?:公室)?(?!理)|办公室|(?:[区县市旗州省])?(?:人民)?政府本级|本级)/;
const WHOLE_START = /^(?:全(?:区|县|市|旗|镇|乡|州|省|盟|街道)|[我本](?:区|县|市|旗|镇|乡|州|省|盟|街道|局|委|中心|单位|部门|站|所|院|队|处|厅|会|公司|署|社))/;
const ON_BEHALF = /(?<!人大|党)代表(?:[区县市旗镇乡州省]|街道)?(?:人民)?政府/;

/** The subject of the clauses before `pos` (within one sentence group). */
function scopeAt(s: string, pos: number): Scope {
  let scope: Scope = 'unknown';
  let a = 0;
  for (let i = 0; i <= pos; i++) {
    if (i === pos || SEP.test(s[i]!)) {
      const clause = s.slice(a, i);
      if (ON_BEHALF.test(clause)) scope = 'part';
      else {
        // the subject opens the clause, after a time phrase ("2023年全区…"), or follows the year
        // right after a heading run into the sentence ("三、…情况 2016年全区未收到…")
        const c = clause.replace(TIME_PREFIX, '');
        const y = /\d{4}年度?(?=\S)/.exec(clause);
        const afterYear = y ? clause.slice(y.index + y[0].length) : '';
        if (PART_START.test(c) || (afterYear && PART_START.test(afterYear))) scope = 'part';
        else if (WHOLE_START.test(c) || (afterYear && WHOLE_START.test(afterYear))) scope = 'whole';
      }
      a = i + 1;
    }
  }
  return scope;
}

// ── matchers ──────────────────────────────────────────────────────────────────────────────

interface Ctx {
  s: string;
  /** the group mentions disclosure requests (依申请, 信息公开申请) */
  app: boolean;
}

interface NumMatcher {
  topic: Topic;
  re: RegExp;
  units: readonly CountUnit[];
  ok?: (ctx: Ctx, m: RegExpExecArray) => boolean;
}

const notNegated = (ctx: Ctx, m: RegExpExecArray) => !endsWithAny(ctx.s.slice(0, m.index), ['不予', '未', '不', '没有', '尚未', '并未', '非']);
const cleanGap = (m: RegExpExecArray) => !FOREIGN_GAP.test(m.groups?.['gap'] ?? '');
const appContext = (ctx: Ctx, m: RegExpExecArray) => ctx.app && lastNounIsApp(ctx.s, m.index);
const appContextAfter = (ctx: Ctx, m: RegExpExecArray) => ctx.app && lastNounIsApp(ctx.s, m.index + 1);
const noDisclosureInClause = (ctx: Ctx, m: RegExpExecArray) => !DISCLOSURE_WORDS.test(clauseBefore(ctx.s, m.index));
const reviewContext = (ctx: Ctx, m: RegExpExecArray) => {
  const before = clauseBefore(ctx.s, m.index);
  // the verb may sit before an earlier item of the same list: "办理…行政复议36起，行政诉讼9起"
  if (REVIEWER_VERBS.test(reviewListBefore(ctx.s, m.index))) return false;
  const upto = ctx.s.slice(0, m.index + m[0].length);
  const sentence = upto.slice(Math.max(upto.lastIndexOf(';'), upto.lastIndexOf('；')) + 1);
  return /被(?:申请|提起|起诉)$/.test(before) || /信息公开|依申请/.test(sentence);
};

const RESULT_TAIL = `(?:的)?(?:申请)?${FILL}${NUM}`;

const NUM_MATCHERS: NumMatcher[] = [
  // applications received
  {
    topic: 'applications.received',
    re: new RegExp(`${RECV_VERB}${GAP(20)}${APP_OBJ}(?:表|书)?${FILL}${NUM}`, 'g'),
    units: APP_UNITS,
    ok: (ctx, m) => notNegated(ctx, m) && cleanGap(m),
  },
  {
    topic: 'applications.received',
    re: new RegExp(`依申请公开(?:申请|事项)?${FILL}${NUM}`, 'g'),
    units: APP_UNITS,
    ok: (ctx, m) => !endsWithAny(ctx.s.slice(0, m.index), ['办结', '答复', '办理', '处理', '完成', '不', '未', '因', '引起', '涉及', '对']),
  },
  {
    topic: 'applications.received',
    re: new RegExp(`${RECV_VERB}申请${FILL}${NUM}`, 'g'),
    units: APP_UNITS,
    ok: (ctx, m) => notNegated(ctx, m) && ctx.app && (lastNounIsApp(ctx.s, m.index) || !/行政|许可|处罚|复议|诉讼/.test(ctx.s.slice(0, m.index))),
  },
  // applications closed
  {
    topic: 'applications.closed',
    re: new RegExp(`(?:办结|答复|办理完毕|处理完毕|办理完成)${GAP(10)}${APP_OBJ}${FILL}${NUM}`, 'g'),
    units: APP_UNITS,
    ok: (ctx, m) => notNegated(ctx, m) && cleanGap(m),
  },
  {
    topic: 'applications.closed',
    re: new RegExp(`(?:办结|答复)申请${FILL}${NUM}`, 'g'),
    units: APP_UNITS,
    ok: (ctx, m) => notNegated(ctx, m) && appContext(ctx, m),
  },
  {
    topic: 'applications.closed',
    re: new RegExp(`(?:已|共|全部|均已)?办结${FILL}${NUM}`, 'g'),
    units: APP_UNITS,
    ok: (ctx, m) => notNegated(ctx, m) && appContext(ctx, m),
  },
  // results
  { topic: 'applications.granted+partlyGranted', re: new RegExp(`予以公开(?:及|和|与|、|或|以及)部分公开${RESULT_TAIL}`, 'g'), units: APP_UNITS, ok: appContext },
  { topic: 'applications.granted', re: new RegExp(`(?<!不)予以公开(?!及|和|与|、|或|以及)${RESULT_TAIL}`, 'g'), units: APP_UNITS, ok: appContext },
  {
    topic: 'applications.partlyGranted',
    re: new RegExp(`(?<!(?:予以公开|全部公开|同意公开)(?:及|和|与|、|或|以及))(?<!不予)部分公开${RESULT_TAIL}`, 'g'),
    units: APP_UNITS,
    ok: appContext,
  },
  { topic: 'applications.withheld', re: new RegExp(`不予(?:以)?公开${RESULT_TAIL}`, 'g'), units: APP_UNITS, ok: appContext },
  { topic: 'applications.unavailable', re: new RegExp(`无法提供${RESULT_TAIL}`, 'g'), units: APP_UNITS, ok: appContext },
  { topic: 'applications.notProcessed', re: new RegExp(`不予(?:以)?处理${RESULT_TAIL}`, 'g'), units: APP_UNITS, ok: appContext },
  { topic: 'applications.otherHandling', re: new RegExp(`其他(?:方式)?处理${RESULT_TAIL}`, 'g'), units: APP_UNITS, ok: appContext },
  // table 2 decisions
  {
    topic: 'active.licensing.decisions',
    re: new RegExp(`(?<![不未非])(?:办理|办结|作出|做出|审批|核发|处理|实施|完成)(?:了)?(?:各类|各项)?行政许可(?:项目|事项|决定|案件|业务|审批|办件)?${FILL}${NUM}`, 'g'),
    units: DECISION_UNITS,
  },
  {
    topic: 'active.licensing.decisions',
    re: new RegExp(`(?<!非)行政许可(?:处理)?决定(?:书)?${FILL}${NUM}`, 'g'),
    units: DECISION_UNITS,
    ok: noDisclosureInClause,
  },
  { topic: 'active.licensing.decisions', re: new RegExp(`(?<!非)行政许可(?:案件)?${FILL}${NUM}`, 'g'), units: ['件'], ok: noDisclosureInClause },
  {
    topic: 'active.penalty.decisions',
    re: new RegExp(`(?<![不未非])(?:办理|办结|作出|做出|实施|下达|处理|完成)(?:了)?(?:各类|各项)?行政处罚(?:案件|决定|案|办件)?${FILL}${NUM}`, 'g'),
    units: DECISION_UNITS,
  },
  { topic: 'active.penalty.decisions', re: new RegExp(`行政处罚(?:处理)?决定(?:书)?${FILL}${NUM}`, 'g'), units: DECISION_UNITS, ok: noDisclosureInClause },
  { topic: 'active.penalty.decisions', re: new RegExp(`行政处罚(?:案件)?${FILL}${NUM}`, 'g'), units: ['件', '起'], ok: noDisclosureInClause },
  {
    topic: 'active.coercion.decisions',
    re: new RegExp(`(?<![不未非])(?:办理|办结|作出|做出|实施|采取|执行|下达|处理)(?:了)?(?:各类)?行政强制(?:措施|执行|决定|案件)?${FILL}${NUM}`, 'g'),
    units: DECISION_UNITS,
  },
  { topic: 'active.coercion.decisions', re: new RegExp(`行政强制(?:措施|执行|处理)?决定(?:书)?${FILL}${NUM}`, 'g'), units: DECISION_UNITS, ok: noDisclosureInClause },
  { topic: 'active.coercion.decisions', re: new RegExp(`行政强制(?:措施|执行|案件)?${FILL}${NUM}`, 'g'), units: ['件', '起', '次'], ok: noDisclosureInClause },
  // table 4
  { topic: 'reviews.adminReview.total', re: new RegExp(`行政复议(?:案件|申请)?${FILL}${NUM}`, 'g'), units: CASE_UNITS, ok: reviewContext },
  { topic: 'reviews.lawsuits.total', re: new RegExp(`(?:行政诉讼|行政应诉)(?:案件)?${FILL}${NUM}`, 'g'), units: CASE_UNITS, ok: reviewContext },
];

interface Candidate {
  topic: Topic;
  value: number | null;
  unit: string | null;
  /** phrase range in the view */
  a: number;
  b: number;
  /** the number's start in the view, for conflicts */
  hitStart: number | null;
}

function* matches(re: RegExp, s: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    yield m;
    re.lastIndex = m.index + 1;
  }
}

const RECEIVED_NUMBER_FIRST = new RegExp(`${RECV_VERB}(?:了)?(?:共计|共|合计|总计)?${NUM}`, 'g');
const REVIEWS_NONE = new RegExp(`(?<neg>未发生|未出现|未产生|没有发生|未收到|未被|未有|没有|(?<![有是])无(?!法|需|须|论|偿|效|误))${GAP(24)}(?:行政复议|行政诉讼)`, 'g');
const REVIEWS_ZERO = /(?:行政复议|行政诉讼)(?:、|和|及|与|或)(?:行政)?(?:诉讼|复议)(?:案件|情况)?(?:均|都)?为(?:零|0|无)(?:件|起)?(?![\d])/g;
const APPS_NONE_VERB = new RegExp(`(?:未|没有|尚未|并未)(?:收到|接收到|接收|接到|受理|发生|产生|有|涉及)(?:过)?${GAP(20)}(?:政府信息公开申请|信息公开申请|依申请公开|公开申请)`, 'g');
const APPS_NONE_BARE = /(?:未|没有)(?:收到|接收到|接收|接到|受理)(?:过)?(?:任何)?(?:公民|法人|其他组织|群众)?(?:提出)?(?:的)?申请/g;
const APPS_NONE_WU = /(?<![有是否])无(?:任何)?(?:依申请公开|政府信息公开申请|信息公开申请)/g;
const APPS_NONE_ZERO = /(?:依申请公开|政府信息公开申请|信息公开申请)(?:申请)?(?:数量|件数|情况|事项)?(?:均)?(?:为(?:零|无)(?![\d件])|:无$)/g;
const ALL_CLOSED = new RegExp(`(?:均已经|均已|全部已|已全部|都已|均|全部)${GAP(12)}(?:办结|答复完毕|答复|办理完毕|处理完毕)`, 'g');
/** what may follow "未收到依申请公开" in its clause: "事例", "的申请", "情况" — anything else ("超期答复", "的投诉") changes what is denied */
const NONE_REST = /^(?:的)?(?:申请|事项|事例|情况|案件|案例|件)?(?:的情况|情况)?$/;
/** after "未发生…行政复议": a subset is denied ("纠错", "败诉"), not every review */
const REVIEW_SUBSET = /纠错|纠正|败诉|撤销|违法|确认|赔偿|被诉|不服|超期|逾期/;

function candidatesIn(v: View, hits: Map<number, NumberHit>, before: readonly View[]): Candidate[] {
  const s = v.s;
  // requests are the subject of this sentence, or of the sentences just before it when this one speaks of nothing else
  const ctx: Ctx = { s, app: APP_ANCHOR.test(s) || (!FOREIGN_NOUNS.test(s) && before.some((b) => APP_ANCHOR.test(b.s))) };
  const out: Candidate[] = [];
  // every number matcher needs an exact count with a unit: a group without one is skipped
  let counts = false;
  for (const h of hits.values()) if (!h.approx && h.unit) { counts = true; break; }

  if (counts) for (const mt of NUM_MATCHERS) {
    for (const m of matches(mt.re, s)) {
      const at = m.index + m[0].length;
      const h = hits.get(at);
      if (!h || h.approx || !h.unit || !mt.units.includes(h.unit)) continue;
      if (mt.ok && !mt.ok(ctx, m)) continue;
      out.push({ topic: mt.topic, value: h.value, unit: h.unit, a: m.index, b: h.end, hitStart: h.start });
    }
  }

  // received, number first: "共收到70件申请"
  if (counts) for (const m of matches(RECEIVED_NUMBER_FIRST, s)) {
    const h = hits.get(m.index + m[0].length);
    if (!h || h.approx || !h.unit || !APP_UNITS.includes(h.unit)) continue;
    const obj = /^(?:各类)?(?:(?:政府信息公开|信息公开|依申请公开)(?:的)?)?申请(?!人)/.exec(s.slice(h.end));
    if (!obj || !notNegated(ctx, m)) continue;
    if (obj[0].endsWith('申请') && !/公开/.test(obj[0]) && !ctx.app) continue;
    out.push({ topic: 'applications.received', value: h.value, unit: h.unit, a: m.index, b: h.end + obj[0].length, hitStart: h.start });
  }

  // received: "共计81件，涉及自然人80件、商业企业1件"
  for (const c of [...out]) {
    if (c.topic === 'applications.received') out.push(...applicantParts(s, c, hits));
  }

  // applications.none
  for (const re of [APPS_NONE_VERB, APPS_NONE_WU, APPS_NONE_ZERO]) {
    for (const m of matches(re, s)) {
      if (m.groups?.['gap'] !== undefined && FOREIGN_GAP.test(m.groups['gap'].replace(/^未/, ''))) continue;
      if (re === APPS_NONE_ZERO && endsWithAny(s.slice(0, m.index), ['不', '未', '因', '引起', '涉及', '对'])) continue;
      const rest = clauseAfter(s, m.index + m[0].length);
      if (!NONE_REST.test(rest)) continue;
      out.push({ topic: 'applications.none', value: 0, unit: null, a: m.index, b: m.index + m[0].length + rest.length, hitStart: null });
    }
  }
  for (const m of matches(APPS_NONE_BARE, s)) {
    if (!appContextAfter(ctx, m) && !(ctx.app && !/行政|许可|处罚|复议|诉讼|信访|投诉|举报/.test(s))) continue;
    const rest = clauseAfter(s, m.index + m[0].length);
    if (!NONE_REST.test(rest)) continue;
    out.push({ topic: 'applications.none', value: 0, unit: null, a: m.index, b: m.index + m[0].length + rest.length, hitStart: null });
  }

  // applications.allClosed
  for (const m of matches(ALL_CLOSED, s)) {
    const gap = m.groups?.['gap'] ?? '';
    if (/未|不|没|尚|部分|正在/.test(gap)) continue;
    if (endsWithAny(s.slice(0, m.index), ['未', '没有', '尚未', '不', '并非', '基本', '大部分', '大多', '多数'])) continue;
    if (!appContext(ctx, m)) continue;
    const rest = clauseAfter(s, m.index + m[0].length);
    if (/^率/.test(rest) || /未|正在|部分|除|以外|外/.test(rest)) continue;
    out.push({ topic: 'applications.allClosed', value: null, unit: null, a: m.index, b: m.index + m[0].length, hitStart: null });
  }

  // reviews: none / zero
  for (const m of matches(REVIEWS_NONE, s)) {
    const gap = m.groups?.['gap'] ?? '';
    if (/不|未|除|以外|减少|降低|纠错|是否|许可|处罚/.test(gap)) continue;
    const clause = clauseAfter(s, m.index);
    if (/\d/.test(clause) || /有无|是否/.test(clauseBefore(s, m.index + 1))) continue;
    if (REVIEW_SUBSET.test(clause.slice(m[0].length))) continue;
    const review = clause.includes('复议');
    const suit = clause.includes('诉讼');
    const end = m.index + clause.length;
    if (review && suit) {
      out.push({ topic: 'reviews.none', value: 0, unit: null, a: m.index, b: end, hitStart: null });
    } else if (/信息公开|依申请/.test(s.slice(0, end))) {
      out.push({ topic: review ? 'reviews.adminReview.total' : 'reviews.lawsuits.total', value: 0, unit: null, a: m.index, b: end, hitStart: null });
    }
  }
  for (const m of matches(REVIEWS_ZERO, s)) {
    out.push({ topic: 'reviews.none', value: 0, unit: null, a: m.index, b: m.index + m[0].length, hitStart: null });
  }

  return resolve(out);
}

/** Same number claimed by two topics: the binding is ambiguous, drop both. Duplicates of one topic: keep the longest phrase. */
function resolve(cands: Candidate[]): Candidate[] {
  const byHit = new Map<number, Candidate[]>();
  const rest: Candidate[] = [];
  for (const c of cands) {
    if (c.hitStart === null) rest.push(c);
    else byHit.set(c.hitStart, [...(byHit.get(c.hitStart) ?? []), c]);
  }
  const out: Candidate[] = [];
  for (const list of byHit.values()) {
    if (new Set(list.map((c) => c.topic)).size > 1) continue;
    out.push(list.reduce((x, y) => (y.b - y.a > x.b - x.a ? y : x)));
  }
  // value-less claims: drop ones nested in another claim of the same topic
  const seen: Candidate[] = [];
  for (const c of rest.sort((x, y) => x.a - y.a || y.b - x.b)) {
    if (seen.some((o) => o.topic === c.topic && c.a >= o.a && c.b <= o.b)) continue;
    if (out.some((o) => c.a >= o.a && c.b <= o.b)) continue;
    seen.push(c);
  }
  return [...out, ...seen].sort((x, y) => x.a - y.a);
}

const APPLICANT: Record<string, Topic> = {
  自然人: 'applications.received.naturalPerson',
  公民: 'applications.received.naturalPerson',
  商业企业: 'applications.received.commercial',
  科研机构: 'applications.received.research',
  社会公益组织: 'applications.received.publicInterest',
  法律服务机构: 'applications.received.legalService',
  其他组织: 'applications.received.otherOrg',
  其他: 'applications.received.otherOrg',
};
const APPLICANT_ITEM = /^(?<label>自然人|公民|商业企业|科研机构|社会公益组织|法律服务机构|其他组织|其他)(?:提出的?|申请的?|的)?(?:申请)?(?:共计|共|为)?/;

function applicantParts(s: string, total: Candidate, hits: Map<number, NumberHit>): Candidate[] {
  const out: Candidate[] = [];
  let p = total.b;
  const intro = /^(?:[，,](?:其中|涉及|包括|含|来自)?|[(（](?:其中|含)?)[:：]?/.exec(s.slice(p));
  if (!intro) return out;
  p += intro[0].length;
  let first = true;
  for (;;) {
    const sep = first ? null : /^(?:[、，,;；]|以及|和|及)/.exec(s.slice(p));
    if (!first && !sep) break;
    const q = p + (sep ? sep[0].length : 0);
    const m = APPLICANT_ITEM.exec(s.slice(q));
    if (!m) break;
    const h = hits.get(q + m[0].length);
    if (!h || h.approx || h.unit !== total.unit) break;
    out.push({ topic: APPLICANT[m.groups!['label']!]!, value: h.value, unit: h.unit, a: q, b: h.end, hitStart: h.start });
    p = h.end;
    first = false;
  }
  return out;
}

// ── breakdown: "共发布信息423条。其中，规划计划12条，…" ──────────────────────────────────────

function labelOf(raw: string): string {
  return raw
    .replace(/^(?:其中|另有|以及|及|和|与|包括|含|分别为|分别是|为|有|共)+[:：，,]?/, '')
    .replace(/(?:共计|共|计|为|有|的|达)+$/, '')
    .replace(/^[“”"'‘’《》「」]+|[“”"'‘’《》「」]+$/g, '')
    .trim();
}

interface Breakdown {
  total: NumberHit;
  phraseA: number;
  parts: { label: string; hit: NumberHit; a: number }[];
}

function breakdownOf(total: View, list: View, totalHits: readonly NumberHit[], listHits: readonly NumberHit[]): Breakdown | null {
  // the total: the last count of the sentence, right before its end; no other count with its unit
  const th = totalHits.filter((h) => h.unit !== null);
  const t = th[th.length - 1];
  if (!t || t.approx) return null;
  if (th.some((h) => h !== t && h.unit === t.unit)) return null;
  if (!/^[。!?！？”’」』)）\s]*$/.test(total.s.slice(t.end))) return null;
  let pa = t.start;
  while (pa > 0 && !/[，,。;；:：!?！？]/.test(total.s[pa - 1]!)) pa--;

  const lead = /^其中[，,:：]?/.exec(list.s);
  if (!lead) return null;
  const hits = listHits;
  const parts: Breakdown['parts'] = [];
  let others = false;
  let ended = false;
  let a = lead[0].length;
  for (let i = a; i <= list.s.length; i++) {
    const atEnd = i === list.s.length || /[，,、;；。!?！？]/.test(list.s[i]!);
    if (!atEnd) continue;
    const clause = list.s.slice(a, i);
    const inClause = hits.filter((h) => h.start >= a && h.end <= i);
    const counted = inClause.filter((h) => h.unit !== null);
    if (inClause.length === 0) {
      if (clause.trim() && /等$/.test(clause)) return null;
      if (clause.trim()) {
        if (!parts.length) return null;
        ended = true;
      }
    } else if (counted.length > 1 || inClause.length > 1) {
      return null;
    } else {
      const h = inClause[0]!;
      const tail = list.s.slice(h.end, i);
      if (h.approx) return null;
      if (h.unit === t.unit) {
        if (others || ended) return null;
        if (tail && !/^\([^)]*\)$/.test(tail)) return null;
        const label = labelOf(list.s.slice(a, h.start));
        if (!label) return null;
        parts.push({ label, hit: h, a });
      } else {
        if (!parts.length) return null;
        others = true;
      }
    }
    a = i + 1;
  }
  if (parts.length < 2) return null;
  return { total: t, phraseA: pa, parts };
}

// ── entry point ───────────────────────────────────────────────────────────────────────────

/** Every claim in a piece of prose (a paragraph or a whole report's text). */
export function extractClaims(text: string): Claim[] {
  const sentences = splitSentences(text);
  const groups = splitSentences(text, { semicolons: false });
  const normalized = normalizeForMatch(text);
  const views = groups.map((g) => compactView(normalized, g.start, g.end));
  const numbers = views.map((v) => findNumbers(v.s));
  const claims: Claim[] = [];
  const sentenceOf = (pos: number): Sentence =>
    sentences.find((s) => pos >= s.start && pos < s.end) ?? groups.find((g) => pos >= g.start && pos < g.end)!;

  groups.forEach((g, gi) => {
    const v = views[gi]!;
    const hits = new Map(numbers[gi]!.map((h) => [h.start, h]));
    const cands = candidatesIn(v, hits, views.slice(Math.max(0, gi - 2), gi));
    for (const c of cands) {
      const [start, end] = origRange(v, c.a, c.b);
      claims.push({
        topic: c.topic, value: c.value, unit: c.unit, phrase: text.slice(start, end), start, end,
        sentence: sentenceOf(start), scope: scopeAt(v.s, c.a),
      });
    }

    // breakdown with the next group
    const next = groups[gi + 1];
    const nv = views[gi + 1];
    if (!next || !nv) return;
    const bd = breakdownOf(v, nv, numbers[gi]!, numbers[gi + 1]!);
    if (!bd) return;
    const [start, end] = origRange(v, bd.phraseA, bd.total.end);
    const sentence: Sentence = { text: text.slice(g.start, next.end), start: g.start, end: next.end };
    const scope = scopeAt(v.s, bd.phraseA);
    const parts: ClaimPart[] = bd.parts.map((p) => {
      const [ps, pe] = origRange(nv, p.a, p.hit.end);
      return { label: p.label, value: p.hit.value, phrase: text.slice(ps, pe), start: ps, end: pe };
    });
    claims.push({ topic: 'breakdown', value: bd.total.value, unit: bd.total.unit, phrase: text.slice(start, end), start, end, sentence, scope, parts });

    // a received total listed by applicant: "共收到申请81件。其中，自然人80件，商业企业1件。"
    const received = cands.find((c) => c.topic === 'applications.received' && c.hitStart === bd.total.start);
    if (received) {
      bd.parts.forEach((p, i) => {
        const topic = APPLICANT[p.label];
        if (!topic) return;
        const part = parts[i]!;
        claims.push({
          topic, value: p.hit.value, unit: p.hit.unit, phrase: part.phrase, start: part.start, end: part.end,
          sentence: sentenceOf(part.start), scope,
        });
      });
    }
  });
  return claims.sort((x, y) => x.start - y.start || x.end - y.end);
}
