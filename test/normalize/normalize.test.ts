import { describe, expect, it } from 'vitest';
import { labelKey, normalizeCellText, normalizeChars, similarity, stripEnumerator } from '../../lib/normalize/text';
import { parseCellValue } from '../../lib/normalize/cell';

describe('normalizeChars (length-preserving)', () => {
  it('maps NBSP, ideographic space, full-width digits and brackets, CJK radicals', () => {
    const s = '\u00a0１２３（一）\u3000⻔⼈';
    const n = normalizeChars(s);
    expect(n).toBe(' 123(一) 门人');
    expect(n.length).toBe(s.length);
  });
  it('returns the same string when nothing needs mapping', () => {
    const s = '政府信息公开工作年度报告 2023';
    expect(normalizeChars(s)).toBe(s);
  });
});

describe('normalizeCellText and labelKey', () => {
  it('collapses whitespace in cells', () => expect(normalizeCellText('  结果\n 维持\u00a0')).toBe('结果 维持'));
  it('label keys ignore spaces, line breaks, quotes, numbering punctuation and full-width forms', () => {
    expect(labelKey('三、 本 年 度 办 理 结 果')).toBe(labelKey('三、本年度办理结果'));
    expect(labelKey('商业\n企业')).toBe('商业企业');
    expect(labelKey('3. 危及“三安全一稳定”')).toBe(labelKey('3.危及三安全一稳定'));
    expect(labelKey('1、属于国家秘密')).toBe(labelKey('1.属于国家秘密'));
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(labelKey('(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)'));
  });
  it('strips enumerators of every family', () => {
    expect(stripEnumerator('一、总体情况').rest).toBe('总体情况');
    expect(stripEnumerator('（三）不予公开').enumerator).toBe('（三）');
    expect(stripEnumerator('1、 总体情况')).toEqual({ enumerator: '1、', rest: '总体情况' });
    expect(stripEnumerator('总体情况').enumerator).toBe('');
  });
  it('similarity is 1 for equal strings and falls with edits', () => {
    expect(similarity('其他法律行政法规禁止公开', '其他法律行政法规禁止公开')).toBe(1);
    expect(similarity('其他法律行政法规禁止公开', '其他法律行政止公开')).toBeCloseTo(0.75, 2);
  });
});

describe('parseCellValue: blank is not zero', () => {
  for (const blank of ['', ' ', '\u00a0', '/', '／', '—', '——', '-', '无', '空']) {
    it(`"${blank}" is blank`, () => expect(parseCellValue(blank)).toEqual({ kind: 'blank', value: null }));
  }
  it('numbers, decimals, thousands separators, full-width digits, negatives', () => {
    expect(parseCellValue('0')).toMatchObject({ kind: 'number', value: 0 });
    expect(parseCellValue(' 27.8334 ')).toMatchObject({ kind: 'number', value: 27.8334, decimals: 4 });
    expect(parseCellValue('9,487')).toMatchObject({ kind: 'number', value: 9487 });
    expect(parseCellValue('１２')).toMatchObject({ kind: 'number', value: 12 });
    expect(parseCellValue('-3')).toMatchObject({ kind: 'number', value: -3 });
    expect(parseCellValue('\u3000\u30000')).toMatchObject({ kind: 'number', value: 0 });
  });
  it('text is neither', () => {
    expect(parseCellValue('若干').kind).toBe('text');
    expect(parseCellValue('12件').kind).toBe('text');
  });
});
