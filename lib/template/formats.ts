/**
 * The official format of the annual report as data (report-format.md §2–§6):
 * the 2019 format (国办公开办函〔2019〕60号) and the 2021 format (国办公开办函〔2021〕30号).
 * Keys are part of the public export format: never rename one without bumping SCHEMA_VERSION.
 */
import type { TemplateVersion } from '../model/report';

export interface LabelSpec {
  key: string;
  /** the official text */
  label: string;
  /** wordings seen in real reports that mean the same (reported as label-variant) */
  variants?: string[];
}

// ─── sections ────────────────────────────────────────────────────────────────
export interface SectionSpec {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  canonical: string;
  /** the heading without its enumerator */
  core: string;
  variants: string[];
}

export const SECTIONS: readonly SectionSpec[] = [
  { number: 1, canonical: '一、总体情况', core: '总体情况', variants: [] },
  { number: 2, canonical: '二、主动公开政府信息情况', core: '主动公开政府信息情况', variants: [] },
  { number: 3, canonical: '三、收到和处理政府信息公开申请情况', core: '收到和处理政府信息公开申请情况', variants: [] },
  {
    number: 4,
    canonical: '四、政府信息公开行政复议、行政诉讼情况',
    core: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况', '政府信息公开行政法复议、行政诉讼情况', '政府信息公开行政复议和行政诉讼情况'],
  },
  {
    number: 5,
    canonical: '五、存在的主要问题及改进情况',
    core: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况'],
  },
  { number: 6, canonical: '六、其他需要报告的事项', core: '其他需要报告的事项', variants: [] },
];

export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

// ─── table 2: 主动公开政府信息情况 ─────────────────────────────────────────────
export interface ActiveRowSpec extends LabelSpec {
  /** 第二十条第（X）项 */
  block: string;
  columns: string[];
}

export const ACTIVE_COLUMNS: Record<TemplateVersion, LabelSpec[]> = {
  '2021': [
    { key: 'issued', label: '本年制发件数' },
    { key: 'repealed', label: '本年废止件数', variants: ['本年度止件数', '本年废止件'] },
    { key: 'inForce', label: '现行有效件数' },
    { key: 'decisions', label: '本年处理决定数量', variants: ['处理决定数量'] },
    { key: 'amount', label: '本年收费金额(单位:万元)', variants: ['本年收费金额(万元)', '本年收费金额'] },
  ],
  '2019': [
    { key: 'made', label: '本年新制作数量' },
    { key: 'published', label: '本年新公开数量' },
    { key: 'totalPublished', label: '对外公开总数量' },
    { key: 'previousCount', label: '上一年项目数量' },
    { key: 'change', label: '本年增/减', variants: ['本年增减', '本年增/减数量'] },
    { key: 'decisions', label: '处理决定数量' },
    { key: 'projects', label: '采购项目数量' },
    { key: 'amount', label: '采购总金额' },
  ],
};

export const ACTIVE_ROWS: Record<TemplateVersion, ActiveRowSpec[]> = {
  '2021': [
    { key: 'regulations', label: '规章', block: '一', columns: ['issued', 'repealed', 'inForce'] },
    { key: 'normativeDocuments', label: '行政规范性文件', variants: ['规范性文件'], block: '一', columns: ['issued', 'repealed', 'inForce'] },
    { key: 'licensing', label: '行政许可', block: '五', columns: ['decisions'] },
    { key: 'penalty', label: '行政处罚', block: '六', columns: ['decisions'] },
    { key: 'coercion', label: '行政强制', block: '六', columns: ['decisions'] },
    { key: 'fees', label: '行政事业性收费', block: '八', columns: ['amount'] },
  ],
  '2019': [
    { key: 'regulations', label: '规章', block: '一', columns: ['made', 'published', 'totalPublished'] },
    { key: 'normativeDocuments', label: '规范性文件', variants: ['行政规范性文件'], block: '一', columns: ['made', 'published', 'totalPublished'] },
    { key: 'licensing', label: '行政许可', block: '五', columns: ['previousCount', 'change', 'decisions'] },
    { key: 'otherServices', label: '其他对外管理服务事项', block: '五', columns: ['previousCount', 'change', 'decisions'] },
    { key: 'penalty', label: '行政处罚', block: '六', columns: ['previousCount', 'change', 'decisions'] },
    { key: 'coercion', label: '行政强制', block: '六', columns: ['previousCount', 'change', 'decisions'] },
    { key: 'fees', label: '行政事业性收费', block: '八', columns: ['previousCount', 'change'] },
    { key: 'procurement', label: '政府集中采购', block: '九', columns: ['projects', 'amount'] },
  ],
};

