import { parseArgs } from 'node:util';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadInput } from './load';
import { runPool, type Done } from './pool';
import { auditInput } from '../lib/node/audit-file';
import { AuditResult } from '../lib/model/result';
import { toCsv } from '../lib/model/csv';
import { TOOL_VERSION } from '../lib/version';
import { formatText, makeStyle, type Lang } from './format-text';

const USAGE = `年报核查 · Nianbao Audit ${TOOL_VERSION}
Audits Chinese government information-disclosure annual reports (政府信息公开工作年度报告).

Usage: nianbao-audit <file|dir|url>... [options]

Inputs: .html/.htm (UTF-8 or GBK/GB2312 by <meta charset>), .txt, .pdf, .docx files;
        directories (walked for those files); http(s) URLs (fetched).
Options:
  --format text|json|jsonl|csv   output format (default: text)
                                 json: one result for one input, an array for several
  --lang zh|en                   language of the text output (default: en for an English locale, else zh)
  --fail-on error|warning|info   exit 1 when a finding of this severity or worse fails
  --no-color                     plain text output
  -h, --help                     this help
  -v, --version                  the version
Exit codes: 0 done; 1 a finding reached --fail-on; 2 usage error, an unreadable input, or one that
cannot be assessed (encrypted, scanned, damaged, no report in it); the other inputs are still audited.`;

const EXTENSIONS = /\.(html?|shtml|txt|pdf|docx)$/i;
const SEV = { error: 0, warning: 1, info: 2 } as const;

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        lang: { type: 'string' },
        'fail-on': { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    io.err.write(`nianbao-audit: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values: o, positionals } = args;
  if (o.help) { io.out.write(USAGE + '\n'); return 0; }
  if (o.version) { io.out.write(TOOL_VERSION + '\n'); return 0; }
  const format = o.format!;
  if (!['text', 'json', 'jsonl', 'csv'].includes(format)) return usage(io, `unknown --format "${format}"`);
  if (o.lang !== undefined && o.lang !== 'zh' && o.lang !== 'en') return usage(io, `unknown --lang "${o.lang}"`);
  // Chinese first: English when asked for, or when the locale is an English one
  const lang: Lang = (o.lang as Lang | undefined) ?? (/^en/i.test(process.env.LC_ALL || process.env.LANG || '') ? 'en' : 'zh');
  const failOn = o['fail-on'];
  if (failOn && !(failOn in SEV)) return usage(io, `unknown --fail-on "${failOn}"`);
  if (!positionals.length) return usage(io, 'no input given');

  let inputError = false;
  const inputs: string[] = [];
  for (const p of positionals) {
    if (/^https?:\/\//i.test(p)) { inputs.push(p); continue; }
    try {
      const s = await stat(p);
      if (s.isDirectory()) inputs.push(...(await walk(p)));
      else inputs.push(p);
    } catch {
      io.err.write(`nianbao-audit: cannot read "${p}": no such file or directory\n`);
      inputError = true;
    }
  }

  const style = makeStyle(!o['no-color'] && format === 'text' && !!(io.out as NodeJS.WriteStream).isTTY && !process.env.NO_COLOR);
  const results: AuditResult[] = [];
  const jsonOut: string[] = [];
  // an input that was read but could not be audited (encrypted, a scan, damaged, no report in it): its result is
  // printed as usual, and the run ends with exit code 2, like an input that could not be read at all
  const notAssessable = (input: string, reason: { zh: string; en: string }) => {
    io.err.write(`nianbao-audit: "${input}" ${lang === 'zh' ? `无法核查：${reason.zh}` : `cannot be assessed: ${reason.en}`}\n`);
    inputError = true;
  };
  const emit = (input: string, d: Omit<Done, 'id'>) => {
    if (d.error !== undefined || (!d.result && d.json === undefined)) {
      io.err.write(`nianbao-audit: cannot read "${input}": ${d.error ?? 'unknown error'}\n`);
      inputError = true;
      return;
    }
    if (d.json !== undefined) {
      // validated in the worker
      if (format === 'jsonl') io.out.write(d.json + '\n');
      else jsonOut.push(d.json);
      if (failOn) results.push(JSON.parse(d.json) as AuditResult);
      if (d.reason) notAssessable(input, d.reason);
      return;
    }
    const res = AuditResult.parse(d.result);
    results.push(res);
    if (res.status === 'not-assessable' && res.reason) notAssessable(input, res.reason);
    if (format === 'text') io.out.write(formatText(res, lang, style) + (inputs.length > 1 ? '\n' : ''));
    else if (format === 'jsonl') io.out.write(JSON.stringify(res) + '\n');
  };
  const jobs = Math.min(availableParallelism(), 4);
  if (inputs.length >= 40 && jobs > 1 && !process.env.NIANBAO_NO_WORKERS) {
    // batch: audit in worker threads, print in input order
    const pending = new Map<number, Done>();
    let printed = 0;
    await runPool(inputs, jobs, format === 'json' || format === 'jsonl', (d) => {
      pending.set(d.id, d);
      while (pending.has(printed)) { emit(inputs[printed]!, pending.get(printed)!); pending.delete(printed); printed++; }
    });
  } else {
    for (const input of inputs) {
      try {
        const { bytes, contentType } = await loadInput(input);
        emit(input, { result: await auditInput({ bytes, uri: input, contentType }) });
      } catch (e) {
        emit(input, { error: (e as Error).message });
      }
    }
  }
  if (format === 'json') {
    if (jsonOut.length) io.out.write(`[\n${jsonOut.join(',\n')}\n]\n`);
    else io.out.write(JSON.stringify(positionals.length === 1 && inputs.length === 1 ? results[0] ?? null : results, null, 2) + '\n');
  }
  if (format === 'csv') io.out.write(toCsv(results));

  if (inputError) return 2;
  if (failOn) {
    const limit = SEV[failOn as keyof typeof SEV];
    if (results.some((r) => r.findings.some((f) => f.outcome === 'fail' && SEV[f.severity] <= limit))) return 1;
  }
  return 0;
}

function usage(io: { err: NodeJS.WritableStream }, msg: string): number {
  io.err.write(`nianbao-audit: ${msg}\n\n${USAGE}\n`);
  return 2;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(p);
  }
  return out;
}
