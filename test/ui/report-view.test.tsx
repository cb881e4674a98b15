// @vitest-environment jsdom
/** @jsxImportSource preact */
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { $, $$, show } from './dom';
import { ReportView, formatBytes, type ReportModel, type ReportViewProps } from '../../components/ReportView';
import { cellInfoOf } from '../../components/PdfPages';
import { copyOf, safeClone } from '../../components/safe-clone';
import type { PdfDebug } from '../../lib/extract/pdf';
import type { Grid } from '../../lib/extract/types';
import { AuditResult } from '../../lib/model/result';
import { sampleResult } from './sample-result';

/** The report view's components (components/ReportView.tsx, PdfPages.tsx, DocxView.tsx, safe-clone.ts) in jsdom. */

const W = 600, H = 800;
const BOXES: Record<string, [number, number, number, number]> = {
  total: [480, 500, 520, 520],
  operand1: [300, 500, 340, 520],
  operand2: [340, 500, 380, 520],
  sentence: [60, 100, 540, 140],
};

/** The sample result with PDF sources: table cells on page 2, the sentence on page 1. */
function pdfResult(): AuditResult {
  const r = structuredClone(sampleResult());
  r.source = { ...r.source, kind: 'pdf', uri: 'http://www.example.gov.cn/nb/2023.pdf' };
  const [rowSum, narrative] = r.findings;
  rowSum!.evidence.sources = [
    { ref: { kind: 'pdf', page: 2, box: BOXES.total! }, role: 'total', key: 'applications.received.total' },
    { ref: { kind: 'pdf', page: 2, box: BOXES.operand1! }, role: 'operand', key: 'applications.received.naturalPerson' },
    { ref: { kind: 'pdf', page: 2, box: BOXES.operand2! }, role: 'operand', key: 'applications.received.commercial' },
  ];
  narrative!.evidence.sources = [{ ref: { kind: 'pdf', page: 1, box: BOXES.sentence!, start: 2, end: 20 }, role: 'sentence' }];
  r.report!.cells = { 'applications.received.total': { value: 91, raw: '91', kind: 'number', source: { kind: 'pdf', page: 2, box: BOXES.total! } } };
  return AuditResult.parse(r);
}

const DEBUG: PdfDebug = {
  pages: [
    { page: 1, width: W, height: H, segments: [], rawSegments: 0, tables: [], cells: [], images: 0, words: 40 },
    {
      page: 2, width: W, height: H, rawSegments: 9, images: 0, words: 120,
      segments: [
        { box: [100, 499.5, 520, 500.5], o: 'h', src: 'stroke' },
        { box: [100, 519.5, 520, 520.5], o: 'h', src: 'fill' },
        { box: [479.5, 500, 480.5, 520], o: 'v', src: 'stroke' },
      ],
      tables: [{ box: [100, 400, 520, 700], grid: 0, kind: 'lattice', rows: 10, cols: 8 }],
      cells: [{ box: BOXES.total!, grid: 0 }, { box: BOXES.operand1!, grid: 0 }],
    },
  ],
  blocks: [],
  grids: [],
  ms: 1,
};

const GRIDS: Grid[] = [{
  index: 0, rows: 1, cols: 2, layout: 'positional', confidence: 1,
  source: { kind: 'pdf', page: 2, box: [100, 400, 520, 700] },
  slots: [[0, 1]],
  cells: [
    { row: 0, col: 0, rowSpan: 1, colSpan: 1, raw: '80', text: '80', source: { kind: 'pdf', page: 2, box: [300.2, 500.1, 340, 520] } },
    { row: 0, col: 1, rowSpan: 1, colSpan: 1, raw: '91', text: '91', source: { kind: 'pdf', page: 2, box: BOXES.total! } },
  ],
}];