/** Columns that may hold decimals / negatives (cell-invalid). */
export const MONEY_KEYS = new Set(['active.fees.amount', 'active.procurement.amount']);
export const SIGNED_COLUMNS = new Set(['change']);

// ─── table 3: 收到和处理政府信息公开申请情况 ────────────────────────────────────
export const APPLICATION_COLUMNS: LabelSpec[] = [
  { key: 'naturalPerson', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织', variants: ['社会组织', '社会公益'] },
  { key: 'legalService', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

export const BALANCE_HEADER = '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)';

export interface ApplicationRowSpec extends LabelSpec {
  /** the group label ((三)不予公开 …) for context */
  group?: string;
  /** part of which sum of applications-result-sum */
  inResultSum: boolean;
  versions: TemplateVersion[];
}

const both: TemplateVersion[] = ['2019', '2021'];
export const APPLICATION_ROWS: ApplicationRowSpec[] = [
  { key: 'received', label: '一、本年新收政府信息公开申请数量', inResultSum: false, versions: both },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', inResultSum: false, versions: both },
  { key: 'granted', label: '(一)予以公开', inResultSum: true, versions: both },
  { key: 'partlyGranted', label: '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', variants: ['(二)部分公开'], inResultSum: true, versions: both },
  { key: 'withheld.stateSecret', group: '(三)不予公开', label: '1.属于国家秘密', inResultSum: true, versions: both },
  { key: 'withheld.prohibitedByLaw', group: '(三)不予公开', label: '2.其他法律行政法规禁止公开', variants: ['2.其他法律行政止公开'], inResultSum: true, versions: both },
  { key: 'withheld.threeSecurities', group: '(三)不予公开', label: '3.危及三安全一稳定', inResultSum: true, versions: both },
  { key: 'withheld.thirdPartyRights', group: '(三)不予公开', label: '4.保护第三方合法权益', inResultSum: true, versions: both },
  { key: 'withheld.internalAffairs', group: '(三)不予公开', label: '5.属于三类内部事务信息', inResultSum: true, versions: both },
  { key: 'withheld.processInformation', group: '(三)不予公开', label: '6.属于四类过程性信息', inResultSum: true, versions: both },
  { key: 'withheld.enforcementFiles', group: '(三)不予公开', label: '7.属于行政执法案卷', inResultSum: true, versions: both },
  { key: 'withheld.queryMatters', group: '(三)不予公开', label: '8.属于行政查询事项', inResultSum: true, versions: both },
  { key: 'unavailable.notHeld', group: '(四)无法提供', label: '1.本机关不掌握相关政府信息', inResultSum: true, versions: both },
  { key: 'unavailable.needsCreation', group: '(四)无法提供', label: '2.没有现成信息需要另行制作', inResultSum: true, versions: both },
  { key: 'unavailable.unclear', group: '(四)无法提供', label: '3.补正后申请内容仍不明确', inResultSum: true, versions: both },
  { key: 'notProcessed.complaint', group: '(五)不予处理', label: '1.信访举报投诉类申请', inResultSum: true, versions: both },
  { key: 'notProcessed.repeated', group: '(五)不予处理', label: '2.重复申请', inResultSum: true, versions: both },
  { key: 'notProcessed.publication', group: '(五)不予处理', label: '3.要求提供公开出版物', inResultSum: true, versions: both },
  { key: 'notProcessed.excessive', group: '(五)不予处理', label: '4.无正当理由大量反复申请', inResultSum: true, versions: both },
  { key: 'notProcessed.confirmation', group: '(五)不予处理', label: '5.要求行政机关确认或重新出具已获取信息', inResultSum: true, versions: both },
  {
    key: 'otherHandling.noCorrection', group: '(六)其他处理',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', inResultSum: true, versions: ['2021'],
  },
  {
    key: 'otherHandling.unpaidFee', group: '(六)其他处理',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', inResultSum: true, versions: ['2021'],
  },
  { key: 'otherHandling.other', group: '(六)其他处理', label: '3.其他', inResultSum: true, versions: ['2021'] },
  { key: 'otherHandling', label: '(六)其他处理', variants: ['(六)其他'], inResultSum: true, versions: ['2019'] },
  { key: 'resultTotal', label: '(七)总计', inResultSum: false, versions: both },
  { key: 'carriedForward', label: '四、结转下年度继续办理', variants: ['四、结转下一年度继续办理'], inResultSum: false, versions: both },
];

/** Label cells that are group headers only (no values of their own). */
export const APPLICATION_GROUP_LABELS = [
  '三、本年度办理结果', '(三)不予公开', '(四)无法提供', '(五)不予处理', '(六)其他处理', '申请人情况', '法人或其他组织',
];

// ─── table 4: 政府信息公开行政复议、行政诉讼情况 ──────────────────────────────────
export const REVIEW_GROUPS: LabelSpec[] = [
  { key: 'adminReview', label: '行政复议' },
  { key: 'directSuit', label: '未经复议直接起诉' },
  { key: 'suitAfterReview', label: '复议后起诉' },
];
export const REVIEW_COLUMNS: LabelSpec[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/**
 * The full key of a cell: `cellKey('applications', 'received', 'total')` → "applications.received.total". The same
 * string object every time (made once, its hash cached), so that the many lookups of model.cells by key in the
 * mapping and the rules do not build and hash a new string each time.
 */
const KEYS = new Map<string, Map<string, Map<string, string>>>();
export function cellKey(table: 'active' | 'applications' | 'reviews', row: string, col: string): string {
  let t = KEYS.get(table);
  if (!t) KEYS.set(table, (t = new Map()));
  let r = t.get(row);
  if (!r) t.set(row, (r = new Map()));
  let k = r.get(col);
  if (k === undefined) r.set(col, (k = `${table}.${row}.${col}`));
  return k;
}

/** Every cell key a complete report of the given version has, in template order. */
export function templateKeys(version: TemplateVersion): string[] {
  const keys: string[] = [];
  for (const row of ACTIVE_ROWS[version]) for (const c of row.columns) keys.push(cellKey('active', row.key, c));
  for (const row of APPLICATION_ROWS) {
    if (!row.versions.includes(version)) continue;
    for (const c of APPLICATION_COLUMNS) keys.push(cellKey('applications', row.key, c.key));
  }
  for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) keys.push(cellKey('reviews', g.key, c.key));
  return keys;
}

/** Human label of a full cell key, for messages: "table 3 · 一、本年新收… · 总计". */
export function describeKey(key: string): { zh: string; en: string } {
  const [table, ...rest] = key.split('.');
  const col = rest.pop() ?? '';
  const row = rest.join('.');
  if (table === 'applications') {
    const r = APPLICATION_ROWS.find((x) => x.key === row);
    const c = APPLICATION_COLUMNS.find((x) => x.key === col);
    return { zh: `表三「${r ? (r.group ? r.group + r.label : r.label) : row}」×「${c?.label ?? col}」`, en: `table 3, ${row} × ${col}` };
  }
  if (table === 'active') {
    const r = [...ACTIVE_ROWS['2021'], ...ACTIVE_ROWS['2019']].find((x) => x.key === row);
    const c = [...ACTIVE_COLUMNS['2021'], ...ACTIVE_COLUMNS['2019']].find((x) => x.key === col);
    return { zh: `表二「${r?.label ?? row}」×「${c?.label ?? col}」`, en: `table 2, ${row} × ${col}` };
  }
  if (table === 'reviews') {
    const g = REVIEW_GROUPS.find((x) => x.key === row);
    const c = REVIEW_COLUMNS.find((x) => x.key === col);
    return { zh: `表四「${g?.label ?? row}」×「${c?.label ?? col}」`, en: `table 4, ${row} × ${col}` };
  }
  return { zh: key, en: key };
}
