/**
 * PDF extraction timing (a measurement, not a test):
 *   npx tsx bench/pdf.ts [file.pdf] [runs]
 * Median of N runs (default 10, after one warm-up run) of extractPdf on the file, per
 * document and per page, next to `pdftotext -layout` (poppler) on the same file.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { extractPdf } from '../lib/extract/pdf';
import { nodePdfOptions } from '../lib/extract/pdf-node';

const file = process.argv[2] ?? fileURLToPath(new URL('../test/fixtures/corpus/hongze_2024.pdf', import.meta.url));
const runs = Math.max(1, Number(process.argv[3] ?? 10));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const data = new Uint8Array(readFileSync(file));
  const opts = nodePdfOptions();

  const warm = await extractPdf(data, opts);
  if (warm.unreadable) throw new Error(`unreadable: ${warm.unreadable.en}`);
  const pages = warm.debug.pages.length;

  const ours: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await extractPdf(data, opts);
    ours.push(performance.now() - t);
  }

  let poppler: number[] = [];
  try {
    execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
      poppler.push(performance.now() - t);
    }
  } catch {
    poppler = [];
  }

  const ms = (n: number) => n.toFixed(1).padStart(9);
  const row = (name: string, doc: number) => `| ${name.padEnd(34)} | ${ms(doc)} | ${ms(doc / pages)} |`;
  console.log(`file: ${file} (${(data.byteLength / 1024).toFixed(0)} KB, ${pages} pages, ${warm.grids.length} grids), median of ${runs} runs`);
  console.log(`| ${'tool'.padEnd(34)} | ${'ms/doc'.padStart(9)} | ${'ms/page'.padStart(9)} |`);
  console.log(`|${'-'.repeat(36)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`);
  const a = median(ours);
  console.log(row('extractPdf (pdf.js legacy, Node)', a));
  if (poppler.length) {
    const b = median(poppler);
    console.log(row('pdftotext -layout (incl. spawn)', b));
    console.log(`ratio extractPdf / pdftotext: ${(a / b).toFixed(1)}×`);
  } else {
    console.log('pdftotext not found: no comparison');
  }
  console.log(`extractPdf runs (ms): ${ours.map((t) => t.toFixed(0)).join(' ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