function mount(model: ReportModel, over: Partial<ReportViewProps> = {}) {
  const props: ReportViewProps = {
    lang: 'zh',
    model,
    src: 'http://www.example.gov.cn/nb/%E5%B9%B4%E6%8A%A5.pdf',
    severities: { error: true, warning: true, info: true },
    ruleTitles: {},
    renderPage: vi.fn(async () => undefined),
    scale: 1.5,
    onExport: vi.fn(async () => undefined),
    onGrant: vi.fn(),
    ...over,
  };
  show(<ReportView {...props} />);
  return props;
}
const pages = DEBUG.pages.map((p) => ({ page: p.page, width: p.width, height: p.height }));

describe('ReportView: a PDF', () => {
  it('sizes each page by its PDF size and the scale, draws it, and outlines every finding in percent of the page', async () => {
    const props = mount({ kind: 'pdf', result: pdfResult(), debug: DEBUG, pages, grids: GRIDS });
    expect($('.report')!.dataset.state).toBe('findings');
    expect($('[data-field="file-name"]')!.textContent).toBe('年报.pdf');
    expect($$('.pdf-page').map((p) => [p.dataset.page, p.style.width, p.style.height])).toEqual([['1', '900px', '1200px'], ['2', '900px', '1200px']]);
    await act(async () => undefined);
    expect(props.renderPage).toHaveBeenCalledTimes(2);
    // all findings with PDF sources, at first
    const total = $('.pdf-page[data-page="2"] .fbox[data-role="total"]')!;
    expect(total.dataset).toMatchObject({ finding: 'applications-row-sum:received', severity: 'error', key: 'applications.received.total' });
    expect([total.style.left, total.style.top, total.style.width, total.style.height]).toEqual(['80%', '62.5%', '6.6667%', '2.5%']);
    expect($$('.pdf-page[data-page="2"] .fbox[data-role="operand"]')).toHaveLength(2);
    const sentence = $('.pdf-page[data-page="1"] .fbox[data-role="sentence"]')!;
    expect(sentence.dataset.review).toBe('');
    // one label per finding, on its total
    expect($$('.fbox__label').map((l) => l.textContent)).toEqual(['narrative-contradiction · 需复核', 'applications-row-sum']);
    expect(total.querySelector('.fbox__label')).not.toBeNull();
  });

  it('a clicked finding is drawn alone and focused; a clicked box selects its finding', async () => {
    mount({ kind: 'pdf', result: pdfResult(), debug: DEBUG, pages, grids: GRIDS });
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push((this as HTMLElement).dataset.role ?? (this as HTMLElement).className);
    };
    await act(async () => $('.finding[data-rule="applications-row-sum"]')!.click());
    expect(new Set($$('.fbox').map((b) => b.dataset.rule))).toEqual(new Set(['applications-row-sum']));
    expect($$('.fbox.is-focus')).toHaveLength(3);
    expect(scrolled).toContain('total');
    expect(($('[data-action="show-all"]') as HTMLInputElement).checked).toBe(false);
    await act(async () => ($('[data-action="show-all"]') as HTMLInputElement).click());
    expect($$('.fbox')).toHaveLength(4);
    await act(async () => $('.fbox[data-role="sentence"]')!.click());
    expect($$('.fbox.is-focus').map((b) => b.dataset.rule)).toEqual(['narrative-contradiction']);
    expect($('.pdf-page__boxes.has-focus')).not.toBeNull();
    await act(async () => $('[data-action="clear"]')!.click());
    expect($$('.fbox')).toHaveLength(0);
  });

  it('the debug toggle draws rulings, tables and cells in PDF units, each cell saying what was read in it', async () => {
    mount({ kind: 'pdf', result: pdfResult(), debug: DEBUG, pages, grids: GRIDS });
    expect($('.pdf-debug')).toBeNull();
    await act(async () => ($('[data-action="debug"]') as HTMLInputElement).click());
    const svg = $('.pdf-page[data-page="2"] svg.pdf-debug')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 600 800');
    const lines = [...svg.querySelectorAll('line')].map((l) => [l.getAttribute('x1'), l.getAttribute('y1'), l.getAttribute('x2'), l.getAttribute('y2'), l.getAttribute('class')]);
    expect(lines).toEqual([
      ['100', '500', '520', '500', 'pdf-debug__ruling pdf-debug__ruling--stroke'],
      ['100', '520', '520', '520', 'pdf-debug__ruling pdf-debug__ruling--fill'],
      ['480', '500', '480', '520', 'pdf-debug__ruling pdf-debug__ruling--stroke'],
    ]);
    expect(svg.querySelectorAll('rect.pdf-debug__table')).toHaveLength(1);
    const cells = [...svg.querySelectorAll('rect.pdf-debug__cell')];
    expect(cells.map((c) => c.querySelector('title')!.textContent)).toEqual([
      'grid 0 · r1c2: “91” → applications.received.total',
      'grid 0 · r1c1: “80”',
    ]);
    expect($('.pdf-page[data-page="2"] [data-field="debug-stats"]')!.textContent).toBe('表格线 3 · 表格 1 · 单元格 2 · 文字 120');
    await act(async () => ($('[data-action="debug"]') as HTMLInputElement).click());
    expect($('.pdf-debug')).toBeNull();
  });

  it('a not-assessable PDF shows its reason; without pages nothing is drawn', () => {
    const r = structuredClone(pdfResult());
    r.status = 'not-assessable';
    r.reason = { zh: 'PDF 已加密（需要密码才能打开），无法核查。', en: 'The PDF is encrypted.' };
    mount({ kind: 'pdf', result: AuditResult.parse(r), debug: null, pages: [], grids: [] });
    expect($('.report')!.dataset.state).toBe('not-assessable');
    expect($('[data-field="reason"]')!.textContent).toBe('PDF 已加密（需要密码才能打开），无法核查。');
    // about the file, not about "the page recognised as a report"
    expect($('.state--not-assessable .detail')!.textContent).toBe('这个文件无法读取到足以核查的程度（原因见上）。这不代表报告有错。');
    expect($('.pdf-page')).toBeNull();
    expect($('.report__empty')!.textContent).toBe('无法显示此文件的页面。');
  });
});

