/**
 * Builds plain-text reports in the tab-separated layout of the seeds (see seed 001), from a
 * table of values, so that rule tests can start from a clean, non-zero report and change
 * one thing. Defaults are the real figures of the Pingtan 2023 report (corpus/README.md).
 */
export interface ReportSpec {
  title?: string;
  year?: number;
  signature?: string | null;
  active?: Partial<Record<string, string>>;
  /** row key → 7 values (naturalPerson … otherOrg, total) as text */
  apps?: Partial<Record<string, string[]>>;
  /** 15 values */
  reviews?: string[];
  sections?: Partial<Record<1 | 2 | 3 | 4 | 5 | 6, string | null>>;
  section1?: string;
  section5?: string;
  section6?: string;
  extraProse?: string;
  otherHandlingSingleRow?: boolean;
  headings?: Partial<Record<number, string>>;
}

const Z7 = ['0', '0', '0', '0', '0', '0', '0'];
export const PINGTAN_APPS: Record<string, string[]> = {
  received: ['80', '1', '0', '0', '0', '0', '81'],
  carriedOver: Z7,
  granted: ['22', '0', '0', '0', '0', '0', '22'],
  partlyGranted: ['19', '1', '0', '0', '0', '0', '20'],
  'withheld.stateSecret': Z7, 'withheld.prohibitedByLaw': Z7, 'withheld.threeSecurities': Z7,
  'withheld.thirdPartyRights': ['1', '0', '0', '0', '0', '0', '1'], 'withheld.internalAffairs': Z7,
  'withheld.processInformation': ['1', '0', '0', '0', '0', '0', '1'], 'withheld.enforcementFiles': ['1', '0', '0', '0', '0', '0', '1'],
  'withheld.queryMatters': ['2', '0', '0', '0', '0', '0', '2'],
  'unavailable.notHeld': ['31', '0', '0', '0', '0', '0', '31'], 'unavailable.needsCreation': Z7, 'unavailable.unclear': Z7,
  'notProcessed.complaint': Z7, 'notProcessed.repeated': ['1', '0', '0', '0', '0', '0', '1'], 'notProcessed.publication': Z7,
  'notProcessed.excessive': Z7, 'notProcessed.confirmation': Z7,
  'otherHandling.noCorrection': ['1', '0', '0', '0', '0', '0', '1'], 'otherHandling.unpaidFee': Z7,
  'otherHandling.other': ['1', '0', '0', '0', '0', '0', '1'],
  resultTotal: ['80', '1', '0', '0', '0', '0', '81'],
  carriedForward: Z7,
};
export const PINGTAN_REVIEWS = ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'];

