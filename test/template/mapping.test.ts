import { describe, expect, it } from 'vitest';
import { matchLabel } from '../../lib/template/labels';
import { matchHeading } from '../../lib/template/sections';
import { APPLICATION_COLUMNS, APPLICATION_ROWS, ACTIVE_COLUMNS, templateKeys } from '../../lib/template/formats';
import { alignTail, classifyGrid } from '../../lib/template/tables';
import { extractText } from '../../lib/extract/text';
import { bodyFromTitle, classifyIssuer, periodYears } from '../../lib/template/meta';
import { readFixture } from '../helpers';

describe('template data', () => {
  it('the 2021 format has 10 + 25×7 + 15 cells, the 2019 table 3 has 23 rows', () => {
    expect(templateKeys('2021').filter((k) => k.startsWith('applications.'))).toHaveLength(25 * 7);
    expect(templateKeys('2021')).toHaveLength(10 + 175 + 15);
    expect(templateKeys('2019').filter((k) => k.startsWith('applications.'))).toHaveLength(23 * 7);
  });
});

describe('matchLabel', () => {
  it('exact, known variants, near misses, and nothing for unrelated text', () => {
    expect(matchLabel('4. 保护第三方合法权益', APPLICATION_ROWS)).toMatchObject({ spec: { key: 'withheld.thirdPartyRights' }, quality: 'exact' });
    expect(matchLabel('2.其他法律行政止公开', APPLICATION_ROWS)).toMatchObject({ spec: { key: 'withheld.prohibitedByLaw' }, quality: 'variant' });
    expect(matchLabel('结转下一年度继续办理', APPLICATION_ROWS)).toMatchObject({ spec: { key: 'carriedForward' }, quality: 'variant' });
    expect(matchLabel('社会组织', APPLICATION_COLUMNS, { useBody: false })).toMatchObject({ spec: { key: 'publicInterest' }, quality: 'variant' });
    expect(matchLabel('本年度止件数', ACTIVE_COLUMNS['2021'], { useBody: false })).toMatchObject({ spec: { key: 'repealed' } });
    expect(matchLabel('政府信息公开平台建设', APPLICATION_ROWS)).toBeNull();
  });
  it('"总计" and "其他" in the header are not the rows （七）总计 and 3.其他', () => {
    expect(matchLabel('总计', APPLICATION_ROWS)).toBeNull();
    expect(matchLabel('其他', APPLICATION_ROWS)).toBeNull();
    expect(matchLabel('（七）总计', APPLICATION_ROWS)!.spec.key).toBe('resultTotal');
  });
});

describe('matchHeading', () => {
  it('finds sections by heading text, not by numeral', () => {
    expect(matchHeading('一、总体情况')).toMatchObject({ spec: { number: 1 }, exact: true });
    expect(matchHeading('1、 总体情况')).toMatchObject({ spec: { number: 1 }, exact: false });
    expect(matchHeading('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')).toMatchObject({ spec: { number: 4 }, exact: false });
    expect(matchHeading('四、政府信息公开行政法复议、行政诉讼情况')).toMatchObject({ spec: { number: 4 } });
  });
  it('does not take sub-items or table rows for sections', () => {
    expect(matchHeading('（一）主动公开情况。')).toBeNull();
    expect(matchHeading('一、政府信息管理：')).toBeNull();
    expect(matchHeading('四、结转下年度继续办理')).toBeNull();
    expect(matchHeading('（一）政府信息公开工作存在的主要问题')).toBeNull();
  });
});

describe('ragged rows (text with merged cells missing)', () => {
  const cells = (xs: string[]) => xs.map((t, i) => ({ row: 0, col: i, rowSpan: 1, colSpan: 1, raw: t, text: t, source: { kind: 'text' as const, line: 1, field: i } }));
  it('a closing tab and the label column are dropped; a missing first value stays blank', () => {
    expect(alignTail(cells(['', '0', '1', '2', '3', '4', '5', '6', '']), 7).cells.map((c) => c?.text)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(alignTail(cells(['', '', '1', '2', '3', '4', '5', '6', '']), 7).cells.map((c) => c?.text)).toEqual(['', '1', '2', '3', '4', '5', '6']);
  });
  it('fewer fields than columns: right-aligned and marked as a guess', () => {
    const r = alignTail(cells(['1', '2']), 7);
    expect(r.guessed).toBe(true);
    expect(r.cells.slice(5).map((c) => c?.text)).toEqual(['1', '2']);
  });
});

describe('table classification and meta', () => {
  it('classifies the three tables of a seed by their labels', () => {
    const x = extractText(readFixture('seeds', '001_cf1e86794f147280.txt'));
    expect(x.grids.map(classifyGrid)).toEqual(['active', 'applications', 'reviews']);
  });
  it('reads the body, the period and the issuer kind', () => {
    expect(bodyFromTitle('淮安市洪泽区人民政府2024年政府信息公开工作年度报告')).toBe('淮安市洪泽区人民政府');
    expect(classifyIssuer('淮安市洪泽区人民政府', '').kind).toBe('government');
    expect(classifyIssuer('湛河区住建局', '').kind).toBe('department');
    expect(classifyIssuer('某某镇人民政府', '').kind).toBe('township');
    expect(classifyIssuer('平潭综合实验区', '汇总平潭综合实验区各有关单位政府信息公开工作情况').kind).toBe('government');
    expect(periodYears('本报告中所列数据的统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止')).toEqual([2024]);
  });
});
