import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { extractPdf, parsePdfDate } from '../../lib/extract/pdf';
import type { PdfExtraction } from '../../lib/extract/pdf';
import { nodePdfOptions } from '../../lib/extract/pdf-node';
import { scanOperatorList } from '../../lib/extract/pdf/rulings';
import { findTables, normalizeSegments } from '../../lib/extract/pdf/lattice';
import { Extraction, blocksOf } from '../../lib/extract/types';
import type { Grid, GridCell } from '../../lib/extract/types';
import { cellAt, rowCells } from '../../lib/extract/grid';

const HONGZE = fileURLToPath(new URL('../fixtures/corpus/hongze_2024.pdf', import.meta.url));
const opts = nodePdfOptions();
const squash = (s: string) => s.replace(/\s+/g, '');

// ---------------------------------------------------------------------------------------
// A tiny PDF writer for adversarial and synthetic fixtures (uncompressed, classic xref).
// ---------------------------------------------------------------------------------------
class MiniPdf {
  private objs: string[] = [];
  /** reserve an object number */
  ref(): number { this.objs.push(''); return this.objs.length; }
  set(n: number, body: string): number { this.objs[n - 1] = body; return n; }
  add(body: string): number { return this.set(this.ref(), body); }
  stream(dict: string, data: string): number {
    return this.add(`<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`);
  }
  build(root: number, trailerExtra = ''): Uint8Array {
    let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    this.objs.forEach((body, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${this.objs.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${this.objs.length + 1} /Root ${root} 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
    return new Uint8Array(Buffer.from(out, 'latin1'));
  }
}

/** UCS-2 hex string for the UniGB-UCS2-H encoding (a non-embedded Chinese font: needs cMaps). */
const ucs2 = (s: string) => '<' + [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '>';
const ascii = (s: string) => '(' + s.replace(/[()\\]/g, (c) => '\\' + c) + ')';

interface PageSpec { content: string; image?: boolean; rotate?: number }

/** A document with a Helvetica font /F1, a non-embedded STSong-Light /F2 and an optional image /Im1. */
function makePdf(pages: PageSpec[], info?: Record<string, string>, encrypt?: { user: string; owner: string }): Uint8Array {
  const pdf = new MiniPdf();
  const catalog = pdf.ref();
  const pagesRef = pdf.ref();
  const helv = pdf.add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const desc = pdf.add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = pdf.add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`);
  const song = pdf.add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const img = pdf.stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x00\xff\xff\x00');
  const kids: number[] = [];
  for (const p of pages) {
    const content = pdf.stream('', p.content);
    const xobj = p.image ? `/XObject << /Im1 ${img} 0 R >>` : '';
    kids.push(pdf.add(`<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 595 842] ${p.rotate ? `/Rotate ${p.rotate}` : ''} /Resources << /Font << /F1 ${helv} 0 R /F2 ${song} 0 R >> ${xobj} >> /Contents ${content} 0 R >>`));
  }
  pdf.set(pagesRef, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  pdf.set(catalog, `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`);
  let trailer = '';
  if (info) trailer += `/Info ${pdf.add('<< ' + Object.entries(info).map(([k, v]) => `/${k} ${ascii(v)}`).join(' ') + ' >>')} 0 R `;
  if (encrypt) {
    const id = createHash('md5').update('nianbao-fixture').digest();
    const { O, U, P } = rc4Security(encrypt.user, encrypt.owner, id);
    const enc = pdf.add(`<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>`);
    trailer += `/Encrypt ${enc} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] `;
  }
  return pdf.build(catalog, trailer);
}

/** Standard security handler, revision 2 (RC4, 40-bit): the O and U entries (PDF 1.7 §7.6.3.3). */
function rc4Security(user: string, owner: string, id: Buffer): { O: Buffer; U: Buffer; P: number } {
  const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
  const pad = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), PAD]).subarray(0, 32);
  const rc4 = (key: Buffer, data: Buffer) => {
    const S = Array.from({ length: 256 }, (_, i) => i);
    for (let i = 0, j = 0; i < 256; i++) { j = (j + S[i]! + key[i % key.length]!) & 255; [S[i], S[j]] = [S[j]!, S[i]!]; }
    const out = Buffer.alloc(data.length);
    for (let k = 0, i = 0, j = 0; k < data.length; k++) {
      i = (i + 1) & 255; j = (j + S[i]!) & 255; [S[i], S[j]] = [S[j]!, S[i]!];
      out[k] = data[k]! ^ S[(S[i]! + S[j]!) & 255]!;
    }
    return out;
  };
  const md5 = (b: Buffer) => createHash('md5').update(b).digest();
  const P = -44;
  const O = rc4(md5(pad(owner)).subarray(0, 5), pad(user));
  const p = Buffer.alloc(4); p.writeInt32LE(P);
  const key = md5(Buffer.concat([pad(user), O, p, id])).subarray(0, 5);
  return { O, U: rc4(key, PAD), P };
}

/** Text at PDF user-space (x, baseline y): /F1 for ASCII, /F2 for Chinese. */
const txt = (x: number, y: number, s: string, size = 12) =>
  /^[\x20-\x7e]*$/.test(s) ? `BT /F1 ${size} Tf ${x} ${y} Td ${ascii(s)} Tj ET\n` : `BT /F2 ${size} Tf ${x} ${y} Td ${ucs2(s)} Tj ET\n`;

// ---------------------------------------------------------------------------------------
// helpers over grids
// ---------------------------------------------------------------------------------------
function findCell(g: Grid, pred: (c: GridCell) => boolean): GridCell | undefined {
  return g.cells.find(pred);
}
/** Texts of the cells in the row of the cell whose text contains `label`, left to right, after that cell. */
function rowAfter(g: Grid, label: string): string[] {
  const c = findCell(g, (x) => squash(x.text).includes(label));
  if (!c) throw new Error(`no cell ${label}`);
  return rowCells(g, c.row).filter((x) => x.col > c.col).map((x) => x.text);
}
function gridWith(x: PdfExtraction, text: string): Grid {
  const g = x.grids.find((gr) => gr.cells.some((c) => squash(c.text).includes(text)));
  if (!g) throw new Error(`no grid with ${text}`);
  return g;
}

// ---------------------------------------------------------------------------------------
describe('extractPdf on hongze_2024.pdf (WPS, stroked rulings)', () => {
  let x: PdfExtraction;
  beforeAll(async () => {
    x = await extractPdf(new Uint8Array(readFileSync(HONGZE)), opts);
  });

  it('is a valid Extraction, readable, without warnings', () => {
    expect(x.unreadable).toBeUndefined();
    expect(() => Extraction.parse(x)).not.toThrow();
    expect(x.sourceKind).toBe('pdf');
    expect(x.warnings).toEqual([]);
  });

  it('a known table page yields its ruling lines (guards the pdf.js operator-list truncation)', async () => {
    const doc = await opts.pdfjs.getDocument({ data: new Uint8Array(readFileSync(HONGZE)), cMapUrl: opts.cMapUrl, cMapPacked: true, standardFontDataUrl: opts.standardFontDataUrl, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
    try {
      const page = await doc.getPage(3);
      const vp = page.getViewport({ scale: 1 });
      const ol = await page.getOperatorList();
      const scan = scanOperatorList(ol, opts.pdfjs.OPS as unknown as Record<string, number>, vp.transform, vp.width * vp.height);
      const h = scan.segments.filter((s) => s.o === 'h'), v = scan.segments.filter((s) => s.o === 'v');
      // page 3: the end of table 2 (8 horizontal, 4 vertical strokes) and the start of table 3 (17 + 11)
      expect(h.length).toBe(25);
      expect(v.length).toBe(15);
      // the last vertical ruling of table 3 is there: it ends at the bottom of the page
      expect(v.some((s) => Math.abs(s.x0 - 515.75) < 0.5 && s.y1 > 776)).toBe(true);
      const tables = findTables(normalizeSegments(scan.segments));
      expect(tables.map((t) => [t.ys.length - 1, t.xs.length - 1])).toEqual([[7, 2], [16, 10]]);
    } finally {
      await doc.destroy();
    }
    expect(x.debug.pages[2]!.segments.length).toBe(40);
  });

  it('finds exactly the three report tables, table 2 and table 3 joined across pages', () => {
    expect(x.grids).toHaveLength(3);
    expect(x.debug.grids.map((g) => g.pages)).toEqual([[2, 3], [3, 4], [4]]);
    expect(x.grids.map((g) => [g.rows, g.cols])).toEqual([[14, 4], [26, 10], [4, 15]]);
    for (const g of x.grids) {
      expect(g.confidence).toBe(1);
      expect(g.layout).toBe('positional');
      expect(g.source.kind).toBe('pdf');
    }
    // content order: grids sit between the section headings
    const order = x.content.map((c) => (c.type === 'grid' ? `#${c.grid}` : squash(c.block.text).slice(0, 4)));
    expect(order.indexOf('#0')).toBe(order.indexOf('二、主动') + 1);
    expect(order.indexOf('#1')).toBe(order.indexOf('三、收到') + 1);
    expect(order.indexOf('#2')).toBe(order.indexOf('四、政府') + 1);
  });

