import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { AuditResult } from '../lib/model/result';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const fixture = (...p: string[]) => join(FIXTURES, ...p);
export const readFixture = (...p: string[]) => readFileSync(fixture(...p), 'utf8');
export const readFixtureBytes = (...p: string[]) => new Uint8Array(readFileSync(fixture(...p)));

/** The rule ids that fired (fail or needs-review), sorted and unique. */
export function firedRules(r: AuditResult): string[] {
  return [...new Set(r.findings.map((f) => f.rule))].sort();
}

export function value(r: AuditResult, key: string): number | null | undefined {
  return r.report?.cells[key]?.value;
}

/** The five seeds and what rules.md says a correct audit reports on each. */
export const SEED_EXPECTATIONS: { id: string; file: string; rules: string[] }[] = [
  {
    id: '000', file: '000_d1f4d466d2ee4c6e.txt',
    rules: ['cell-blank', 'date-unknown', 'fee-statement-missing', 'label-variant', 'narrative-contradiction', 'template-outdated'],
  },
  { id: '001', file: '001_cf1e86794f147280.txt', rules: ['date-unknown', 'fee-statement-missing', 'label-variant'] },
  { id: '002', file: '002_ab6da90aa55277b8.txt', rules: ['cell-blank', 'fee-statement-missing', 'heading-variant'] },
  {
    id: '003', file: '003_25c42bc5e0ee16a3.txt',
    rules: ['cell-blank', 'date-unknown', 'fee-statement-missing', 'label-variant', 'template-outdated'],
  },
  { id: '004', file: '004_292e5f130bca3acf.txt', rules: ['breakdown-sum', 'label-variant'] },
];
