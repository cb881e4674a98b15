/**
 * PDF and Word timing (a measurement, not a test; asserts nothing):
 *   npx tsx bench/pdf.ts [file.pdf|file.docx ...] [--runs N] [--warmup N]
 *
 * For every readable PDF fixture (test/fixtures/corpus/hongze_2024.pdf, test/fixtures/pdf/*.pdf except the scan,
 * the damaged and the encrypted file, test/fixtures/docx/*.pdf) and the .docx (whole audit only), or the files
 * named on the command line:
 *  - extraction: extractPdf (pdf.js legacy build, Node) — text content, operator lists, our tables and paragraphs;
 *  - whole audit: auditInput (lib/node/audit-file.ts) — extraction, mapping, rules, the result document;
 *  - poppler: `pdftotext -layout FILE -` (including its process spawn), run in the same loop as ours.
 * Each is run `--warmup` times (default 2), then `--runs` times (default 10, or $BENCH_PDF_RUNS) interleaved
 * (extract, audit, pdftotext, extract, …) so that a change of load on the machine hits all three alike. Printed:
 * medians of the wall time per document and per page, the process CPU time per document (process.cpuUsage over
 * the runs, all threads of this process; for pdftotext its own user + system time as a child, from
 * /proc/self/stat in clock ticks — coarse), and the ratios whole audit / pdftotext and extraction / pdftotext.
 * Target (issue): the whole audit of a 5-page report under 500 ms in Node, within 3× of pdftotext.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractPdf } from '../lib/extract/pdf';
import { nodePdfOptions } from '../lib/extract/pdf-node';
import { auditInput } from '../lib/node/audit-file';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIX = join(ROOT, 'test/fixtures');
/** fixtures that are unreadable on purpose (not-assessable tests) */
const SKIP = new Set(['scanned.pdf', 'corrupt.pdf', 'encrypted.pdf']);

const args = process.argv.slice(2);
const flag = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args.splice(i, 2)[1]);
  return Number.isFinite(v) ? v : dflt;
};
const runs = Math.max(1, flag('--runs', Number(process.env.BENCH_PDF_RUNS ?? 10)));
const warmup = Math.max(0, flag('--warmup', 2));

function defaultFiles(): string[] {
  const list = (dir: string, re: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f) && !SKIP.has(f)).sort().map((f) => join(dir, f)) : []);
  return [join(FIX, 'corpus/hongze_2024.pdf'), ...list(join(FIX, 'pdf'), /\.pdf$/i), ...list(join(FIX, 'docx'), /\.(pdf|docx)$/i)];
}
const files = args.length ? args : defaultFiles();

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** CPU time (ms) of this process, all threads. */
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** CPU time (ms) of waited-for children (cutime + cstime of /proc/self/stat), or NaN off Linux. */
function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state=0 … utime=11 stime=12 cutime=13 cstime=14; clock ticks of 1/100 s on Linux
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return NaN;
  }
}

interface Row {
  name: string;
  pages: number | null;
  extract: number[];
  extractCpu: number;
  audit: number[];
  auditCpu: number;
  poppler: number[];
  popplerCpu: number;
  note?: string;
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function measure(file: string, poppler: boolean): Promise<Row> {
  const bytes = new Uint8Array(readFileSync(file));
  const isPdf = /\.pdf$/i.test(file);
  const opts = nodePdfOptions();
  const row: Row = { name: relative(FIX, file).startsWith('..') ? basename(file) : relative(FIX, file), pages: null, extract: [], extractCpu: NaN, audit: [], auditCpu: NaN, poppler: [], popplerCpu: NaN };

  const extract = async () => {
    const x = await extractPdf(bytes, opts);
    if (x.unreadable) throw new Error(`unreadable: ${x.unreadable.en}`);
    return x;
  };
  const audit = async () => {
    const r = await auditInput({ bytes, uri: file });
    if (r.status === 'not-assessable') row.note = 'not assessable';
    return r;
  };
  const pdftotext = () => execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });

  if (isPdf) row.pages = (await extract()).debug.pages.length;
  for (let i = 0; i < warmup; i++) {
    if (isPdf) await extract();
    await audit();
    if (isPdf && poppler) pdftotext();
  }
  let ce = 0, ca = 0, cp = 0;
  for (let i = 0; i < runs; i++) {
    if (isPdf) {
      const c = cpuMs(), t = performance.now();
      await extract();
      row.extract.push(performance.now() - t);
      ce += cpuMs() - c;
    }
    {
      const c = cpuMs(), t = performance.now();
      await audit();
      row.audit.push(performance.now() - t);
      ca += cpuMs() - c;
    }
    if (isPdf && poppler) {
      const c = childCpuMs(), t = performance.now();
      pdftotext();
      row.poppler.push(performance.now() - t);
      cp += childCpuMs() - c;
    }
  }
  if (isPdf) row.extractCpu = ce / runs;
  row.auditCpu = ca / runs;
  if (isPdf && poppler) row.popplerCpu = cp / runs;
  return row;
}