  it('table 2: 行政规范性文件 3 / 0 / 8, 行政许可 9487 (and the page-3 blocks)', () => {
    const g = gridWith(x, '行政许可');
    expect(rowAfter(g, '行政规范性文件')).toEqual(['3', '0', '8']);
    expect(rowAfter(g, '行政许可')).toEqual(['9487']);
    expect(rowAfter(g, '行政处罚')).toEqual(['2776']);
    expect(rowAfter(g, '行政事业性收费')).toEqual(['7545']);
    // the block header spans all columns
    const head = findCell(g, (c) => squash(c.text) === '第二十条第(一)项')!;
    expect(head.colSpan).toBe(4);
    const lic = findCell(g, (c) => c.text === '9487')!;
    expect(lic.source).toMatchObject({ kind: 'pdf', page: 2 });
    expect(findCell(g, (c) => c.text === '7545')!.source).toMatchObject({ kind: 'pdf', page: 3 });
  });

  it('table 3: received 95 and the result rows 50, 9, 3, 32, 1, 0 in the 总计 column', () => {
    const g = gridWith(x, '本年新收');
    const total = findCell(g, (c) => c.text === '总计')!;
    const col = total.col;
    expect(col).toBe(g.cols - 1);
    const at = (label: string) => {
      const c = findCell(g, (x2) => squash(x2.text).startsWith(label))!;
      return cellAt(g, c.row, col)!.text;
    };
    expect(at('一、本年新收')).toBe('95');
    expect(at('二、上年结转')).toBe('0');
    expect(at('(七)总计')).toBe('95');
    expect(at('四、结转下年度')).toBe('0');
    // each result group: the spanning label cell covers its sub-rows (across the page break for (四))
    const groupSum = (label: string) => {
      const c = findCell(g, (x2) => squash(x2.text).startsWith(label))!;
      let s = 0;
      for (let r = c.row; r < c.row + c.rowSpan; r++) s += Number(cellAt(g, r, col)!.text);
      return s;
    };
    expect(['(一)予以公开', '(二)部分公开', '(三)不予公开', '(四)无法提供', '(五)不予处理', '(六)其他处理'].map(groupSum))
      .toEqual([50, 9, 3, 32, 1, 0]);
    expect(findCell(g, (c) => squash(c.text).startsWith('(四)无法提供'))!.rowSpan).toBe(3);
    expect(findCell(g, (c) => squash(c.text).startsWith('(五)不予处理'))!.rowSpan).toBe(5);
    // the header keeps its verbatim text; the typo label is kept as written
    expect(findCell(g, (c) => squash(c.text).includes('本列数据的勾稽关系为'))!.raw).toContain('第三项加第四项之和');
    expect(findCell(g, (c) => squash(c.text) === '2.其他法律行政止公开')).toBeDefined();
    // columns under the spanning 法人或其他组织 header
    const org = findCell(g, (c) => c.text === '法人或其他组织')!;
    expect(org.colSpan).toBe(5);
    expect(rowCells(g, org.row + 1).filter((c) => c.row === org.row + 1).map((c) => squash(c.text)))
      .toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('table 4: 1 + 1 = 2; 1 = 1; 2 + 1 = 3', () => {
    const g = gridWith(x, '行政复议');
    expect(g.cols).toBe(15);
    const last = rowCells(g, g.rows - 1).map((c) => c.text);
    expect(last).toEqual(['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3']);
  });

  it('prose: CJK text (cMaps work), no page numbers, the 17 件 sentence, title and paragraphs', () => {
    const blocks = blocksOf(x);
    const all = blocks.map((b) => b.text).join('\n');
    expect(all).toContain('政府信息公开');
    expect(blocks.some((b) => /^\s*[-－—]?\s*\d+\s*[-－—]?\s*$/.test(b.text))).toBe(false);
    expect(all).not.toMatch(/-\s*[1-5]\s*-/);
    expect(blocks.some((b) => squash(b.text).includes('区政府办代表区政府受理政府信息公开申请17件'))).toBe(true);
    // section headings are blocks of their own
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      const b = blocks.find((bl) => squash(bl.text) === h);
      expect(b, h).toBeDefined();
      expect(b!.headingHint).toBe(true);
    }
    // a paragraph is one block: its lines are joined without spaces at CJK wraps
    const p = blocks.find((b) => b.text.startsWith('（三）政府信息管理情况'))!;
    expect(p.text).toContain('政务新媒体日常管理');
    expect(p.text.endsWith('未经审核报备的信息一律不准发布。')).toBe(true);
    // the paragraph running from page 4 to page 5 is one block on page 4
    const run = blocks.find((b) => b.text.startsWith('针对存在问题'))!;
    expect(run.text).toContain('使各行政机关答复的方式');
    expect(run.source).toMatchObject({ kind: 'pdf', page: 4 });
    expect(x.debug.blocks.some((b) => b.pages.join() === '4,5')).toBe(true);
    expect(x.hints.title && squash(x.hints.title)).toBe('淮安市洪泽区人民政府2024年政府信息公开工作年度报告');
    expect(x.hints.titleSource).toMatchObject({ kind: 'pdf', page: 1 });
  });

  it('every block and cell has a pdf source with a box inside its page', () => {
    const refs = [...blocksOf(x).map((b) => b.source), ...x.grids.flatMap((g) => g.cells.map((c) => c.source))];
    expect(refs.length).toBeGreaterThan(200);
    for (const r of refs) {
      expect(r.kind).toBe('pdf');
      if (r.kind !== 'pdf') continue;
      const [x0, y0, x1, y1] = r.box;
      expect(x0).toBeLessThanOrEqual(x1);
      expect(y0).toBeLessThanOrEqual(y1);
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y1).toBeLessThanOrEqual(842);
    }
    // the 9487 cell's box is where the number is printed (top-left origin)
    const c = findCell(gridWith(x, '行政许可'), (cc) => cc.text === '9487')!;
    if (c.source.kind === 'pdf') {
      expect(c.source.box[1]).toBeGreaterThan(700);
      expect(c.source.box[3]).toBeLessThan(770);
    }
  });

