import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { cssPath, extractHtml, parseDateText, resolveRef } from '../../lib/extract/html';
import { cellAt, rowCells } from '../../lib/extract/grid';
import { blocksOf, Extraction, type Grid, type GridCell } from '../../lib/extract/types';
import { withRange, type SourceRef } from '../../lib/source/ref';
import { decodeHtmlBytes, charsetFromContentType } from '../../lib/source/decode';

const PINGTAN = fileURLToPath(new URL('../fixtures/corpus/pingtan_2023.html', import.meta.url));

function dom(html: string): Document {
  return new JSDOM(html).window.document;
}

function page(body: string, head = ''): Document {
  return dom(`<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

function findCell(g: Grid, pred: (c: GridCell) => boolean): GridCell | undefined {
  return g.cells.find(pred);
}

function texts(x: Extraction): string[] {
  return blocksOf(x).map((b) => b.text);
}

/**
 * Every cell's selector finds exactly one of the table's own <td>/<th> again, each a different
 * one, with the cell's text (resolveRef and plain querySelector agree). With `inOrder`, the
 * cells are the table's cells in document order (no thead/tfoot reordering).
 */
function expectCellsResolve(doc: Document, x: Extraction, inOrder = true): number {
  let n = 0;
  for (const g of x.grids) {
    const table = resolveRef(doc, g.source)?.element;
    expect(table?.tagName).toBe('TABLE');
    const own = Array.from(table!.querySelectorAll('td, th')).filter((c) => c.closest('table') === table);
    expect(g.cells.length).toBe(own.length);
    const seen = new Set<Element>();
    g.cells.forEach((c, i) => {
      const sel = (c.source as { selector: string }).selector;
      const hit = resolveRef(doc, c.source);
      if (!hit) throw new Error(`cell selector does not resolve: ${sel}`);
      const el = hit.element;
      if (inOrder && el !== own[i]) throw new Error(`cell ${i} resolves to another element: ${sel}`);
      if (!own.includes(el) || seen.has(el)) throw new Error(`cell ${i} resolves to a wrong element: ${sel}`);
      if (doc.querySelector(sel) !== el) throw new Error(`querySelector disagrees: ${sel}`);
      expect((el.textContent ?? '').replace(/[\s\u00a0]/g, '')).toBe(c.raw.replace(/[\s\u00a0]/g, ''));
      seen.add(el);
      n++;
    });
  }
  return n;
}

// -------------------------------------------------------------------------------------------------

describe('extractHtml on the real Pingtan 2023 page', () => {
  let doc: Document;
  let x: Extraction;
  beforeAll(() => {
    doc = dom(readFileSync(PINGTAN, 'utf8'));
    x = extractHtml(doc, { uri: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm' });
  });

  it('matches the Extraction schema and is readable', () => {
    expect(() => Extraction.parse(x)).not.toThrow();
    expect(x.sourceKind).toBe('html');
    expect(x.unreadable).toBeUndefined();
    expect(x.warnings).toEqual([]);
  });

  it('finds exactly the three data tables, interleaved with the prose in reading order', () => {
    expect(x.grids.length).toBe(3);
    expect(x.grids.map((g) => `${g.rows}x${g.cols}`)).toEqual(['14x4', '28x10', '4x15']);
    const order = x.content.map((c) => (c.type === 'grid' ? `G${c.grid}` : c.block.text.trim()));
    const i2 = order.indexOf('二、主动公开政府信息情况');
    const i3 = order.indexOf('三、收到和处理政府信息公开申请情况');
    const i4 = order.indexOf('四、政府信息公开行政复议、行政诉讼情况');
    const i5 = order.indexOf('五、存在的主要问题及改进情况');
    expect(i2).toBeGreaterThan(0);
    expect(order.slice(i2, i5 + 1)).toEqual([
      order[i2], 'G0', order[i3], 'G1', order[i4], 'G2', order[i5],
    ]);
    for (const g of x.grids) expect(g.layout).toBe('positional');
  });

  it('table 2: the 行政许可 value cell reads 2629 and spans three columns', () => {
    const g = x.grids[0]!;
    const label = findCell(g, (c) => c.text === '行政许可')!;
    expect(label).toBeDefined();
    const value = cellAt(g, label.row, label.col + 1)!;
    expect(value.text).toBe('2629');
    expect(value.colSpan).toBe(3);
    expect(cellAt(g, label.row, 3)).toBe(value);
    const fees = findCell(g, (c) => c.text === '行政事业性收费')!;
    expect(cellAt(g, fees.row, 1)!.text).toBe('5949.088667');
  });

  it('table 3: the 勾稽关系 header and the 22-row 三、本年度办理结果 cell', () => {
    const g = x.grids[1]!;
    const head = cellAt(g, 0, 0)!;
    expect(head.text).toContain('勾稽关系');
    expect([head.rowSpan, head.colSpan]).toEqual([3, 3]);
    const result = findCell(g, (c) => c.text === '三、本年度办理结果')!;
    expect(result.rowSpan).toBe(22);
    expect(result.col).toBe(0);
    // the rows it covers: （一）予以公开 … （七）总计
    expect(cellAt(g, result.row + 21, 0)).toBe(result);
    expect(cellAt(g, result.row + 22, 0)!.text).toBe('四、结转下年度继续办理');
    expect(rowCells(g, result.row + 21).map((c) => c.text)).toEqual(
      ['三、本年度办理结果', '(七)总计', '80', '1', '0', '0', '0', '0', '81'],
    );
    // 商业</p><p>企业: the <p> boundary is a newline in raw, a space in text
    const commercial = findCell(g, (c) => c.raw.startsWith('商业'))!;
    expect(commercial.raw).toBe('商业\n企业');
    expect(commercial.text).toBe('商业 企业');
    const received = findCell(g, (c) => c.text.startsWith('一、本年新收'))!;
    expect(cellAt(g, received.row, 9)!.text).toBe('81');
  });

  it('table 4: the single data row of 15 cells', () => {
    const g = x.grids[2]!;
    expect(rowCells(g, 3).map((c) => c.text)).toEqual(['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2']);
    expect(cellAt(g, 1, 1)!.raw).toBe('结果\n纠正'); // <br/> → newline
  });

  it('hints: meta tags, title, document title, PubDate and the page date line', () => {
    expect(x.hints.meta.ArticleTitle).toBe('平潭综合实验区2023年度政府信息公开工作年度报告');
    expect(x.hints.meta.ColumnName).toBe('政府信息公开年报');
    expect(x.hints.meta.PubDate).toBe('2024-03-08 15:34');
    expect(x.hints.title).toBe('平潭综合实验区2023年度政府信息公开工作年度报告');
    expect(x.hints.titleSource).toBeUndefined(); // from meta, not an element
    expect(x.hints.documentTitle).toMatch(/^平潭综合实验区2023年度政府信息公开工作年度报告_/);
    expect(x.hints.images).toBe(0);
    const meta = x.hints.dates.filter((d) => d.from === 'meta');
    expect(meta).toEqual([{ date: '2024-03-08', raw: '2024-03-08 15:34', from: 'meta' }]);
    const pageDates = x.hints.dates.filter((d) => d.from === 'page');
    expect(pageDates.length).toBe(1);
    expect(pageDates[0]!.date).toBe('2024-03-08');
    expect(pageDates[0]!.raw).toBe('时间：2024-03-08 15:34');
    const el = resolveRef(doc, pageDates[0]!.source!)!.element;
    expect(el.className).toContain('article_time');
  });

  it('blocks: the report prose, headings marked, and no page chrome', () => {
    const t = texts(x);
    expect(t).toContain('（二）依申请公开方面');
    expect(t.some((s) => s.includes('共计81件，涉及自然人80件、商业企业1件'))).toBe(true);
    expect(t.some((s) => s.includes('无收取信息处理费情况'))).toBe(true);
    const all = t.join('\n');
    // (全真版 and 政务公开 occur in the report itself)
    for (const chrome of ['当前位置', '首页', '相关链接', '文件下载', '扫一扫', '关闭', '附件下载', '来源：', '分享到']) {
      expect(all).not.toContain(chrome);
    }
    // the title lives in the chrome (a hint), not in the article blocks
    expect(t.some((s) => s.includes('平潭综合实验区2023年度政府信息公开工作年度报告'))).toBe(false);
    const headings = blocksOf(x).filter((b) => b.headingHint).map((b) => b.text.replace(/[\s\u00a0]/g, ''));
    expect(headings).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    expect(blocksOf(x).find((b) => b.text === '（二）依申请公开方面')!.headingHint).toBeUndefined();
    // an empty <p>&nbsp;</p> is not a block
    expect(t.every((s) => /[^\s\u00a0]/.test(s))).toBe(true);
  });

  it('block text is exactly the element textContent', () => {
    for (const b of blocksOf(x)) {
      const hit = resolveRef(doc, b.source)!;
      expect(hit).not.toBeNull();
      expect(b.source.kind === 'html' && b.source.start).toBeUndefined();
      expect(hit.element.textContent).toBe(b.text);
    }
  });

  it('every cell selector resolves back to the same element', () => {
    expect(expectCellsResolve(doc, x)).toBe(x.grids.reduce((n, g) => n + g.cells.length, 0));
  });

  it('a sentence range resolves to the sentence text', () => {
    const b = blocksOf(x).find((bl) => bl.text.includes('涉及自然人80件'))!;
    const sentence = '2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。';
    const start = b.text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    const ref = withRange(b.source, start, start + sentence.length);
    const hit = resolveRef(doc, ref)!;
    expect(hit.range).toBeDefined();
    expect(hit.range!.toString()).toBe(sentence);
    // a range that starts inside a <strong>: " 一、总体情况" heading
    const h = blocksOf(x).find((bl) => bl.text.includes('一、总体情况'))!;
    const s2 = h.text.indexOf('总体');
    expect(resolveRef(doc, withRange(h.source, s2, s2 + 4))!.range!.toString()).toBe('总体情况');
  });

  it('gives the same reading under linkedom', () => {
    const { document } = parseHTML(readFileSync(PINGTAN, 'utf8'));
    const lx = extractHtml(document as unknown as Document);
    expect(lx.grids.map((g) => `${g.rows}x${g.cols}`)).toEqual(x.grids.map((g) => `${g.rows}x${g.cols}`));
    expect(lx.grids.map((g) => g.cells.map((c) => c.text))).toEqual(x.grids.map((g) => g.cells.map((c) => c.text)));
    expect(texts(lx)).toEqual(texts(x));
    const v = findCell(lx.grids[0]!, (c) => c.text === '2629')!;
    const el = (document as unknown as Document).querySelector((v.source as { selector: string }).selector)!;
    expect(el.tagName.toLowerCase()).toBe('td');
    expect(el.textContent).toBe('2629');
  });
});

// -------------------------------------------------------------------------------------------------

describe('Word-exported tables', () => {
  const word = `
<div class="TRS_Editor"><div class="Custom_UnionStyle">
<p class=MsoNormal><b><span style='font-family:黑体'>三、收到和处理政府信息公开申请情况<span lang=EN-US><o:p></o:p></span></span></b></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
 <tr style='height:20.0pt'>
  <td width=40 rowspan=4 style='layout-flow:vertical-ideographic'>
   <p class=MsoNormal align=center><span>三</span></p>
   <p class=MsoNormal align=center><span>、</span></p>
   <p class=MsoNormal align=center><span>本</span></p>
   <p class=MsoNormal align=center><span>年</span></p>
   <p class=MsoNormal align=center><span>度</span></p>
  </td>
  <td width=120><p class=MsoNormal><span>（一）予以公开<o:p></o:p></span></p></td>
  <td width=40><p class=MsoNormal align=center><span lang=EN-US>22<o:p></o:p></span></p></td>
 </tr>
 <tr>
  <td><p class=MsoNormal><span>（二）部分公开</span></p><p class=MsoNormal><span>（区分处理的，只计这一情形，不计其他情形）</span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td>
 </tr>
 <tr>
  <td><p class=MsoNormal><span>（三）不予<br>公开</span></p></td>
  <td><p class=MsoNormal align=center><span lang=EN-US>１２<o:p></o:p></span></p></td>
 </tr>
 <tr>
  <td>结<br>转</td>
  <td>/</td>
 </tr>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div></div>`;

  it('reads vertical text, <p>-split cells, &nbsp; blanks and <o:p>', () => {
    const doc = page(word);
    const x = extractHtml(doc);
    expect(x.grids.length).toBe(1);
    const g = x.grids[0]!;
    expect(g.rows).toBe(4);
    expect(g.cols).toBe(3);
    const vertical = cellAt(g, 0, 0)!;
    expect(vertical.rowSpan).toBe(4);
    expect(vertical.raw.split('\n').map((s) => s.trim()).filter(Boolean)).toEqual(['三', '、', '本', '年', '度']);
    expect(vertical.text.replace(/\s/g, '')).toBe('三、本年度');
    expect(cellAt(g, 3, 0)).toBe(vertical);
    expect(cellAt(g, 0, 2)!.text).toBe('22');
    const partly = cellAt(g, 1, 1)!;
    expect(partly.raw).toContain('（二）部分公开\n');
    expect(partly.text).toBe('(二)部分公开 (区分处理的,只计这一情形,不计其他情形)'); // full-width → half-width
    const blank = cellAt(g, 1, 2)!;
    expect(blank.raw).toBe('\u00a0');
    expect(blank.text).toBe('');
    expect(cellAt(g, 2, 1)!.raw).toBe('（三）不予\n公开');
    expect(cellAt(g, 2, 2)!.text).toBe('12');
    expect(cellAt(g, 3, 1)!.raw).toBe('结\n转');
    expect(cellAt(g, 3, 2)!.raw).toBe('/');
    // the bold Word heading is a heading; the <o:p>&nbsp;</o:p> paragraph is not a block
    const blocks = blocksOf(x);
    expect(blocks.length).toBe(1);
    expect(blocks[0]!.headingHint).toBe(true);
    expect(blocks[0]!.text).toContain('三、收到和处理政府信息公开申请情况');
    expectCellsResolve(doc, x);
  });

  it('cssPath steps over tags that are not CSS identifiers (o:p)', () => {
    const doc = page('<p class=MsoNormal><span>x<o:p>y</o:p></span></p>');
    const op = doc.getElementsByTagName('o:p')[0]!;
    const sel = cssPath(op);
    expect(sel).toContain('*:nth-child(1)');
    expect(doc.querySelector(sel)).toBe(op);
  });
});

// -------------------------------------------------------------------------------------------------

describe('table structure', () => {
  it('thead / tbody / tfoot in visual order; rowspan stays inside its row group; th cells', () => {
    const doc = page(`<div id="zoom"><p>表格如下：</p><table>
      <tfoot><tr><td>合计</td><td>3</td></tr></tfoot>
      <tbody><tr><td rowspan="5">甲</td><td>1</td></tr><tr><td>2</td></tr></tbody>
      <thead><tr><th>项目</th><th>数量</th></tr></thead>
    </table></div>`);
    const x = extractHtml(doc);
    const g = x.grids[0]!;
    expect(g.rows).toBe(4);
    expect(rowCells(g, 0).map((c) => c.text)).toEqual(['项目', '数量']);
    expect(cellAt(g, 1, 0)!.rowSpan).toBe(2);
    expect(rowCells(g, 2).map((c) => c.text)).toEqual(['甲', '2']);
    expect(rowCells(g, 3).map((c) => c.text)).toEqual(['合计', '3']);
    expectCellsResolve(doc, x, false);
  });

  it('rowspan="0" runs to the end of its group; colspan="100000" is clamped with a warning', () => {
    const doc = page(`<div class="TRS_Editor"><table>
      <tr><td rowspan="0">左</td><td colspan="0">a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr>
    </table><table><tr><td colspan="100000">宽</td><td>挤出</td></tr><tr><td>1</td><td>2</td></tr></table></div>`);
    const x = extractHtml(doc);
    expect(x.grids.length).toBe(2);
    const a = x.grids[0]!;
    expect(cellAt(a, 0, 0)!.rowSpan).toBe(3);
    expect(rowCells(a, 2).map((c) => c.text)).toEqual(['左', 'c']);
    expect(cellAt(a, 0, 1)!.colSpan).toBe(1);
    const b = x.grids[1]!;
    expect(b.cols).toBe(1000);
    expect(cellAt(b, 0, 999)!.text).toBe('宽');
    // the cell after it no longer fits: dropped, and said so
    expect(b.cells.some((c) => c.text === '挤出')).toBe(false);
    expect(x.warnings.some((w) => /table 2/.test(w))).toBe(true);
  });

  it('a layout table around a data table: only the inner table is a grid, the rest are blocks', () => {
    const doc = page(`<div class="TRS_Editor"><table class="layout"><tr>
      <td><p>一、总体情况</p><p>正文第一段。</p>
        <table border="1"><tr><td>规章</td><td>0</td></tr><tr><td>行政许可</td><td>12</td></tr></table>
        <p>正文第二段。</p></td>
      <td>说明文字</td></tr></table></div>`);
    const x = extractHtml(doc);
    expect(x.grids.length).toBe(1);
    expect(x.grids[0]!.cells.map((c) => c.text)).toEqual(['规章', '0', '行政许可', '12']);
    const order = x.content.map((c) => (c.type === 'grid' ? 'G' : c.block.text));
    expect(order).toEqual(['一、总体情况', '正文第一段。', 'G', '正文第二段。', '说明文字']);
    expectCellsResolve(doc, x);
  });

  it('single-cell and long-prose tables are layout, a spacer table is ignored', () => {
    const long = '这是一段很长的正文。'.repeat(40);
    const doc = page(`<div class="TRS_Editor">
      <table><tr><td><p>只有一个格子</p></td></tr></table>
      <table><tr><td>${long}</td><td>旁注</td></tr></table>
      <table><tr><td>&nbsp;</td><td> </td></tr></table>
      <table><tr><td>项目</td><td>数量</td></tr></table></div>`);
    const x = extractHtml(doc);
    expect(texts(x)).toEqual(['只有一个格子', long, '旁注']);
    expect(x.grids.length).toBe(1);
    expect(x.grids[0]!.cells.map((c) => c.text)).toEqual(['项目', '数量']);
  });

  it('~200 levels of nested tables: finishes fast, never throws, finds the innermost grid', () => {
    let html = '<table border="1"><tr><td>行政许可</td><td>9487</td></tr><tr><td>行政处罚</td><td>5</td></tr></table>';
    for (let i = 0; i < 200; i++) html = `<table><tr><td>第${i}层<div>${html}</div></td></tr></table>`;
    const doc = page(`<div id="zoom">${html}</div>`);
    const t0 = performance.now();
    const x = extractHtml(doc);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(10_000); // a hang guard: bench/ measures speed
    expect(x.grids.length).toBe(1);
    expect(cellAt(x.grids[0]!, 0, 1)!.text).toBe('9487');
    expect(texts(x).length).toBe(200);
    expect(texts(x)[0]).toBe('第199层');
    expectCellsResolve(doc, x);
  });

  it('absurdly deep markup (3,000 nested divs) is read without a stack overflow', () => {
    const doc = page(`<div id="zoom">${'<div>'.repeat(3000)}深处的文字${'</div>'.repeat(3000)}</div>`);
    const x = extractHtml(doc);
    expect(texts(x)).toEqual(['深处的文字']);
    expect(resolveRef(doc, blocksOf(x)[0]!.source)!.element.textContent).toBe('深处的文字');
  });

  it('a 10,000-row table in well under a second (parse excluded)', () => {
    const rows: string[] = [];
    for (let r = 0; r < 10_000; r++) rows.push(`<tr><td>第${r}行</td><td>${r}</td><td>${r * 2}</td><td>0</td></tr>`);
    const doc = page(`<div class="TRS_Editor"><table>${rows.join('')}</table></div>`);
    const t0 = performance.now();
    const x = extractHtml(doc);
    const ms = performance.now() - t0;
    console.log(`10,000-row table: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000); // a hang guard: bench/ measures speed
    expect(x.grids[0]!.rows).toBe(10_000);
    expect(cellAt(x.grids[0]!, 9_999, 2)!.text).toBe('19998');
    const last = cellAt(x.grids[0]!, 9_999, 3)!;
    const hit = resolveRef(doc, last.source)!.element;
    expect(hit === doc.querySelectorAll('td').item(39_999)).toBe(true);
  });

  it('a 5 MB page in well under a second (parse excluded)', () => {
    const para = '<p>本年度共受理政府信息公开申请81件，办结81件，其中予以公开22件。这是填充文字，用于测试大页面。</p>';
    const parts: string[] = [];
    let size = 0;
    while (size < 5_000_000) { parts.push(para); size += para.length * 2; }
    const doc = page(`<div class="nav"><a href="/">首页</a></div><div class="TRS_Editor">${parts.join('')}</div>`);
    const t0 = performance.now();
    const x = extractHtml(doc);
    const ms = performance.now() - t0;
    console.log(`5 MB page (${parts.length} paragraphs): ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000); // a hang guard: bench/ measures speed
    expect(texts(x).length).toBe(parts.length);
  });
});

// -------------------------------------------------------------------------------------------------

describe('the article container', () => {
  const chromePage = `
    <div class="header"><div class="logo">某某市人民政府</div><ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
    <div class="location">当前位置：<a href="/">首页</a> &gt; <a>政府信息公开年报</a></div>
    <div class="wrap">
      <div class="main">
        <h1>某某市2023年政府信息公开工作年度报告</h1>
        <div class="info"><span>发布日期：2024年1月8日</span> <span>成文日期：2023-12-30</span> <span>浏览次数：123</span></div>
        <div class="body">
          <p>　　本报告根据《中华人民共和国政府信息公开条例》编制。</p>
          <p><strong>一、总体情况</strong></p>
          <p>　　2023年，本机关主动公开政府信息1200条，受理申请15件。</p>
          <table border="1"><tr><td>行政许可</td><td>30</td></tr><tr><td>行政处罚</td><td>4</td></tr></table>
          <p>　　六、其他需要报告的事项：无收取信息处理费情况。</p>
        </div>
      </div>
      <div class="side"><h3>相关文章</h3><ul><li><a href="/1">某某区2023年年报</a></li><li><a href="/2">某某县2023年年报</a></li></ul></div>
    </div>
    <div class="footer"><p>主办单位：某某市人民政府办公室 地址：某某路1号</p><p>网站标识码：1234567890 备案号：某ICP备12345号</p></div>
    <script>var t = "脚本里的文字不是正文";</script>`;

  it('falls back to the densest element and keeps nav, breadcrumbs, side bars and footer out', () => {
    const doc = page(chromePage);
    const x = extractHtml(doc);
    const t = texts(x);
    expect(t.some((s) => s.includes('本报告根据'))).toBe(true);
    expect(t.some((s) => s.includes('无收取信息处理费情况'))).toBe(true);
    expect(x.grids.length).toBe(1);
    const all = t.join('\n');
    for (const chrome of ['首页', '政务公开', '当前位置', '相关文章', '某某区2023年年报', '主办单位', '备案号', '脚本', '浏览次数']) {
      expect(all).not.toContain(chrome);
    }
    expect(x.hints.title).toBe('某某市2023年政府信息公开工作年度报告');
    expect(resolveRef(doc, x.hints.titleSource!)!.element.tagName).toBe('H1');
    // 发布日期 is a page date; 成文日期 is not a publication date
    const pd = x.hints.dates.filter((d) => d.from === 'page');
    expect(pd.map((d) => [d.date, d.raw])).toEqual([['2024-01-08', '发布日期：2024年1月8日']]);
    expect(resolveRef(doc, pd[0]!.source!)!.element.textContent).toBe('发布日期：2024年1月8日');
    const heading = blocksOf(x).find((b) => b.text === '一、总体情况')!;
    expect(heading.headingHint).toBe(true);
  });

  it('prefers a CMS container over denser page text elsewhere', () => {
    const doc = page(`<div class="intro">${'<p>很长的网站介绍文字，不属于年报。</p>'.repeat(30)}</div>
      <div class="article"><div id="UCAP-CONTENT"><p>一、总体情况</p><p>本年度主动公开信息100条，依申请公开10件，均按时答复。</p></div></div>`);
    const x = extractHtml(doc);
    expect(texts(x)).toEqual(['一、总体情况', '本年度主动公开信息100条，依申请公开10件，均按时答复。']);
    expect(blocksOf(x)[0]!.source).toEqual({ kind: 'html', selector: '#UCAP-CONTENT > p:nth-child(1)' });
  });

  it('an empty CMS container does not hide the article', () => {
    const doc = page(`<div class="TRS_Editor"></div><div class="main">${'<p>本机关2023年政府信息公开工作情况良好，主动公开信息100条。</p>'.repeat(5)}</div>`);
    const x = extractHtml(doc);
    expect(texts(x).length).toBe(5);
  });

  it('skips hidden elements, scripts and styles inside the article', () => {
    const doc = page(`<div class="TRS_Editor">
      <p>可见的段落。</p>
      <p style="display: none">隐藏的段落。</p>
      <div hidden><p>也隐藏。</p></div>
      <p style="color:red;visibility:hidden">看不见。</p>
      <style>.x{}</style><script>document.write('脚本')</script>
      <table style="display:none"><tr><td>隐藏表</td><td>1</td></tr></table>
      <table><tr><td>项目</td><td>数量</td></tr><tr style="display:none"><td>隐藏行</td><td>9</td></tr><tr><td>许可</td><td>3</td></tr></table>
    </div>`);
    const x = extractHtml(doc);
    expect(texts(x)).toEqual(['可见的段落。']);
    expect(x.grids.length).toBe(1);
    expect(x.grids[0]!.rows).toBe(2);
    expect(x.grids[0]!.cells.map((c) => c.text)).toEqual(['项目', '数量', '许可', '3']);
  });

  it('text mixed with blocks becomes <br>-separated blocks with offsets that resolve', () => {
    const doc = page(`<div id="zoom">　　一、总体情况<br>　　本年度共受理申请<b>81</b>件。<br><table border=1><tr><td>a</td><td>1</td></tr></table>结尾文字<p>段落</p><span>独立的行内元素</span></div>`);
    const x = extractHtml(doc);
    const order = x.content.map((c) => (c.type === 'grid' ? 'G' : c.block.text));
    expect(order).toEqual(['一、总体情况', '本年度共受理申请81件。', 'G', '结尾文字', '段落', '独立的行内元素']);
    for (const b of blocksOf(x)) {
      const hit = resolveRef(doc, b.source)!;
      const got = hit.range ? hit.range.toString() : hit.element.textContent;
      expect(got).toBe(b.text);
    }
    const mixed = blocksOf(x)[1]!;
    expect(mixed.source).toMatchObject({ kind: 'html', selector: '#zoom' });
    expect((mixed.source as { start: number }).start).toBeGreaterThan(0);
    expect(blocksOf(x)[3]!.source).toEqual({ kind: 'html', selector: '#zoom > p:nth-child(5)' });
    expect(blocksOf(x)[4]!.source).toEqual({ kind: 'html', selector: '#zoom > span:nth-child(6)' });
  });

  it('counts the images of an image-only report and says it is unreadable', () => {
    const doc = page(`<div class="nav">导航</div><div class="TRS_Editor"><p><img src="1.png"></p><p><img src="2.png"></p><table><tr><td><img src="t.png"></td></tr></table></div>`);
    const x = extractHtml(doc);
    expect(x.hints.images).toBe(3);
    expect(x.grids.length).toBe(0);
    expect(x.unreadable?.en).toMatch(/image/);
    expect(x.warnings.some((w) => /image/.test(w))).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------

describe('hints', () => {
  it('meta dates in several spellings; ArticleTitle wins over elements', () => {
    const doc = page('<div class="article_title">元素标题</div><div class="TRS_Editor"><p>正文内容很多很多。</p></div>', `
      <meta name="firstpublishedtime" content="2024-03-09 10:00:00">
      <meta name="publishdate" content="2024年3月8日">
      <meta name="ArticleTitle" content=" 元数据标题 ">
      <meta property="article:published_time" content="2024-03-10T08:00:00+08:00">
      <meta name="Keywords" content="">
      <title> 文档 标题 </title>`);
    const x = extractHtml(doc);
    expect(x.hints.title).toBe('元数据标题');
    expect(x.hints.documentTitle).toBe('文档 标题');
    expect(x.hints.meta.Keywords).toBe('');
    expect(x.hints.dates.map((d) => [d.date, d.from])).toEqual([
      ['2024-03-08', 'meta'], ['2024-03-09', 'meta'], ['2024-03-10', 'meta'],
    ]);
  });

  it('title from the article title element, with its source', () => {
    const doc = page('<div class="article-title"> 某局2023年年报 </div><div class="TRS_Editor"><p>正文。</p></div>');
    const x = extractHtml(doc, { uri: 'file:///tmp/x.html' });
    expect(x.hints.title).toBe('某局2023年年报');
    expect(resolveRef(doc, x.hints.titleSource!)!.element.className).toBe('article-title');
    expect(x.hints.documentTitle).toBe('x.html'); // no <title>: the file name
  });

  it('page date labels: 发布时间 with a time, split over spans; not 成文日期 or 更新时间', () => {
    const doc = page(`<div class="meta"><span>发布时间：</span><span>2024-03-08 15:34</span></div>
      <div>更新时间：2024-04-01</div><div>成文日期：2024-02-01</div>
      <div class="TRS_Editor"><p>正文内容。</p><p>2024年3月8日</p></div>`);
    const x = extractHtml(doc);
    expect(x.hints.dates.map((d) => [d.date, d.raw, d.from])).toEqual([['2024-03-08', '发布时间：2024-03-08 15:34', 'page']]);
    expect(resolveRef(doc, x.hints.dates[0]!.source!)!.element.className).toBe('meta');
  });

  it('parseDateText', () => {
    expect(parseDateText('2024-3-8')).toBe('2024-03-08');
    expect(parseDateText('２０２４年３月８日')).toBe('2024-03-08');
    expect(parseDateText('2024/03/08 15:34')).toBe('2024-03-08');
    expect(parseDateText('20240308')).toBe('2024-03-08');
    expect(parseDateText('2023-02-29')).toBeNull();
    expect(parseDateText('2024-13-01')).toBeNull();
    expect(parseDateText('无')).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------------

describe('cssPath and resolveRef', () => {
  it('anchors at the nearest unique, CSS-safe id', () => {
    const doc = page(`<div id="main"><div id="dup"><p>a</p></div><div id="dup"><p>b</p></div><div id="1bad"><p>c</p></div><div id="a.b"><p>d</p></div></div>`);
    const ps = Array.from(doc.querySelectorAll('p'));
    expect(cssPath(ps[0]!)).toBe('#main > div:nth-child(1) > p:nth-child(1)');
    expect(cssPath(ps[2]!)).toBe('#main > div:nth-child(3) > p:nth-child(1)');
    expect(cssPath(ps[3]!)).toBe('#main > div:nth-child(4) > p:nth-child(1)');
    expect(cssPath(doc.getElementById('main')!)).toBe('#main');
    expect(cssPath(doc.body)).toBe('html > body:nth-child(2)');
    expect(cssPath(doc.documentElement)).toBe('html');
    for (const p of ps) expect(doc.querySelector(cssPath(p))).toBe(p);
  });

  it('builds ranges across text nodes and clamps bad offsets', () => {
    const doc = page('<p id="p">abc<strong>def</strong><!-- x -->ghi</p>');
    const ref = (start: number, end: number): SourceRef => ({ kind: 'html', selector: '#p', start, end });
    expect(resolveRef(doc, ref(2, 7))!.range!.toString()).toBe('cdefg');
    expect(resolveRef(doc, ref(3, 6))!.range!.toString()).toBe('def');
    expect(resolveRef(doc, ref(0, 9))!.range!.toString()).toBe('abcdefghi');
    expect(resolveRef(doc, ref(6, 100))!.range!.toString()).toBe('ghi');
    expect(resolveRef(doc, ref(7, 2))!.range!.toString()).toBe('cdefg');
    expect(resolveRef(doc, { kind: 'html', selector: '#p' })!.range).toBeUndefined();
    expect(resolveRef(doc, { kind: 'html', selector: '#nope' })).toBeNull();
    expect(resolveRef(doc, { kind: 'html', selector: '::: not a selector' })).toBeNull();
    expect(resolveRef(doc, { kind: 'text', line: 1 })).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------------

describe('never throws', () => {
  it('empty and odd documents', () => {
    const empty = extractHtml(dom(''));
    expect(empty.unreadable?.zh).toBeTruthy();
    expect(empty.content).toEqual([]);
    const xml = new JSDOM('<root><a>1</a></root>', { contentType: 'application/xml' }).window.document;
    expect(() => extractHtml(xml)).not.toThrow();
    expect(extractHtml({} as unknown as Document).unreadable).toBeDefined();
    const hostile = { get documentElement(): Element { throw new Error('boom'); } } as unknown as Document;
    const broken = extractHtml(hostile);
    expect(broken.unreadable).toBeDefined();
    expect(broken.warnings).toEqual(['HTML extraction stopped early: boom']);
    expect(() => Extraction.parse(broken)).not.toThrow();
  });

  it('hostile markup', () => {
    const doc = page(`<div class="TRS_Editor"><table><tr><td rowspan="-1" colspan="abc">x</td><td rowspan="99999999999999">y</td></tr><tr><td colspan=" 2px">z</td></tr></table></div>`);
    const x = extractHtml(doc);
    const g = x.grids[0]!;
    expect(cellAt(g, 0, 0)!.rowSpan).toBe(1);
    expect(cellAt(g, 0, 1)!.rowSpan).toBe(2);
    // " 2px" parses as 2 (HTML's integer rules); column 1 stays y's (rowspan 2)
    expect(cellAt(g, 1, 0)!.colSpan).toBe(2);
    expect(cellAt(g, 1, 1)!.text).toBe('y');
    expect(rowCells(g, 1).map((c) => c.text)).toEqual(['z', 'y']);
  });
});

// -------------------------------------------------------------------------------------------------

describe('decodeHtmlBytes', () => {
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  // 年报政府 in GBK: 年 C4 EA, 报 B1 A8, 政 D5 FE, 府 B8 AE
  const GBK = [0xc4, 0xea, 0xb1, 0xa8, 0xd5, 0xfe, 0xb8, 0xae];

  it('reads a GB2312 page by its <meta http-equiv> declaration', () => {
    const bytes = new Uint8Array([
      ...ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>'),
      ...GBK,
      ...ascii('</p></body></html>'),
    ]);
    const { text, charset } = decodeHtmlBytes(bytes);
    expect(text).toContain('<p>年报政府</p>');
    expect(charset).toBe('gb18030');
  });

  it('reads <meta charset="gbk">, and the HTTP header wins over the page', () => {
    const bytes = new Uint8Array([...ascii('<meta charset="utf-8"><p>'), ...GBK]);
    expect(decodeHtmlBytes(bytes, 'text/html; charset=GBK').text).toContain('年报政府');
    expect(decodeHtmlBytes(bytes, 'text/html; charset="gbk"').charset).toBe('gb18030');
    const declared = new Uint8Array([...ascii('<meta charset=\'GBK\'><p>'), ...GBK]);
    expect(decodeHtmlBytes(declared).text).toBe('<meta charset=\'GBK\'><p>年报政府');
  });

  it('a BOM wins over everything and is stripped', () => {
    const utf8 = new TextEncoder().encode('<meta charset="gbk">年报');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeHtmlBytes(withBom, 'text/html; charset=gbk')).toEqual({ text: '<meta charset="gbk">年报', charset: 'utf-8' });
    const le = new Uint8Array([0xff, 0xfe, 0x74, 0x5e, 0xa5, 0x62]); // 年报 in UTF-16LE
    expect(decodeHtmlBytes(le)).toEqual({ text: '年报', charset: 'utf-16le' });
  });

  it('defaults to UTF-8, falls back to GB18030 for undeclared non-UTF-8 bytes, never throws', () => {
    expect(decodeHtmlBytes(new TextEncoder().encode('<p>年报</p>'))).toEqual({ text: '<p>年报</p>', charset: 'utf-8' });
    expect(decodeHtmlBytes(new Uint8Array([...ascii('<p>'), ...GBK]))).toEqual({ text: '<p>年报政府', charset: 'gb18030' });
    const bogus = decodeHtmlBytes(new TextEncoder().encode('<meta charset="x-bogus">年'), 'text/html; charset=nonsense');
    expect(bogus).toEqual({ text: '<meta charset="x-bogus">年', charset: 'utf-8' });
    expect(decodeHtmlBytes(new Uint8Array([]))).toEqual({ text: '', charset: 'utf-8' });
    // a commented-out declaration does not count
    const commented = new Uint8Array([...ascii('<!-- <meta charset="gbk"> -->'), ...new TextEncoder().encode('年')]);
    expect(decodeHtmlBytes(commented).text).toContain('年');
  });

  it('charsetFromContentType', () => {
    expect(charsetFromContentType('text/html;charset=GB2312')).toBe('GB2312');
    expect(charsetFromContentType('text/html; charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });
});
