import { describe, expect, it } from 'vitest';
import { findNumbers, parseChineseNumber } from '../../lib/narrative/numbers';

describe('parseChineseNumber', () => {
  it.each([
    ['0', 0],
    ['39', 39],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['27.8334', 27.8334],
    ['５９４９.０８８６６７', 5949.088667],
    ['１２３', 123],
    [' 81 ', 81],
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['三十九', 39],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一千零五十', 1050],
    ['两千三百', 2300],
    ['五十万', 500000],
    ['二〇二三', 2023],
    ['壹佰贰拾叁', 123],
    ['叁拾', 30],
    ['1.2万', 12000],
    ['3千', 3000],
    ['3万5千', 35000],
    ['1亿2000万', 120000000],
    ['一百五', 150],
    ['两千三', 2300],
  ])('%s → %s', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });

  it.each(['', '百', '千', '万', '亿', '十十', '十二五', '一百十', '1,2345', '12.', '.5', '39件', 'abc', '三审三校', '百分之五十'])(
    'rejects %j',
    (s) => {
      expect(parseChineseNumber(s)).toBeNull();
    },
  );
});

function read(text: string) {
  return findNumbers(text).map((h) => [h.raw, h.value, h.unit]);
}

describe('findNumbers', () => {
  it('reads counts with their units and exact offsets', () => {
    const t = '2023 全年办理行政许可项目 39 件，报送信息 33 条。';
    const hits = findNumbers(t);
    expect(hits.map((h) => [h.raw, h.value, h.unit])).toEqual([
      ['39 件', 39, '件'],
      ['33 条', 33, '条'],
    ]);
    for (const h of hits) expect(t.slice(h.start, h.end)).toBe(h.raw);
  });

  it('reads Chinese, full-width and mixed numerals', () => {
    expect(read('共计８１件，三十九件，一百零五条，两千三百个，1.2万条，3千次，壹拾贰份')).toEqual([
      ['８１件', 81, '件'],
      ['三十九件', 39, '件'],
      ['一百零五条', 105, '条'],
      ['两千三百个', 2300, '个'],
      ['1.2万条', 12000, '条'],
      ['3千次', 3000, '次'],
      ['壹拾贰份', 12, '份'],
    ]);
  });

  it('knows all the units, 万元 and 人次 before 元 and 次', () => {
    expect(read('收费5949.088667万元，费用0 元，接待120人次，7期，3家，5篇，2起，4项').map((x) => x[2])).toEqual([
      '万元', '元', '人次', '期', '家', '篇', '起', '项',
    ]);
    expect(read('收费5949.088667万元')[0]![1]).toBe(5949.088667);
    expect(read('一万元')).toEqual([['一万元', 1, '万元']]);
    expect(read('2亿元')).toEqual([['2亿元', 200000000, '元']]);
  });

  it('keeps a number without unit when it is Arabic and not a year/code', () => {
    expect(read('行政事业性收费 27.8334，行政许可 9487')).toEqual([
      ['27.8334', 27.8334, null],
      ['9487', 9487, null],
    ]);
  });

  it('allows spaces and one line break between number and unit', () => {
    expect(read('公开政府常务会议 7\n期，解读信息发布 7 条')).toEqual([
      ['7\n期', 7, '期'],
      ['7 条', 7, '条'],
    ]);
  });

  it('does not read years, dates, times, percentages, phone numbers, postcodes or document numbers', () => {
    const t =
      '本报告根据《条例》（国务院令第711号）、（国办公开办函〔2021〕30号）、国令第 711 号编制。统计期限自2023年1月1日起至2023年12月31日止，' +
      '2023 年，2023年度，2023 全年，二〇二三年。邮编：350400；电话：0591-23165385；0517-87290606。占51.85%，6.17 %，百分之五十，' +
      '发布时间2024-03-08 15:34，2024.1.8，7号楼14层，90号，3-5件，15个工作日，3个月，提高5个百分点，H5，5G，12345热线。';
    expect(findNumbers(t)).toEqual([]);
  });

  it('does not read enumerators, ordinals or words with numerals', () => {
    const t =
      '一是落实，二是完善。1、主动公开情况。2.依申请公开情况。（1）加强热点公开。(2)推动。三、收到和处理。第二十条第（五）项。第一项加第二项之和。' +
      '学习二十大精神，落实“三审三校”，两微一端，做到“四个落实”，进一步，一站式，最后一公里，一件事一次办，一起研究，“两个确立”，十分重要，千方百计，千家万户，一期工程。';
    expect(findNumbers(t)).toEqual([]);
  });

  it('marks approximate numbers', () => {
    const hits = findNumbers('约100件，100余件，1万多条，100件左右，超过20件，81件');
    expect(hits.map((h) => [h.value, h.unit, h.approx])).toEqual([
      [100, '件', true],
      [100, '件', true],
      [10000, '条', true],
      [100, '件', true],
      [20, '件', true],
      [81, '件', false],
    ]);
  });

  it('never takes the Chinese comma for a thousands separator', () => {
    expect(read('自然人80件，商业企业1件')).toEqual([
      ['80件', 80, '件'],
      ['1件', 1, '件'],
    ]);
    // "1，234" is ambiguous (separator or list): not read at all
    expect(read('主动公开信息1，234条')).toEqual([]);
    expect(read('主动公开信息1,234条')).toEqual([['1,234条', 1234, '条']]);
  });

  it('reads the counts of the pingtan paragraph and nothing else', () => {
    const t =
      '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。';
    expect(findNumbers(t).map((h) => h.value)).toEqual([81, 80, 1, 81, 42, 5, 31, 1, 2, 2, 7]);
  });
});