  it('hints: metadata, CreationDate 2025-02-25, no images', () => {
    expect(x.hints.meta['Creator']).toContain('WPS');
    expect(x.hints.meta['CreationDate']).toMatch(/^D:20250225/);
    expect(x.hints.dates).toEqual([{ date: '2025-02-25', raw: "D:20250225101115+08'00'", from: 'pdf-metadata' }]);
    expect(x.hints.images).toBe(0);
    expect(x.hints.documentTitle).toBe('政府信息公开工作年度报告');
  });

  it('limits: maxPages, maxBytes and timeoutMs give unreadable, not errors', async () => {
    const data = new Uint8Array(readFileSync(HONGZE));
    const pages = await extractPdf(data, { ...opts, maxPages: 2 });
    expect(pages.unreadable?.en).toMatch(/too many pages \(5; the limit is 2\)/);
    const bytes = await extractPdf(data, { ...opts, maxBytes: 100_000 });
    expect(bytes.unreadable?.zh).toMatch(/过大/);
    const t0 = Date.now();
    const slow = await extractPdf(data, { ...opts, timeoutMs: 5 });
    expect(slow.unreadable?.en).toMatch(/took longer/);
    expect(Date.now() - t0).toBeLessThan(3000);
    // the input buffer is not detached
    expect(data.byteLength).toBe(240143);
  });