describe('ReportView: states', () => {
  it('loading: bytes, then pages, then the audit', () => {
    mount({ kind: 'loading', progress: { phase: 'fetch', loaded: 120 * 1024, total: 240 * 1024 } });
    expect($('[data-field="progress"]')!.textContent).toBe('正在下载：120 KB / 240 KB');
    expect(($('progress') as HTMLProgressElement).value).toBe(0.5);
    mount({ kind: 'loading', progress: { phase: 'parse', page: 3, pages: 12 } }, { lang: 'en' });
    expect($('[data-field="progress"]')!.textContent).toBe('Reading page 3 of 12');
    mount({ kind: 'loading', progress: { phase: 'audit' } });
    expect($('[data-field="progress"]')!.textContent).toBe('正在核查……');
    expect([formatBytes(900), formatBytes(2048), formatBytes(5 * 1024 * 1024)]).toEqual(['900 B', '2 KB', '5.0 MB']);
  });
  it('access: names the host and asks on the user\'s click; a refusal is said plainly', () => {
    const props = mount({ kind: 'permission', origin: 'https://files.example.com', denied: true });
    expect($('.state--permission h2')!.textContent).toBe('需要读取该网站的权限');
    expect($('[data-action="grant"]')!.textContent).toBe('允许访问 files.example.com');
    expect($('[role="alert"]')!.textContent).toBe('未获得权限，文件没有下载。');
    $('[data-action="grant"]')!.click();
    expect(props.onGrant).toHaveBeenCalledOnce();
  });
  it('download errors and bad addresses', () => {
    mount({ kind: 'error', message: { zh: '文件无法下载（服务器返回 HTTP 404）。', en: 'x' } });
    expect($('[data-field="reason"]')!.textContent).toBe('文件无法下载（服务器返回 HTTP 404）。');
    mount({ kind: 'bad-src' }, { src: null });
    expect($('.report')!.dataset.state).toBe('bad-src');
    expect($('.report__src')).toBeNull();
  });
});

