/**
 * Makes the PDF and Word fixtures of test/fixtures/pdf/ and test/fixtures/docx/ from the HTML
 * fixtures (test/fixtures/html/seed-00X.html, made from the seeds by make-html-fixtures.ts) and the
 * real portal page test/fixtures/corpus/pingtan_2023.html, with the converters real reports go
 * through:
 *
 * - Chromium print-to-PDF (playwright-core, /usr/bin/chromium headless, page.pdf(), A4): CJK text in
 *   Type 3 fonts (Noto CJK), table borders painted as thin filled rectangles, rows cut at page breaks;
 * - LibreOffice Writer HTML → PDF (soffice --headless, writer_pdf_Export): the closest to a
 *   Word/WPS export, borders as stroked lines; one copy of seed 003 gets blank paragraphs before
 *   table 3 so that the table breaks across a page boundary;
 * - LibreOffice HTML → .docx ("MS Word 2007 XML"), and that .docx → PDF;
 * - scanned.pdf: page 1 of a LibreOffice PDF rendered by pdftoppm (gray JPEG) and wrapped, as the only
 *   content, in a one-page PDF written by hand below (an /XObject /Image with /DCTDecode);
 * - corrupt.pdf: the first 1.5 kB of a real PDF followed by garbage (the cross-reference table and every
 *   page object lost);
 * - encrypted.pdf: a real PDF encrypted by qpdf (AES-256) with a user password.
 *
 * Every text PDF is then rewritten by qpdf (deterministic /ID, object streams, flate level 9) and its
 * document information is pinned: the converters stamp today's date as /CreationDate, which the audit reads as a low-confidence publication date. A real report is turned
 * into a PDF when it is published, so the date is pinned to the HTML page's <meta name="PubDate">, and
 * removed when the page has none (the seeds date themselves in their signature or not at all). So the
 * PDF says what its HTML source says and the two audits can be compared finding by finding.
 *
 * The outputs are committed: tests and CI do not need Chromium or LibreOffice.
 *
 *   npx tsx scripts/make-pdf-fixtures.ts        (needs chromium, libreoffice-writer-nogui, poppler-utils,
 *                                                qpdf, fonts-noto-cjk from apt)
 *
 * The file list, with what each one tests, is test/fixtures/pdf/README.md.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { decodeHtmlBytes } from '../lib/source/decode';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_PDF = join(ROOT, 'test', 'fixtures', 'pdf');
const OUT_DOCX = join(ROOT, 'test', 'fixtures', 'docx');

/** The generated files and their HTML sources (also used by the tests and scripts/pdf-accuracy.ts). */
export const PDF_FIXTURES: { file: string; source: string; how: string }[] = [
  { file: 'pdf/seed-004.chromium.pdf', source: 'html/seed-004.html', how: 'Chromium print-to-PDF' },
  { file: 'pdf/seed-001.chromium.pdf', source: 'html/seed-001-gbk.html', how: 'Chromium print-to-PDF of the GBK page' },
  { file: 'pdf/pingtan_2023.chromium.pdf', source: 'corpus/pingtan_2023.html', how: 'Chromium print-to-PDF' },
  { file: 'pdf/seed-002.libreoffice.pdf', source: 'html/seed-002.html', how: 'LibreOffice HTML → PDF' },
  { file: 'pdf/seed-003.split.libreoffice.pdf', source: 'html/seed-003.html', how: 'LibreOffice HTML → PDF, table 3 split over two pages' },
  { file: 'docx/seed-000.docx', source: 'html/seed-000.html', how: 'LibreOffice HTML → .docx' },
  { file: 'docx/seed-000.docx.pdf', source: 'html/seed-000.html', how: 'LibreOffice HTML → .docx → PDF' },
];

