import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../lib/rules';
import { ROOT } from '../helpers';
import { renderReadme, rulesDoc } from '../../scripts/gen-docs';
import { TOOL_VERSION } from '../../lib/version';

const SPEC_IDS = [
  'section-missing', 'section-empty', 'section-order', 'heading-variant', 'table-missing', 'row-missing', 'template-outdated',
  'label-variant', 'cell-blank', 'cell-invalid', 'applications-balance', 'applications-result-sum', 'applications-row-sum',
  'reviews-sum', 'carried-forward-bound', 'narrative-contradiction', 'breakdown-sum', 'fee-statement-missing',
  'published-late', 'date-unknown', 'year-mismatch', 'not-assessable',
];

describe('conventions: every rule is one file with metadata, docs and a test', () => {
  it('implements every rule of rules.md except the three across-years ones, once each', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(SPEC_IDS);
  });
  const ruleTests = readdirSync(join(ROOT, 'test', 'rules')).map((f) => readFileSync(join(ROOT, 'test', 'rules', f), 'utf8')).join('\n');
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('lives in lib/rules/<id>.ts', () => expect(existsSync(join(ROOT, 'lib', 'rules', `${rule.meta.id}.ts`))).toBe(true));
      it('has complete bilingual metadata', () => {
        expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
        for (const t of [rule.meta.title, rule.meta.doc]) {
          expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(t.en).toMatch(/[a-z]/i);
        }
        expect(rule.meta.doc.en.length).toBeGreaterThan(40);
      });
      it('is tested in test/rules/', () => expect(ruleTests).toContain(`'${rule.meta.id}'`));
    });
  }
});

describe('conventions: docs derive from code', () => {
  it('README rule table and schema outline are up to date (npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(renderReadme(readme)).toBe(readme);
  });
  it('docs/rules.md is up to date (npm run docs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(rulesDoc());
  });
  it('the tool version matches package.json', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version).toBe(TOOL_VERSION);
  });
});