describe('a Word file: rebuilt as text, never as HTML', () => {
  const hostile = () =>
    new DOMParser().parseFromString(
      `<html><head><title>t</title><style>p{}</style></head><body><div class="TRS_Editor">
        <p id="p1" style="color:red" onclick="alert(1)">共计<strong>81</strong>件<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">链接</a></p>
        <script>alert(4)</script>
        <table><tr><td rowspan="2" colspan="x" class="c">总计</td><td colspan="3">91</td></tr><tr><td>80</td></tr></table>
        <custom-el><p>内</p></custom-el>
      </div></body></html>`,
      'text/html',
    );

  it('keeps structure and text; drops scripts, images, links, attributes (but spans)', () => {
    const src = hostile();
    const { root: copy, map, truncated } = safeClone(src.body, document);
    expect(truncated).toBe(false);
    expect(copy.querySelectorAll('script, style, img, a, [style], [onclick], [class], [id], [href], [src]')).toHaveLength(0);
    expect(copy.querySelector('p')!.textContent).toBe('共计81件链接');
    expect(copy.querySelector('strong')!.textContent).toBe('81');
    const tds = [...copy.querySelectorAll('td')];
    expect(tds.map((t) => [t.textContent, t.getAttribute('rowspan'), t.getAttribute('colspan')])).toEqual([
      ['总计', '2', null],
      ['91', null, '3'],
      ['80', null, null],
    ]);
    expect(copy.querySelectorAll('p')).toHaveLength(2); // the unknown element's content is kept
    // selectors into the source find their copies (an element that was dropped: its kept ancestor)
    expect(copyOf(src, map, '#p1')).toBe(copy.querySelector('p'));
    expect(copyOf(src, map, 'table td:nth-child(2)')!.textContent).toBe('91');
    expect(copyOf(src, map, '#p1 > a')).toBe(copy.querySelector('p'));
    expect(copyOf(src, map, 'td[')).toBeNull();
    expect(copyOf(src, map, '#nothing')).toBeNull();
  });

  it('stops at a node budget', () => {
    const src = new DOMParser().parseFromString(`<body>${'<p>x</p>'.repeat(100)}</body>`, 'text/html');
    const c = safeClone(src.body, document, 50);
    expect(c.truncated).toBe(true);
    expect(c.root.querySelectorAll('p').length).toBeLessThan(50);
  });

  it('the report view shows the copy with the findings\' cells outlined', async () => {
    const doc = hostile();
    const r = structuredClone(sampleResult());
    r.source = { ...r.source, kind: 'docx' };
    r.findings[0]!.evidence.sources = [
      { ref: { kind: 'html', selector: 'table tr:nth-child(1) > td:nth-child(2)' }, role: 'total', key: 'applications.received.total' },
      { ref: { kind: 'html', selector: 'table tr:nth-child(2) > td' }, role: 'operand' },
    ];
    r.findings[1]!.evidence.sources = [{ ref: { kind: 'html', selector: '#p1', start: 0, end: 5 }, role: 'sentence' }];
    mount({ kind: 'docx', result: AuditResult.parse(r), doc });
    await act(async () => undefined);
    expect($('.docx-doc__content script, .docx-doc__content img')).toBeNull();
    expect($$('.fmark').map((e) => [e.localName, e.dataset.role, e.textContent])).toEqual([
      ['p', 'sentence', '共计81件链接'],
      ['td', 'total', '91'],
      ['td', 'operand', '80'],
    ]);
    Element.prototype.scrollIntoView = () => undefined;
    await act(async () => $('.finding[data-rule="narrative-contradiction"]')!.click());
    expect($$('.fmark').map((e) => e.localName)).toEqual(['p']);
    expect($('.fmark')!.classList.contains('is-focus')).toBe(true);
    expect(doc.querySelector('script')).not.toBeNull(); // the source document is left as it was (inert)
  });
});

describe('cellInfoOf', () => {
  it('matches a detected cell to the grid cell read there, by page and box (rounding aside)', () => {
    const info = cellInfoOf(GRIDS, pdfResult());
    expect(info.get(2, [300, 500, 340, 520])).toBe('grid 0 · r1c1: “80”');
    expect(info.get(1, [300, 500, 340, 520])).toBeNull();
    expect(info.get(2, [10, 10, 20, 20])).toBeNull();
  });
});