/** Unreadable on purpose: each must be not-assessable. */
export const UNREADABLE_FIXTURES = ['pdf/scanned.pdf', 'pdf/corrupt.pdf', 'pdf/encrypted.pdf'] as const;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** <meta name="PubDate" content="2024-03-08 15:34"> → D:20240308153400+08'00' (or null). */
function pubDateOf(htmlFile: string): string | null {
  const { text } = decodeHtmlBytes(new Uint8Array(readFileSync(htmlFile)));
  const m = /<meta\s+name="PubDate"\s+content="(\d{4})-(\d{2})-(\d{2})(?:\s+(\d{2}):(\d{2}))?/i.exec(text);
  if (!m) return null;
  return `D:${m[1]}${m[2]}${m[3]}${m[4] ?? '00'}${m[5] ?? '00'}00+08'00'`;
}

const pdfString = (s: string) => '<FEFF' + [...s].map((c) => {
  const u = c.codePointAt(0)!;
  if (u < 0x10000) return u.toString(16).padStart(4, '0');
  const v = u - 0x10000;
  return ((v >> 10) + 0xd800).toString(16) + ((v & 0x3ff) + 0xdc00).toString(16);
}).join('').toUpperCase() + '>';

/**
 * Replaces a PDF's document information (Title/Creator/Producer kept, CreationDate and ModDate set to
 * `date` or removed) by an incremental update to qpdf's classic-xref copy, then lets qpdf rewrite the
 * whole file (object streams, deterministic /ID).
 */
function pinInfo(file: string, date: string | null): void {
  const tmp = file + '.qpdf';
  execFileSync('qpdf', ['--object-streams=disable', '--deterministic-id', '--compress-streams=y', '--recompress-flate', '--compression-level=9', file, tmp]);
  const buf = readFileSync(tmp);
  rmSync(tmp);
  const text = buf.toString('latin1');
  const tail = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(tail)![1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(tail)![1];
  const id = /\/ID\s*(\[[^\]]*\])/.exec(tail)?.[1];
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
  // keep the converter's own Title, Creator, Producer: read them with qpdf
  const keep: Record<string, string> = {};
  const object = (which: string) => {
    const json = JSON.parse(sh('qpdf', ['--json=2', '--json-key=qpdf', `--json-object=${which}`, file])) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] };
    return Object.values(json.qpdf[1])[0]?.value;
  };
  const infoRef = object('trailer')?.['/Info'] as string | undefined;
  const info = infoRef ? object(infoRef.replace(/ R$/, '')) : undefined;
  for (const k of ['/Title', '/Creator', '/Producer']) {
    const v = info?.[k];
    if (typeof v === 'string') keep[k] = v.replace(/^u:/, '');
  }
  const entries = Object.entries(keep).map(([k, v]) => `${k} ${pdfString(v)}`);
  if (date) entries.push(`/CreationDate (${date})`, `/ModDate (${date})`);
  const objNum = size;
  const body = `\n${objNum} 0 obj\n<< ${entries.join(' ')} >>\nendobj\n`;
  const objOffset = buf.length + 1; // after the leading newline
  const xrefOffset = buf.length + Buffer.byteLength(body, 'latin1');
  const update = `${body}xref\n${objNum} 1\n${String(objOffset).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${objNum + 1} /Root ${root} /Info ${objNum} 0 R${id ? ` /ID ${id}` : ''} /Prev ${startxref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  writeFileSync(file, Buffer.concat([buf, Buffer.from(update, 'latin1')]));
  // rewrite once more with object streams (the many small Type 3 font dictionaries of a Chromium PDF
  // compress well together): a third smaller, and the incremental update folded in
  execFileSync('qpdf', ['--object-streams=generate', '--deterministic-id', '--recompress-flate', '--compression-level=9', file, tmp]);
  copyFileSync(tmp, file);
  rmSync(tmp);
}

async function chromiumPdfs(jobs: { src: string; out: string }[]): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    for (const j of jobs) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(j.src).href, { waitUntil: 'load' });
      await page.pdf({ path: j.out, format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

const LO_PROFILE = mkdtempSync(join(tmpdir(), 'nb-lo-'));

/** soffice --convert-to; HTML is opened by Writer's own HTML filter (not Writer/Web). */
function libreoffice(src: string, outDir: string, to: string, htmlIn: boolean): string {
  const args = ['-env:UserInstallation=' + pathToFileURL(LO_PROFILE).href, '--headless', '--norestore'];
  if (htmlIn) args.push('--infilter=HTML (StarWriter)');
  args.push('--convert-to', to, '--outdir', outDir, src);
  sh('soffice', args);
  const ext = to.split(':')[0]!;
  return join(outDir, basename(src).replace(/\.[^.]+$/, '') + '.' + ext);
}

/** A copy of an HTML page with blank paragraphs before its n-th table, so the table breaks across pages. */
function pushTableDown(html: string, n: number, lines: number): string {
  let i = -1;
  for (let k = 0; k < n; k++) i = html.indexOf('<table', i + 1);
  if (i < 0) throw new Error('table not found');
  const pad = Array.from({ length: lines }, () => '<p class="MsoNormal">&nbsp;</p>').join('\n');
  return html.slice(0, i) + pad + '\n' + html.slice(i);
}

/** The article of a fixture page (title and div.TRS_Editor content) as a document of its own. */
function articleOnly(html: string): string {
  const title = /<h1 class="article_title">([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
  const open = '<div class="TRS_Editor"><div class="Custom_UnionStyle">';
  const start = html.indexOf(open);
  const end = html.indexOf('</div></div>', start);
  if (!title || start < 0 || end < 0) throw new Error('not a fixture page');
  const body = html.slice(start + open.length, end);
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n</head>\n<body>\n<h1 style="text-align:center">${title}</h1>\n${body}\n</body>\n</html>\n`;
}