const ROWS: [string, string][] = [
  ['received', '一、本年新收政府信息公开申请数量\t'],
  ['carriedOver', '二、上年结转政府信息公开申请数量\t'],
  ['granted', '三、本年度办理结果\t(一) 予以公开'],
  ['partlyGranted', '\t(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)'],
  ['withheld.stateSecret', '\t(三) 不予公开\t1. 属于国家秘密'],
  ['withheld.prohibitedByLaw', '\t\t2. 其他法律行政法规禁止公开'],
  ['withheld.threeSecurities', '\t\t3. 危及“三安全一稳定”'],
  ['withheld.thirdPartyRights', '\t\t4. 保护第三方合法权益'],
  ['withheld.internalAffairs', '\t\t5. 属于三类内部事务信息'],
  ['withheld.processInformation', '\t\t6. 属于四类过程性信息'],
  ['withheld.enforcementFiles', '\t\t7. 属于行政执法案卷'],
  ['withheld.queryMatters', '\t\t8. 属于行政查询事项'],
  ['unavailable.notHeld', '\t(四) 无法提供\t1. 本机关不掌握相关政府信息'],
  ['unavailable.needsCreation', '\t\t2. 没有现成信息需要另行制作'],
  ['unavailable.unclear', '\t\t3. 补正后申请内容仍不明确'],
  ['notProcessed.complaint', '\t(五) 不予处理\t1. 信访举报投诉类申请'],
  ['notProcessed.repeated', '\t\t2. 重复申请'],
  ['notProcessed.publication', '\t\t3. 要求提供公开出版物'],
  ['notProcessed.excessive', '\t\t4. 无正当理由大量反复申请'],
  ['notProcessed.confirmation', '\t\t5. 要求行政机关确认或重新出具已获取信息'],
  ['otherHandling.noCorrection', '\t(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['otherHandling.unpaidFee', '\t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['otherHandling.other', '\t\t3. 其他'],
  ['resultTotal', '(七) 总计\t'],
  ['carriedForward', '四、结转下年度继续办理\t'],
];

export function makeReport(spec: ReportSpec = {}): string {
  const year = spec.year ?? 2023;
  const a = { 'regulations.issued': '0', 'regulations.repealed': '0', 'regulations.inForce': '0', 'normativeDocuments.issued': '77', 'normativeDocuments.repealed': '132', 'normativeDocuments.inForce': '470', licensing: '2629', penalty: '1330', coercion: '54', fees: '5949.088667', ...spec.active };
  const apps = { ...PINGTAN_APPS, ...spec.apps };
  const rev = spec.reviews ?? PINGTAN_REVIEWS;
  const h = (n: number, text: string) => spec.headings?.[n] ?? text;
  const out: string[] = [];
  out.push(spec.title ?? `某某市某某局${year}年政府信息公开工作年度报告`, '');
  const sec = (n: 1 | 2 | 3 | 4 | 5 | 6, heading: string, body: string[]) => {
    if (spec.sections?.[n] === null) return;
    out.push(h(n, heading), '', ...body, '');
  };
  sec(1, '一、总体情况', [spec.section1 ?? `${year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，本报告统计数据从${year}年1月1日至12月31日。全年接收政府信息公开申请81件。`, spec.extraProse ?? '']);
  sec(2, '二、主动公开政府信息情况', [
    '第二十条第（一）项\t\t\t', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    `规章\t${a['regulations.issued']}\t${a['regulations.repealed']}\t${a['regulations.inForce']}`,
    `行政规范性文件\t${a['normativeDocuments.issued']}\t${a['normativeDocuments.repealed']}\t${a['normativeDocuments.inForce']}`,
    '第二十条第（五）项\t\t\t', '信息内容\t本年处理决定数量\t\t', `行政许可\t${a.licensing}\t\t`,
    '第二十条第（六）项\t\t\t', '信息内容\t本年处理决定数量\t\t', `行政处罚\t${a.penalty}\t\t`, `行政强制\t${a.coercion}\t\t`,
    '第二十条第（八）项\t\t\t', '信息内容\t本年收费金额（单位：万元）\t\t', `行政事业性收费\t${a.fees}\t\t`,
  ]);
  const t3 = [
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t总计\t',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t\t',
    '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t',
  ];
  for (const [key, label] of ROWS) {
    if (spec.otherHandlingSingleRow && key.startsWith('otherHandling.')) {
      if (key === 'otherHandling.noCorrection') t3.push(`(六) 其他处理\t\t${(apps['otherHandling'] ?? Z7).join('\t')}\t`);
      continue;
    }
    const v = apps[key]!;
    t3.push(`${label}\t${v.join('\t')}${label.includes('\t\t') || label.startsWith('\t(') ? '' : '\t'}`);
  }
  sec(3, '三、收到和处理政府信息公开申请情况', t3);
  sec(4, '四、政府信息公开行政复议、行政诉讼情况', [
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    rev.join('\t'),
  ]);
  sec(5, '五、存在的主要问题及改进情况', [spec.section5 ?? '一是信息发布的及时性还需提高，二是政策解读形式不够丰富。下一步，我局将完善审核机制，丰富解读形式，提高公开质量。']);
  sec(6, '六、其他需要报告的事项', [spec.section6 ?? `${year}年，我局未收取信息处理费。`]);
  if (spec.signature !== null) out.push('某某市某某局', spec.signature ?? `${year + 1}年1月15日`);
  return out.join('\n');
}