async function main(): Promise<void> {
  const poppler = hasPdftotext();
  console.log(`PDF and Word: median wall ms of ${runs} runs after ${warmup} warm-up runs; cpu = mean process CPU ms per document`);
  if (!poppler) console.log('pdftotext not found (Debian: poppler-utils): no comparison');
  const rows: Row[] = [];
  for (const f of files) {
    try {
      rows.push(await measure(f, poppler));
    } catch (e) {
      console.log(`${basename(f)}: skipped (${(e as Error).message})`);
    }
  }

  const num = (n: number, w: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–').padStart(w);
  const head = ['file', 'pages', 'extract ms/doc', 'ms/page', 'cpu', 'audit ms/doc', 'ms/page', 'cpu', 'pdftotext ms/doc', 'cpu', 'audit/pdftotext', 'extract/pdftotext'];
  const widths = [36, 5, 14, 7, 6, 12, 7, 6, 16, 5, 15, 17];
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) {
    const pages = r.pages ?? NaN;
    const e = median(r.extract), a = median(r.audit), p = median(r.poppler);
    const ratio = (x: number) => (Number.isFinite(x / p) ? `${(x / p).toFixed(1)}×` : '–');
    console.log(line([
      r.name + (r.note ? ` (${r.note})` : ''),
      r.pages === null ? '–' : String(r.pages),
      num(e, 14), num(e / pages, 7), num(r.extractCpu, 6, 0),
      num(a, 12), num(a / pages, 7), num(r.auditCpu, 6, 0),
      num(p, 16), num(r.popplerCpu, 5, 0),
      ratio(a), ratio(e),
    ]));
  }
  const pdfRows = rows.filter((r) => r.pages !== null && r.poppler.length);
  if (pdfRows.length) {
    const sum = (f: (r: Row) => number) => pdfRows.reduce((s, r) => s + f(r), 0);
    const pages = sum((r) => r.pages!), a = sum((r) => median(r.audit)), e = sum((r) => median(r.extract)), p = sum((r) => median(r.poppler));
    console.log(`all PDFs (${pdfRows.length} files, ${pages} pages): extraction ${(e / pages).toFixed(1)} ms/page, whole audit ${(a / pages).toFixed(1)} ms/page, pdftotext ${(p / pages).toFixed(1)} ms/page; audit/pdftotext ${(a / p).toFixed(1)}×, extract/pdftotext ${(e / p).toFixed(1)}×`);
  }
  const hz = rows.find((r) => r.name === 'corpus/hongze_2024.pdf');
  if (hz && hz.poppler.length) {
    const a = median(hz.audit), p = median(hz.poppler);
    console.log(`target (hongze_2024.pdf, ${hz.pages} pages): whole audit ${a.toFixed(0)} ms (< 500 ms: ${a < 500 ? 'met' : 'NOT met'}), ${(a / p).toFixed(1)}× pdftotext (≤ 3×: ${a / p <= 3 ? 'met' : 'NOT met'})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