/** A one-page PDF whose only content is a JPEG image (a scan without a text layer). */
function imagePdf(jpeg: Buffer, w: number, h: number): Buffer {
  // page in points at the 72 dpi the image was rendered at
  const pw = w, ph = h;
  const content = `q ${pw.toFixed(2)} 0 0 ${ph.toFixed(2)} 0 0 cm /Im1 Do Q`;
  const objs: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(2)} ${ph.toFixed(2)}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`), jpeg, Buffer.from('\nendstream')]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    Buffer.from("<< /Producer (nianbao-audit scripts/make-pdf-fixtures.ts) >>"),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let off = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(off);
    parts.push(b);
    off += b.length;
  });
  let xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${off}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

function jpegSize(jpeg: Buffer): { w: number; h: number } {
  for (let i = 2; i < jpeg.length;) {
    if (jpeg[i] !== 0xff) throw new Error('bad jpeg');
    const marker = jpeg[i + 1]!;
    const len = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { h: jpeg.readUInt16BE(i + 5), w: jpeg.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('no SOF in jpeg');
}

async function main(): Promise<void> {
  mkdirSync(OUT_PDF, { recursive: true });
  mkdirSync(OUT_DOCX, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'nb-pdf-fixtures-'));
  const src = (f: string) => join(ROOT, 'test', 'fixtures', f);
  const out = (f: string) => join(ROOT, 'test', 'fixtures', f);
  try {
    // 1. Chromium print-to-PDF
    const chromiumJobs = PDF_FIXTURES.filter((f) => f.how.startsWith('Chromium')).map((f) => ({ src: src(f.source), out: out(f.file) }));
    await chromiumPdfs(chromiumJobs);
    for (const j of chromiumJobs) console.log('chromium   ', j.out);

    // 2. LibreOffice HTML → PDF (a copy named after the output so the converter's name is predictable)
    const lo = (source: string, file: string, html?: string) => {
      const stem = basename(file).replace(/\.pdf$/, '');
      const copy = join(work, stem + '.html');
      if (html !== undefined) writeFileSync(copy, html);
      else copyFileSync(src(source), copy);
      const made = libreoffice(copy, work, 'pdf:writer_pdf_Export', true);
      copyFileSync(made, out(file));
      console.log('libreoffice', out(file));
    };
    lo('html/seed-002.html', 'pdf/seed-002.libreoffice.pdf');
    // 15 blank paragraphs before table 3 of seed 003 move the page break into the table: 12 rows on
    // page 3, the rest on page 4, one row cut in two by the break (checked by the tests through
    // debug.grids[i].pages; without the padding the break falls after 21 rows)
    const seed3 = readFileSync(src('html/seed-003.html'), 'utf8');
    lo('html/seed-003.html', 'pdf/seed-003.split.libreoffice.pdf', pushTableDown(seed3, 2, SPLIT_PADDING));

    // 3. LibreOffice HTML → .docx, and .docx → PDF. A report written in Word has no portal around
    // it: the document is the article alone (the title and the content of div.TRS_Editor)
    const docCopy = join(work, 'seed-000.html');
    writeFileSync(docCopy, articleOnly(readFileSync(src('html/seed-000.html'), 'utf8')));
    const docx = libreoffice(docCopy, work, 'docx:MS Word 2007 XML', true);
    copyFileSync(docx, out('docx/seed-000.docx'));
    const docxCopy = join(work, 'seed-000.docx');
    const docxPdfDir = join(work, 'docx-pdf');
    mkdirSync(docxPdfDir);
    copyFileSync(libreoffice(docxCopy, docxPdfDir, 'pdf:writer_pdf_Export', false), out('docx/seed-000.docx.pdf'));
    console.log('libreoffice', out('docx/seed-000.docx'), out('docx/seed-000.docx.pdf'));

    // pin the document information of every text PDF (see the header comment)
    for (const f of PDF_FIXTURES) {
      if (!f.file.endsWith('.pdf')) continue;
      pinInfo(out(f.file), pubDateOf(src(f.source)));
    }

    // 4. scanned: page 1 of seed-002.libreoffice.pdf as a gray JPEG, the only content of a page
    sh('pdftoppm', ['-f', '1', '-l', '1', '-r', '72', '-gray', '-jpeg', '-jpegopt', 'quality=35', out('pdf/seed-002.libreoffice.pdf'), join(work, 'scan')]);
    const jpgName = readdirSync(work).find((n) => n.startsWith('scan') && n.endsWith('.jpg'))!;
    const jpeg = readFileSync(join(work, jpgName));
    const { w, h } = jpegSize(jpeg);
    writeFileSync(out('pdf/scanned.pdf'), imagePdf(jpeg, w, h));
    console.log('scan       ', out('pdf/scanned.pdf'));

    // 5. corrupt: the head of a real PDF (header, first objects), then garbage; no xref, no pages
    const real = readFileSync(out('pdf/seed-002.libreoffice.pdf'));
    const garbage = Buffer.alloc(2048);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) % 251;
    writeFileSync(out('pdf/corrupt.pdf'), Buffer.concat([real.subarray(0, 1536), garbage]));
    console.log('corrupt    ', out('pdf/corrupt.pdf'));

    // 6. encrypted: page 1 of seed-002.libreoffice.pdf, AES-256 with a user password (pdf.js cannot
    // open it without the password); static ID and IV so that the output is reproducible
    execFileSync('qpdf', ['--static-id', '--static-aes-iv', '--encrypt', 'nianbao-user', 'nianbao-owner', '256', '--', '--pages', '.', '1', '--', out('pdf/seed-002.libreoffice.pdf'), out('pdf/encrypted.pdf')]);
    console.log('encrypted  ', out('pdf/encrypted.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(LO_PROFILE, { recursive: true, force: true });
  }
}

/** Blank paragraphs before seed 003's table 3 in the split copy (chosen so the table breaks after a few rows). */
const SPLIT_PADDING = 15;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
