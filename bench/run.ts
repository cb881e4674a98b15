/**
 * npm run bench — prints figures, asserts nothing.
 *  1. Engine time per report in Node, split into extract / map / rules (median of N runs),
 *     for the five seeds, the HTML fixtures and the corpus page (HTML parsing reported apart).
 *  2. CLI throughput: one `nianbao-audit <dir> --format jsonl > file` process over 1,000 reports (median of 3 runs).
 *  3. PDFs, when lib/extract/pdf.ts is present: see bench/pdf.ts.
 * Targets (issue 2): < 5 ms median per report for the engine; 1,000 reports < 10 s for the CLI.
 */
import { readFileSync, readdirSync, mkdtempSync, writeFileSync, existsSync, rmSync, openSync, closeSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { extractText } from '../lib/extract/text';
import { extractHtml } from '../lib/extract/html';
import { mapReport } from '../lib/template/map';
import { runRules } from '../lib/audit';
import { parseHtmlDocument } from '../lib/node/audit-bytes';
import { decodeHtmlBytes } from '../lib/source/decode';
import type { Extraction } from '../lib/extract/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_RUNS ?? 50);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
const f2 = (n: number) => n.toFixed(2).padStart(7);

interface Input { name: string; kind: 'text' | 'html'; bytes: Uint8Array }
const inputs: Input[] = [];
for (const f of readdirSync(join(ROOT, 'test/fixtures/seeds')).sort()) inputs.push({ name: `seeds/${f.slice(0, 3)}`, kind: 'text', bytes: readFileSync(join(ROOT, 'test/fixtures/seeds', f)) });
for (const dir of ['test/fixtures/html', 'test/fixtures/corpus']) {
  if (!existsSync(join(ROOT, dir))) continue;
  for (const f of readdirSync(join(ROOT, dir)).filter((x) => /\.html?$/.test(x)).sort()) inputs.push({ name: `${dir.split('/').pop()}/${f}`, kind: 'html', bytes: readFileSync(join(ROOT, dir, f)) });
}

console.log(`Engine, median of ${N} runs (ms); parse = linkedom as tsx loads it, without the CLI bundle's edit, and not part of "engine"`);
console.log('input                              parse  extract      map    rules   engine');
const engineTimes: number[] = [];
for (const inp of inputs) {
  const t = { parse: [] as number[], extract: [] as number[], map: [] as number[], rules: [] as number[] };
  for (let i = 0; i < N; i++) {
    let a = performance.now();
    let x: Extraction;
    if (inp.kind === 'html') {
      const doc = parseHtmlDocument(decodeHtmlBytes(inp.bytes).text);
      let b = performance.now(); t.parse.push(b - a); a = b;
      x = extractHtml(doc);
    } else {
      t.parse.push(0);
      x = extractText(new TextDecoder().decode(inp.bytes));
    }
    let b = performance.now(); t.extract.push(b - a); a = b;
    const model = mapReport(x);
    b = performance.now(); t.map.push(b - a); a = b;
    runRules(model);
    b = performance.now(); t.rules.push(b - a);
  }
  const engine = median(t.extract) + median(t.map) + median(t.rules);
  engineTimes.push(engine);
  console.log(`${inp.name.padEnd(32)} ${f2(median(t.parse))}  ${f2(median(t.extract))}  ${f2(median(t.map))}  ${f2(median(t.rules))}  ${f2(engine)}`);
}
console.log(`engine median over all inputs: ${median(engineTimes).toFixed(2)} ms (target < 5 ms)\n`);

// ── CLI throughput over 1,000 reports
const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
for (let i = 0; i < 1000; i++) {
  const inp = inputs[i % inputs.length]!;
  writeFileSync(join(dir, `${String(i).padStart(4, '0')}.${inp.kind === 'html' ? 'html' : 'txt'}`), inp.bytes);
}
// the CLI runs from a bundle it rebuilds when a source changed (cli/bundle.mjs): build it before timing
spawnSync(process.execPath, [join(ROOT, 'cli/bin.mjs'), join(ROOT, 'test/fixtures/seeds', readdirSync(join(ROOT, 'test/fixtures/seeds'))[0]!)], { stdio: 'ignore' });
// three runs, output to a file as in `nianbao-audit dir --format jsonl > out.jsonl` (this machine's timings vary by
// ±20% from run to run: the median is the figure)
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 3);
const runs: number[] = [];
let lines = 0, status: number | null = null;
for (let r = 0; r < CLI_RUNS; r++) {
  const outFile = join(dir, 'out.jsonl.tmp');
  const fd = openSync(outFile, 'w');
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [join(ROOT, 'cli/bin.mjs'), dir, '--format', 'jsonl'], { stdio: ['ignore', fd, 'ignore'] });
  runs.push((performance.now() - t0) / 1000);
  closeSync(fd);
  lines = readFileSync(outFile, 'utf8').trim().split('\n').length;
  rmSync(outFile);
  status = p.status;
}
rmSync(dir, { recursive: true, force: true });
const secs = median(runs);
console.log(`CLI: ${lines} reports (${inputs.length} distinct, text and HTML) in ${secs.toFixed(2)} s (median of ${runs.map((x) => x.toFixed(2)).join(', ')}) — ${(lines / secs).toFixed(0)} reports/s (target: 1,000 in < 10 s), exit ${status}`);
