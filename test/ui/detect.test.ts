// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { detectReport, cappedText, TEXT_CAP } from '../../lib/detect';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const page = (html: string) => new JSDOM(html).window.document;
const file = (...p: string[]) => page(readFileSync(join(FIX, ...p), 'utf8'));

/** A small report body: the six headings and the note of table 3. */
const BODY = `
  <p>一、总体情况</p><p>本机关认真贯彻落实《条例》。</p>
  <p>二、主动公开政府信息情况</p><table><tr><td>第二十条第（一）项</td></tr></table>
  <p>三、收到和处理政府信息公开申请情况</p>
  <table><tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td></tr>
  <tr><td>一、本年新收政府信息公开申请数量</td><td>0</td></tr></table>
  <p>四、政府信息公开行政复议、行政诉讼情况</p>
  <p>五、存在的主要问题及改进情况</p><p>问题……</p>
  <p>六、其他需要报告的事项</p><p>本机关未收取信息处理费。</p>`;

describe('detectReport', () => {
  it('recognises the real report page of a portal (TRS CMS)', () => {
    const r = detectReport(file('corpus', 'pingtan_2023.html'));
    expect(r.isReport).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0.9);
    expect(r.signals).toEqual(
      expect.arrayContaining(['meta:ArticleTitle', 'title', 'meta:ColumnName', 'section:1', 'section:6', 'table3:balance-note']),
    );
  });

  it('recognises the e2e fixtures that are reports, including one whose tables are pictures', () => {
    expect(detectReport(file('e2e', 'pingtan_2023_errors.html')).isReport).toBe(true);
    const img = detectReport(file('e2e', 'pingtan_2023_images.html'));
    expect(img.isReport).toBe(true);
    expect(img.signals).not.toContain('table3:balance-note');
  });

  it('rejects the listing page of the 政府信息公开年报 column, though it names many reports', () => {
    const r = detectReport(file('e2e', 'listing.html'));
    expect(r.isReport).toBe(false);
    expect(r.signals).toContain('meta:ColumnName');
  });

  it('rejects a news article about 政务公开 that mentions the annual report', () => {
    const r = detectReport(file('e2e', 'news.html'));
    expect(r.isReport).toBe(false);
  });

  it('rejects an ordinary page from its title and metadata alone, without reading the text', () => {
    const doc = page(
      `<title>示例市人民政府门户网站</title><body><h1>首页</h1>${'<p>今日要闻：某某活动举行。</p>'.repeat(2000)}</body>`,
    );
    const walker = vi.spyOn(doc, 'createTreeWalker');
    const text = vi.spyOn(doc.body, 'textContent', 'get');
    const r = detectReport(doc);
    expect(r).toEqual({ isReport: false, score: 0, signals: [] });
    // (jsdom walks the <title> element itself; the detector never walks the body)
    expect(walker.mock.calls.filter((c) => c[0] === doc.body)).toHaveLength(0);
    expect(text).not.toHaveBeenCalled();
  });

  it('accepts the seed variants of the title: "工作情况" without 报告, "年度报告" without 工作', () => {
    for (const title of ['互助县新农村建设服务中心2023 年度政府信息公开工作情况', '某区2022年政府信息公开年度报告']) {
      const r = detectReport(page(`<title>${title}</title><body>${BODY}</body>`));
      expect(r.isReport, title).toBe(true);
      expect(r.signals).toContain('title');
    }
  });

  it('finds the title in a heading element when <title> is only the site name', () => {
    const r = detectReport(
      page(`<title>示例县人民政府</title><body><div class="art_title">示例县2023年政府信息公开工作年度报告</div>${BODY}</body>`),
    );
    expect(r.isReport).toBe(true);
    expect(r.signals).toContain('heading-element');
  });

  it('tolerates headings broken by spaces and the 2019 wording of section 4 and 5', () => {
    const body = BODY.replace('一、总体情况', '1、 总 体 情 况')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')
      .replace('五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况');
    const r = detectReport(page(`<title>某局2019年政府信息公开工作年度报告</title><body>${body}</body>`));
    expect(r.isReport).toBe(true);
    expect(r.signals.filter((s) => s.startsWith('section:'))).toHaveLength(6);
  });

  it('does not call a page a report because of its title alone', () => {
    const r = detectReport(
      page(`<title>关于报送2023年度政府信息公开工作年度报告的通知</title><body><p>请各单位于1月31日前报送。</p></body>`),
    );
    expect(r.isReport).toBe(false);
    expect(r.signals).toEqual(['title']);
  });

  it('reads at most TEXT_CAP characters of text', () => {
    const filler = `<p>${'政'.repeat(1000)}</p>`.repeat(Math.ceil(TEXT_CAP / 1000) + 5);
    const doc = page(`<title>某区2023年政府信息公开工作年度报告</title><body>${filler}${BODY}</body>`);
    expect(cappedText(doc).length).toBe(TEXT_CAP);
    const r = detectReport(doc);
    expect(r.isReport).toBe(false);
    expect(r.signals).toEqual(['title']);
  });

  it('ignores script and style text', () => {
    const doc = page(`<title>政府信息公开年报</title><body><script>var s="一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 勾稽关系";</script><style>.a{}</style><p>列表</p></body>`);
    expect(cappedText(doc)).toBe('列表');
    expect(detectReport(doc).isReport).toBe(false);
  });
});