  it('reports progress per page', async () => {
    const seen: string[] = [];
    await extractPdf(new Uint8Array(readFileSync(HONGZE)), { ...opts, onProgress: (p, n) => seen.push(`${p}/${n}`) });
    expect(seen).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });
});

// ---------------------------------------------------------------------------------------
describe('extractPdf without rulings: hongze_2024_norules.pdf (scripts/gen-pdf-fixtures.mjs)', () => {
  let x: PdfExtraction;
  beforeAll(async () => {
    const file = fileURLToPath(new URL('../fixtures/pdf/hongze_2024_norules.pdf', import.meta.url));
    x = await extractPdf(new Uint8Array(readFileSync(file)), opts);
  });

  it('falls back to text alignment: the same three tables, joined across pages, confidence 0.6', () => {
    expect(x.unreadable).toBeUndefined();
    expect(x.debug.pages.every((p) => p.segments.length === 0)).toBe(true);
    expect(x.grids).toHaveLength(3);
    expect(x.debug.grids.map((g) => g.pages)).toEqual([[2, 3], [3, 4], [4]]);
    for (const g of x.grids) {
      expect(g.confidence).toBe(0.6);
      expect(g.layout).toBe('positional');
    }
    expect(x.warnings.filter((w) => /without rulings/.test(w))).toHaveLength(3);
  });

  it('keeps the numbers on their rows and columns', () => {
    const t2 = gridWith(x, '行政许可');
    expect(rowAfter(t2, '行政规范性文件')).toEqual(['3', '0', '8']);
    expect(rowAfter(t2, '行政许可').filter(Boolean)).toEqual(['9487']);
    expect(rowAfter(t2, '行政事业性收费').filter(Boolean)).toEqual(['7545']);
    const t3 = gridWith(x, '本年新收');
    const last = (label: string) => rowAfter(t3, label).at(-1);
    expect(rowAfter(t3, '本列数据的勾稽关系为')).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(rowAfter(t3, '一、本年新收')).toEqual(['95', '0', '0', '0', '0', '0', '95']);
    expect(['(一)予以公开', '(二)部分公开', '1.本机关不掌握', '2.没有现成信息', '1.信访举报', '(七)总计', '四、结转下年度'].map(last))
      .toEqual(['50', '9', '31', '1', '1', '95', '0']);
    const t4 = gridWith(x, '结果维持');
    expect(rowCells(t4, t4.rows - 1).map((c) => c.text)).toEqual(['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3']);
  });

  it('leaves the prose as it was', () => {
    const texts = blocksOf(x).map((b) => squash(b.text));
    expect(texts).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(texts.some((t) => t.includes('区政府办代表区政府受理政府信息公开申请17件'))).toBe(true);
    expect(texts.some((t) => /^\d+$/.test(t))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------
describe('extractPdf on adversarial input: unreadable with a plain reason, quickly', () => {
  const quick = async (data: Uint8Array) => {
    const t0 = Date.now();
    const x = await extractPdf(data, { ...opts, timeoutMs: 5000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(x.content).toEqual([]);
    expect(() => Extraction.parse(x)).not.toThrow();
    return x;
  };

  it('an empty file', async () => {
    const x = await quick(new Uint8Array(0));
    expect(x.unreadable).toEqual({ zh: expect.stringContaining('文件为空'), en: expect.stringContaining('empty') });
  });

  it('corrupt bytes', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect((await quick(noise)).unreadable).toEqual({ zh: "PDF 文件已损坏或不是有效的 PDF，无法读取。", en: "The PDF is damaged or not a valid PDF and cannot be read." });
    const fake = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
    expect((await quick(fake)).unreadable?.zh).toMatch(/损坏|没有可提取的文字/);
    const html = new Uint8Array(Buffer.from('<!doctype html><title>404 Not Found</title>'));
    expect((await quick(html)).unreadable?.en).toMatch(/damaged or not a valid PDF/);
  });

  it('a truncated PDF does not throw', async () => {
    const data = new Uint8Array(readFileSync(HONGZE)).subarray(0, 60_000);
    const x = await extractPdf(data, { ...opts, timeoutMs: 5000 });
    expect(() => Extraction.parse(x)).not.toThrow();
  });

  it('a scan: an image and no text', async () => {
    const data = makePdf([{ content: 'q 595 0 0 842 0 0 cm /Im1 Do Q\n', image: true }, { content: 'q 595 0 0 842 0 0 cm /Im1 Do Q\n', image: true }]);
    const x = await quick(data);
    expect(x.unreadable).toEqual({
      zh: '这是扫描件（只有图片，没有文字层），无法核查。',
      en: 'This PDF is a scan (images only, no text layer) and cannot be audited.',
    });
    expect(x.hints.images).toBeGreaterThanOrEqual(2);
  });

  it('a scan whose only text is a typed page number', async () => {
    const page = { content: 'q 595 0 0 842 0 0 cm /Im1 Do Q\n' + txt(290, 30, '- 1 -', 9), image: true };
    const x = await quick(makePdf([page]));
    expect(x.unreadable?.en).toMatch(/scan/);
  });

  it('a blank page: no text, no image', async () => {
    const x = await quick(makePdf([{ content: '' }]));
    expect(x.unreadable?.en).toMatch(/no extractable text/);
  });

  it('an encrypted PDF (RC4, user password)', async () => {
    const data = makePdf([{ content: txt(72, 700, 'secret') }], undefined, { user: 'secret', owner: 'owner' });
    const x = await quick(data);
    expect(x.unreadable).toEqual({
      zh: 'PDF 已加密（需要密码才能打开），无法核查。',
      en: 'The PDF is encrypted (a password is needed to open it) and cannot be audited.',
    });
  });
});

// ---------------------------------------------------------------------------------------
describe('extractPdf on synthetic layouts', () => {
  it('Chromium style: thin filled rectangles, clip boxes and a white background', async () => {
    // a 3 × 3 table at x 100..400, y(top-left) 100..160; borders 0.75 pt filled rectangles
    const X = [100, 250, 325, 400], Y = [100, 120, 140, 160];
    let c = '1 1 1 rg 0 0 595 842 re f\n';
    c += 'q 90 90 400 700 re W n\n'; // a clip box: noise, not a ruling
    c += '0 0 0 rg\n';
    for (const y of Y) c += `100 ${842 - y - 0.375} 300 0.75 re f\n`;
    for (const xx of X) c += `${xx - 0.375} ${842 - 160} 0.75 60 re f\n`;
    c += 'Q\n';
    const rows = [['Item', 'A', 'B'], ['Licensing', '9487', '12'], ['Penalty', '2776', '-']];
    rows.forEach((r, i) => r.forEach((s, j) => { c += txt(X[j]! + 4, 842 - Y[i]! - 15, s, 10); }));
    c += txt(72, 842 - 200, 'After the table.');
    const x = await extractPdf(makePdf([{ content: c }]), opts);
    expect(x.unreadable).toBeUndefined();
    expect(x.grids).toHaveLength(1);
    const g = x.grids[0]!;
    expect([g.rows, g.cols]).toEqual([3, 3]);
    expect(g.confidence).toBe(1);
    expect(rowAfter(g, 'Licensing')).toEqual(['9487', '12']);
    expect(rowAfter(g, 'Penalty')).toEqual(['2776', '-']);
    expect(x.debug.pages[0]!.segments.every((s) => s.src === 'fill')).toBe(true);
    expect(blocksOf(x).map((b) => b.text)).toEqual(['After the table.']);
    expect(x.content.map((i) => i.type)).toEqual(['grid', 'block']);
  });

  it('WPS style: near-duplicate stroked lines 1.5 pt apart under a flipped cm, a spanning cell', async () => {
    // drawn in a y-down space (like WPS: 1 0 0 -1 0 842 cm); every line stroked twice
    const X = [100, 200, 300, 400], Y = [100, 130, 160, 190];
    let c = 'q 1 0 0 -1 0 842 cm 0.5 w 0 0 0 RG\n';
    const line = (x0: number, y0: number, x1: number, y1: number) => `${x0} ${y0} m ${x1} ${y1} l S\n`;
    for (const y of Y) c += line(X[0]!, y, X[3]!, y) + line(X[0]!, y + 1.5, X[3]!, y + 1.5);
    for (const xx of X) {
      // the line at x = 300 is missing in the first row: the header spans two columns
      if (xx === 300) c += line(xx, Y[1]!, xx, Y[3]!) + line(xx + 1.2, Y[1]!, xx + 1.2, Y[3]!);
      else c += line(xx, Y[0]!, xx, Y[3]!) + line(xx + 1.2, Y[0]!, xx + 1.2, Y[3]!);
    }
    c += 'Q\n';
    c += txt(104, 842 - 120, '信息内容') + txt(210, 842 - 120, '本年处理决定数量', 10);
    c += txt(104, 842 - 150, '行政处罚') + txt(204, 842 - 150, '2776') + txt(304, 842 - 150, '1');
    c += txt(104, 842 - 180, '行政强制') + txt(204, 842 - 180, '84') + txt(304, 842 - 180, '0');
    const x = await extractPdf(makePdf([{ content: c }]), opts);
    const g = x.grids[0]!;
    expect(x.grids).toHaveLength(1);
    expect([g.rows, g.cols]).toEqual([3, 3]);
    expect(findCell(g, (cc) => cc.text === '本年处理决定数量')!.colSpan).toBe(2);
    expect(rowAfter(g, '行政处罚')).toEqual(['2776', '1']);
    expect(rowAfter(g, '行政强制')).toEqual(['84', '0']);
    // 8 + 8 strokes snapped and joined into 4 horizontal and 4 vertical rulings
    expect(x.debug.pages[0]!.segments.filter((s) => s.o === 'h')).toHaveLength(4);
    expect(x.debug.pages[0]!.segments.filter((s) => s.o === 'v')).toHaveLength(4);
  });

  it('a landscape page (/Rotate 90): rulings and text in viewport coordinates', async () => {
    // viewport (842 × 595) point (vx, vy) is PDF (vy, vx) on a page rotated 90° clockwise
    const X = [100, 300, 500], Y = [100, 130, 160];
    let c = '0.5 w\n';
    for (const vy of Y) c += `${vy} ${X[0]} m ${vy} ${X[2]} l S\n`;
    for (const vx of X) c += `${Y[0]} ${vx} m ${Y[2]} ${vx} l S\n`;
    const put = (vx: number, vy: number, s: string) => `BT /F1 12 Tf 0 1 -1 0 ${vy} ${vx} Tm ${ascii(s)} Tj ET\n`;
    c += put(110, 120, 'Licensing') + put(310, 120, '9487') + put(110, 150, 'Penalty') + put(310, 150, '2776');
    c += put(100, 300, 'A landscape page.');
    const x = await extractPdf(makePdf([{ content: c, rotate: 90 }]), opts);
    expect(x.debug.pages[0]).toMatchObject({ width: 842, height: 595 });
    const g = x.grids[0]!;
    expect([g.rows, g.cols]).toEqual([2, 2]);
    expect(rowAfter(g, 'Licensing')).toEqual(['9487']);
    expect(rowAfter(g, 'Penalty')).toEqual(['2776']);
    const cell = findCell(g, (cc) => cc.text === '9487')!;
    expect(cell.source).toEqual({ kind: 'pdf', page: 1, box: [300, 100, 500, 130] });
    expect(blocksOf(x).map((b) => b.text)).toEqual(['A landscape page.']);
  });

  it('a large picture on a page with text is reported', async () => {
    const c = txt(72, 780, 'Table 2 is the picture below.') + 'q 500 0 0 450 50 250 cm /Im1 Do Q\n';
    const x = await extractPdf(makePdf([{ content: c, image: true }]), opts);
    expect(x.unreadable).toBeUndefined();
    expect(x.hints.images).toBe(1);
    expect(x.warnings.some((w) => /large picture \(45 % of the page\)/.test(w))).toBe(true);
  });

  it('no rulings: columns from aligned numbers, guided by row labels (confidence < 1)', async () => {
    const cols = [330, 410, 490];
    let c = txt(72, 760, '二、主动公开政府信息情况', 14);
    const header = ['本年制发件数', '本年废止件数', '现行有效件数'];
    c += txt(72, 720, '信息内容', 10);
    header.forEach((h, i) => { c += txt(cols[i]! - 30, 720, h, 10); });
    const rows: [string, string[]][] = [['规章', ['0', '0', '0']], ['行政规范性文件', ['3', '0', '8']]];
    rows.forEach(([label, vals], r) => {
      c += txt(72, 696 - r * 24, label, 10);
      vals.forEach((v, i) => { c += txt(cols[i]! - 3, 696 - r * 24, v, 10); });
    });
    c += txt(72, 600, '三、收到和处理政府信息公开申请情况', 14);
    const x = await extractPdf(makePdf([{ content: c }]), opts);
    expect(x.unreadable).toBeUndefined();
    expect(x.grids).toHaveLength(1);
    const g = x.grids[0]!;
    expect(g.confidence).toBeLessThan(1);
    expect(g.layout).toBe('positional');
    expect([g.rows, g.cols]).toEqual([3, 4]);
    expect(rowAfter(g, '行政规范性文件')).toEqual(['3', '0', '8']);
    expect(rowAfter(g, '信息内容')).toEqual(header);
    expect(x.content.map((i) => (i.type === 'grid' ? 'grid' : i.block.text))).toEqual([
      '二、主动公开政府信息情况', 'grid', '三、收到和处理政府信息公开申请情况',
    ]);
    expect(x.warnings.some((w) => /without rulings/.test(w))).toBe(true);
  });

  it('page headers and footers are dropped; a paragraph continues over the page break', async () => {
    const body = (p: number, lines: string[]) => {
      let c = txt(280, 800, '内部资料', 9) + txt(290, 40, `- ${p} -`, 9);
      lines.forEach((l, i) => { c += txt(72, 740 - i * 20, l, 12); });
      return { content: c };
    };
    const full = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三';
    const x = await extractPdf(makePdf([
      body(1, ['（一）第一段开始' + full.slice(8), full]),
      body(2, ['第一段结束。', '（二）第二段。']),
      body(3, ['第 3 页 的正文。']),
    ], { CreationDate: "D:20240108093000+08'00'", Title: 'x' }), opts);
    const texts = blocksOf(x).map((b) => b.text);
    expect(texts).toEqual(['（一）第一段开始' + full.slice(8) + full + '第一段结束。', '（二）第二段。', '第 3 页 的正文。']);
    expect(x.hints.dates[0]).toMatchObject({ date: '2024-01-08', from: 'pdf-metadata' });
    expect(x.debug.blocks).toEqual([{ index: 0, pages: [1, 2] }]);
  });
});

describe('nodePdfOptions', () => {
  it('points at the cMaps and standard fonts of pdfjs-dist, whatever the working directory', async () => {
    const { existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      const o = nodePdfOptions({ timeoutMs: 1234 });
      expect(o.timeoutMs).toBe(1234);
      expect(o.cMapUrl.endsWith('/')).toBe(true);
      expect(existsSync(o.cMapUrl + 'UniGB-UCS2-H.bcmap')).toBe(true);
      expect(existsSync(o.standardFontDataUrl + 'FoxitSerif.pfb')).toBe(true);
      expect(typeof o.pdfjs.getDocument).toBe('function');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('parsePdfDate', () => {
  it('reads the date as written', () => {
    expect(parsePdfDate("D:20250225101115+08'00'")).toBe('2025-02-25');
    expect(parsePdfDate('D:20241231235959Z')).toBe('2024-12-31');
    expect(parsePdfDate('D:2024')).toBe('2024-01-01');
    expect(parsePdfDate('yesterday')).toBeNull();
    expect(parsePdfDate('D:20241340')).toBeNull();
  });
});
