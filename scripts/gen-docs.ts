/**
 * Regenerates the parts of the docs that derive from code:
 *  - README.md between <!-- rules:start --> and <!-- rules:end -->: the rule table from rule metadata
 *  - README.md between <!-- schema:start --> and <!-- schema:end -->: the JSON shape from the zod schema
 *  - docs/rules.md: every rule's doc text, zh and en
 * Run: npm run docs. test/docs.test.ts fails when the committed docs are out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../lib/rules';
import { AuditResult, SCHEMA_VERSION } from '../lib/model/result';
import { CSV_COLUMNS } from '../lib/model/csv';
import { describeSchema } from '../lib/model/describe';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');

export function rulesTable(): string {
  const rows = RULES.map((r) => `| \`${r.meta.id}\` | ${r.meta.severity} | ${r.meta.category} | ${r.meta.title.zh} · ${r.meta.title.en} |`);
  return ['| rule | severity | category | what it checks |', '|---|---|---|---|', ...rows].join('\n');
}

export function schemaBlock(): string {
  return [
    `Schema version \`${SCHEMA_VERSION}\` (\`lib/model/result.ts\`). Every field, as the zod schema declares it:`,
    '',
    '```text',
    describeSchema(AuditResult),
    '```',
    '',
    `CSV (\`--format csv\`, "Export CSV" in the extension): one finding a row, columns ${CSV_COLUMNS.map((c) => `\`${c.name}\``).join(', ')}.`,
  ].join('\n');
}

export function rulesDoc(): string {
  const out = ['# Rules', '', 'Generated from the rule metadata in `lib/rules/*.ts` by `npm run docs`.', ''];
  for (const r of RULES) {
    out.push(`## \`${r.meta.id}\` — ${r.meta.title.zh} · ${r.meta.title.en}`, '', `Severity: **${r.meta.severity}** · category: ${r.meta.category} · source: \`lib/rules/${r.meta.id}.ts\``, '', r.meta.doc.zh, '', r.meta.doc.en, '');
  }
  return out.join('\n');
}

export function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`, end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start), j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`markers ${name} missing`);
  return text.slice(0, i + start.length) + '\n' + body + '\n' + text.slice(j);
}

export function renderReadme(readme: string): string {
  return replaceBetween(replaceBetween(readme, 'rules', rulesTable()), 'schema', schemaBlock());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readmePath = join(ROOT, 'README.md');
  writeFileSync(readmePath, renderReadme(readFileSync(readmePath, 'utf8')));
  writeFileSync(join(ROOT, 'docs', 'rules.md'), rulesDoc());
  console.log('README.md and docs/rules.md regenerated');
}
