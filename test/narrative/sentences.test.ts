import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { continuationOf, followingSentence, isContinuation, sentenceAt, splitSentences } from '../../lib/narrative/sentences';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/narrative/${name}`, import.meta.url), 'utf8');

function expectExact(text: string, opts?: Parameters<typeof splitSentences>[1]) {
  const ss = splitSentences(text, opts);
  for (const s of ss) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
  }
  for (let i = 1; i < ss.length; i++) expect(ss[i]!.start).toBeGreaterThanOrEqual(ss[i - 1]!.end);
  return ss;
}

describe('splitSentences', () => {
  it('splits at 。！？； and line breaks, trimming whitespace with exact offsets', () => {
    const t = '  第一句。第二句！第三句？第四句；第五句\n  第六句 \r\n\n第七句';
    expect(expectExact(t).map((s) => s.text)).toEqual(['第一句。', '第二句！', '第三句？', '第四句；', '第五句', '第六句', '第七句']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    const t = '他说：“已办结。”随后（见附件。）完毕';
    expect(expectExact(t).map((s) => s.text)).toEqual(['他说：“已办结。”', '随后（见附件。）', '完毕']);
  });

  it('does not split at commas, colons, enumerators or decimals', () => {
    const t = '其中：予以公开及部分公开42件，占51.85%；不予公开5件。';
    expect(expectExact(t).map((s) => s.text)).toEqual(['其中：予以公开及部分公开42件，占51.85%；', '不予公开5件。']);
  });

  it('can keep ；-clauses together', () => {
    const t = '办结81件，其中：予以公开42件；不予公开5件。另外。';
    expect(expectExact(t, { semicolons: false }).map((s) => s.text)).toEqual(['办结81件，其中：予以公开42件；不予公开5件。', '另外。']);
  });

  it('keeps exact offsets on every seed', () => {
    for (const f of ['000_d1f4d466d2ee4c6e.txt', '001_cf1e86794f147280.txt', '002_ab6da90aa55277b8.txt', '003_25c42bc5e0ee16a3.txt', '004_292e5f130bca3acf.txt']) {
      const t = fixture(f);
      const ss = expectExact(t);
      expect(ss.length).toBeGreaterThan(20);
      // seed lines are paragraphs: no sentence runs over a line break
      for (const s of ss) expect(s.text).not.toMatch(/\n/);
    }
  });

  it('joins the soft wraps of PDF text, but not headings, table rows or page numbers', () => {
    const t = fixture('hongze_2024_layout.txt');
    const ss = expectExact(t);
    const texts = ss.map((s) => s.text);
    expect(texts).toContain('2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。');
    expect(texts).toContain('（二）依申请公开情况。');
    expect(texts).toContain('-1-');
    expect(texts).toContain('行政许可                      9487');
    expect(texts.some((x) => /府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7\n期，/.test(x))).toBe(true);
  });

  it('treats every line break as a boundary with lineBreaks: hard', () => {
    const t = fixture('hongze_2024_layout.txt');
    for (const s of expectExact(t, { lineBreaks: 'hard' })) expect(s.text).not.toMatch(/\n/);
  });

  it('a short line before a long one is a heading, not a wrap', () => {
    const t = '（一）主动公开方面\n平潭综合实验区切实落实国务院办公厅、省政府办公厅关于政务公开工作有关要求，坚持应公开尽公开';
    expect(expectExact(t).map((s) => s.text)).toEqual([
      '（一）主动公开方面',
      '平潭综合实验区切实落实国务院办公厅、省政府办公厅关于政务公开工作有关要求，坚持应公开尽公开',
    ]);
  });
});

describe('following sentences', () => {
  const t = '主动公开发布信息423条。其中，规划计划12条，社会救助90条。另外，村级三务公开459条。';
  const ss = splitSentences(t);

  it('gives the sentence after', () => {
    expect(followingSentence(ss, 0)?.text).toBe('其中，规划计划12条，社会救助90条。');
    expect(followingSentence(ss, ss[1]!)?.text).toBe('另外，村级三务公开459条。');
    expect(followingSentence(ss, 2)).toBeNull();
  });

  it('recognises a "其中" continuation', () => {
    expect(isContinuation(ss[1]!)).toBe(true);
    expect(isContinuation(ss[2]!)).toBe(false);
    expect(continuationOf(ss, 0)?.text).toBe('其中，规划计划12条，社会救助90条。');
    expect(continuationOf(ss, 1)).toBeNull();
  });

  it('finds the sentence at an offset', () => {
    expect(sentenceAt(ss, t.indexOf('社会救助'))?.text).toBe(ss[1]!.text);
    expect(sentenceAt(ss, t.length + 5)).toBeNull();
  });
});
