import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditResult } from '../lib/model/result';
import { fixture, ROOT } from './helpers';

const BIN = join(ROOT, 'cli', 'bin.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
const seed4 = fixture('seeds', '004_292e5f130bca3acf.txt');

describe('nianbao-audit CLI', () => {
  it('prints the breakdown-sum finding of seed 004 (423 vs 421) with the sentence', () => {
    const p = run(seed4, '--lang', 'en');
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('breakdown-sum');
    expect(p.stdout).toMatch(/423/);
    expect(p.stdout).toMatch(/421/);
    expect(p.stdout).toContain('其中，规划计划12条');
  });
  it('--format json validates against the schema', () => {
    const p = run(seed4, '--format', 'json');
    const r = AuditResult.parse(JSON.parse(p.stdout));
    expect(r.findings.map((f) => f.rule)).toContain('breakdown-sum');
  });
  it('--format json over several inputs prints an array; jsonl one result a line', () => {
    const dir = fixture('seeds');
    const json = JSON.parse(run(dir, '--format', 'json').stdout);
    expect(Array.isArray(json)).toBe(true);
    expect(json).toHaveLength(5);
    const lines = run(dir, '--format', 'jsonl').stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const l of lines) AuditResult.parse(JSON.parse(l));
  });
  it('--format csv: a header and one row per finding', () => {
    const p = run(seed4, '--format', 'csv');
    const rows = p.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toMatch(/^source_uri,/);
    const json = AuditResult.parse(JSON.parse(run(seed4, '--format', 'json').stdout));
    expect(rows).toHaveLength(json.findings.length + 1);
  });
  it('--fail-on: exit 1 when a finding reaches it, 0 otherwise', () => {
    expect(run(seed4, '--fail-on', 'warning', '--format', 'json').status).toBe(1);
    expect(run(seed4, '--fail-on', 'error', '--format', 'json').status).toBe(0);
  });
  it('exit 2 and a message naming the input when it is unreadable, the others still audited', () => {
    const p = run('no/such/file.txt', seed4, '--format', 'jsonl');
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('no/such/file.txt');
    expect(p.stdout.trim().split('\n')).toHaveLength(1);
  });
  it('exit 2 on a usage error', () => {
    expect(run(seed4, '--format', 'xml').status).toBe(2);
    expect(run().status).toBe(2);
  });
  it('decodes a GBK page by its meta charset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-'));
    // "<meta charset=gbk><p>一、总体情况</p>" with the Chinese in GBK bytes
    const head = new TextEncoder().encode('<html><head><meta charset="gbk"><title>t</title></head><body><p>');
    const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]); // 一、总体情况
    const tail = new TextEncoder().encode('</p></body></html>');
    const file = join(dir, 'gbk.html');
    writeFileSync(file, Buffer.concat([head, gbk, tail]));
    const r = AuditResult.parse(JSON.parse(run(file, '--format', 'json').stdout));
    expect(r.report?.sections.find((s) => s.number === 1)?.heading ?? '').toContain('总体情况');
  });
  it('a batch of 45 reports runs in worker threads and prints in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-batch-'));
    const text = readFileSync(seed4);
    for (let i = 0; i < 45; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), text);
    const p = run(dir, '--format', 'jsonl');
    expect(p.status).toBe(0);
    const uris = p.stdout.trim().split('\n').map((l) => AuditResult.parse(JSON.parse(l)).source.uri!);
    expect(uris).toHaveLength(45);
    expect(uris).toEqual([...uris].sort());
  });
  it('audits a PDF (Chromium print of seed 004): the breakdown-sum finding with its page, exit codes by --fail-on', () => {
    const pdf = fixture('pdf', 'seed-004.chromium.pdf');
    const p = run(pdf, '--lang', 'en');
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('(pdf)');
    expect(p.stdout).toContain('breakdown-sum');
    expect(p.stdout).toMatch(/423/);
    expect(p.stdout).toMatch(/421/);
    expect(p.stdout).toContain('在长子县人民政府门户网站主动公开发布信息423条。其中，规划计划12条');
    expect(p.stdout).toMatch(/where: page 1 \[/);
    expect(run(pdf, '--fail-on', 'warning', '--format', 'json').status).toBe(1);
    expect(run(pdf, '--fail-on', 'error', '--format', 'json').status).toBe(0);
  });
  it('audits a .docx (seed 000 made by LibreOffice): the same rules as the seed, exit 1 on its error', () => {
    const docx = fixture('docx', 'seed-000.docx');
    const p = run(docx, '--format', 'json');
    expect(p.status).toBe(0);
    const r = AuditResult.parse(JSON.parse(p.stdout));
    expect(r.source.kind).toBe('docx');
    expect([...new Set(r.findings.map((f) => f.rule))].sort()).toEqual(['cell-blank', 'date-unknown', 'fee-statement-missing', 'label-variant', 'narrative-contradiction', 'template-outdated']);
    const text = run(docx, '--lang', 'en');
    expect(text.stdout).toContain('(docx)');
    expect(text.stdout).toContain('narrative-contradiction');
    expect(run(docx, '--fail-on', 'error').status).toBe(1);
  });
  it('an encrypted PDF is printed as not assessable with its reason, and the run exits 2 (not a crash)', () => {
    const p = run(fixture('pdf', 'encrypted.pdf'), seed4, '--lang', 'en');
    // printed, the other input audited, and exit 2 with a message naming the input, as for an unreadable one
    expect(p.status).toBe(2);
    expect(p.stdout).toContain('Not assessable: The PDF is encrypted');
    expect(p.stdout).toContain('breakdown-sum');
    expect(p.stderr).toMatch(/encrypted\.pdf" cannot be assessed: The PDF is encrypted/);
    const j = AuditResult.parse(JSON.parse(run(fixture('pdf', 'encrypted.pdf'), '--format', 'json').stdout));
    expect(j.status).toBe('not-assessable');
  });
  it('works as `npx nianbao-audit` (the package bin)', () => {
    const out = execFileSync('npx', ['--no-install', 'nianbao-audit', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the linkedom edit the CLI bundle and the extension build make (scripts/linkedom-lazy-events.mjs)', () => {
  it('still applies to the installed linkedom, and the edited module still dispatches events', async () => {
    const { lazyEventTargets } = await import('../scripts/linkedom-lazy-events.mjs');
    const file = join(ROOT, 'node_modules', 'linkedom', 'esm', 'interface', 'event-target.js');
    const edited = lazyEventTargets(readFileSync(file, 'utf8'));
    expect(edited, 'linkedom changed: update the edit').not.toBeNull();
    expect(edited).not.toContain('wm.set(this, new Map);\n  }');
    // run the edited module: no map until a listener is added; events still reach listeners
    const url = `data:text/javascript;base64,${Buffer.from(edited!).toString('base64')}`;
    const { EventTarget: Target } = (await import(url)) as { EventTarget: new () => EventTarget };
    const t = new Target();
    t.removeEventListener('x', () => undefined); // no map yet: nothing to remove, no throw
    let got = 0;
    t.addEventListener('x', () => got++);
    t.dispatchEvent({ type: 'x', bubbles: false, _path: [], CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3, NONE: 0 } as unknown as Event);
    expect(got).toBe(1);
  });
});
