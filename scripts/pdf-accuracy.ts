/**
 * Cell accuracy of the PDF and .docx readers: for every generated fixture (scripts/make-pdf-fixtures.ts)
 * and the real WPS-made corpus/hongze_2024.pdf, how many template cells of tables 2–4 were mapped, and how
 * many of them have the value (and blankness) of the reference:
 *
 * - a generated fixture: its HTML source audited through the same engine (lib/node/audit-bytes.ts);
 * - hongze_2024.pdf (no HTML source) and its copy without ruling lines pdf/hongze_2024_norules.pdf (read
 *   from text alignment): every cell of tables 2–4 as printed, written out below (the totals are those of
 *   ../shared/corpus/README.md and test/engine/pdf-audit.test.ts).
 *
 * Also prints whether the findings (rule, outcome, keys) and the six sections agree.
 *
 *   npx tsx scripts/pdf-accuracy.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditInput } from '../lib/node/audit-file';
import { auditBytesSync } from '../lib/node/audit-bytes';
import type { AuditResult } from '../lib/model/result';
import { PDF_FIXTURES } from './make-pdf-fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIX = join(ROOT, 'test', 'fixtures');
const bytes = (f: string) => new Uint8Array(readFileSync(join(FIX, f)));
const TABLE_KEY = /^(active|applications|reviews)\./;

/** A finding as compared across formats: rule, outcome and the cell keys it involves. */
export function findingSignature(r: AuditResult): string[] {
  return r.findings.map((f) => `${f.rule}|${f.outcome}|${[...(f.evidence.keys ?? [])].sort().join(',')}`).sort();
}

export function tableCells(r: AuditResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, c] of Object.entries(r.report?.cells ?? {})) if (TABLE_KEY.test(k)) out[k] = c.value;
  return out;
}

/**
 * hongze_2024.pdf, every cell of tables 2–4 as printed (read off `pdftotext -layout` of pages 2–4 and
 * checked against the page images; the totals are those of corpus/README.md). Table 3 uses the single
 * （六）其他处理 row of the 2019 format; every applicant column other than 自然人 and 总计 is 0.
 */
function hongzeReference(): Record<string, number> {
  const ref: Record<string, number> = {};
  const active: [string, string, number][] = [
    ['regulations', 'issued', 0], ['regulations', 'repealed', 0], ['regulations', 'inForce', 0],
    ['normativeDocuments', 'issued', 3], ['normativeDocuments', 'repealed', 0], ['normativeDocuments', 'inForce', 8],
    ['licensing', 'decisions', 9487], ['penalty', 'decisions', 2776], ['coercion', 'decisions', 84], ['fees', 'amount', 7545],
  ];
  for (const [r, c, v] of active) ref[`active.${r}.${c}`] = v;
  const rows: [string, number][] = [
    ['received', 95], ['carriedOver', 0], ['granted', 50], ['partlyGranted', 9],
    ['withheld.stateSecret', 0], ['withheld.prohibitedByLaw', 0], ['withheld.threeSecurities', 1], ['withheld.thirdPartyRights', 0],
    ['withheld.internalAffairs', 0], ['withheld.processInformation', 1], ['withheld.enforcementFiles', 1], ['withheld.queryMatters', 0],
    ['unavailable.notHeld', 31], ['unavailable.needsCreation', 1], ['unavailable.unclear', 0],
    ['notProcessed.complaint', 1], ['notProcessed.repeated', 0], ['notProcessed.publication', 0], ['notProcessed.excessive', 0], ['notProcessed.confirmation', 0],
    ['otherHandling', 0], ['resultTotal', 95], ['carriedForward', 0],
  ];
  for (const [r, v] of rows) {
    for (const c of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']) {
      ref[`applications.${r}.${c}`] = c === 'naturalPerson' || c === 'total' ? v : 0;
    }
  }
  const reviews: Record<string, number[]> = { adminReview: [1, 1, 0, 0, 2], directSuit: [1, 0, 0, 0, 1], suitAfterReview: [2, 0, 1, 0, 3] };
  for (const [g, vs] of Object.entries(reviews)) ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((c, i) => { ref[`reviews.${g}.${c}`] = vs[i]!; });
  return ref;
}

interface Row { file: string; reference: string; expected: number; mapped: number; equal: number; findings: string; sections: string; diff: string[] }

export async function compareFixture(file: string, source: string): Promise<Row> {
  const r = await auditInput({ bytes: bytes(file), uri: file });
  const h = auditBytesSync({ bytes: bytes(source), uri: source });
  const want = tableCells(h), got = tableCells(r);
  const keys = Object.keys(want);
  const mapped = keys.filter((k) => k in got).length;
  const equal = keys.filter((k) => k in got && got[k] === want[k]).length;
  const diff = keys.filter((k) => got[k] !== want[k]).map((k) => `${k}: ${k in got ? got[k] : '(unmapped)'} ≠ ${want[k]}`);
  for (const k of Object.keys(got)) if (!(k in want)) diff.push(`${k}: ${got[k]} (not in the HTML)`);
  const fa = findingSignature(r), fb = findingSignature(h);
  const findings = JSON.stringify(fa) === JSON.stringify(fb) ? 'same' : `differ: only here ${JSON.stringify(fa.filter((x) => !fb.includes(x)))}, only in the HTML ${JSON.stringify(fb.filter((x) => !fa.includes(x)))}`;
  const secs = (x: AuditResult) => (x.report?.sections ?? []).map((s) => (s.found ? s.number : `-${s.number}`)).join(',');
  const sections = secs(r) === secs(h) ? `same (${secs(r)})` : `differ: ${secs(r)} vs ${secs(h)}`;
  return { file, reference: source, expected: keys.length, mapped, equal, findings, sections, diff };
}

async function compareHongze(file: string): Promise<Row> {
  const r = await auditInput({ bytes: bytes(file), uri: file });
  const got = tableCells(r);
  const ref = hongzeReference();
  const keys = Object.keys(ref);
  const mapped = keys.filter((k) => k in got).length;
  const equal = keys.filter((k) => got[k] === ref[k]).length;
  const diff = keys.filter((k) => got[k] !== ref[k]).map((k) => `${k}: ${k in got ? got[k] : '(unmapped)'} ≠ ${ref[k]}`);
  for (const k of Object.keys(got)) if (!(k in ref)) diff.push(`${k}: ${got[k]} (not in the reference)`);
  const fired = [...new Set(r.findings.map((f) => f.rule))].sort().join(', ');
  return { file, reference: 'the printed tables', expected: keys.length, mapped, equal, findings: `(${fired})`, sections: (r.report?.sections ?? []).every((s) => s.found) ? 'all six found' : 'missing', diff };
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const rows: Row[] = [];
  for (const f of PDF_FIXTURES) rows.push(await compareFixture(f.file, f.source));
  rows.push(await compareHongze('corpus/hongze_2024.pdf'));
  rows.push(await compareHongze('pdf/hongze_2024_norules.pdf'));
  for (const r of rows) {
    console.log(`${r.file.padEnd(36)} mapped ${String(r.mapped).padStart(3)}/${r.expected}  equal ${String(r.equal).padStart(3)}/${r.expected}  findings ${r.findings}  sections ${r.sections}`);
    if (verbose || r.diff.length) for (const d of r.diff.slice(0, verbose ? 1000 : 12)) console.log('    ' + d);
  }
  const tm = rows.reduce((s, r) => s + r.mapped, 0), te = rows.reduce((s, r) => s + r.equal, 0), tx = rows.reduce((s, r) => s + r.expected, 0);
  console.log(`total: mapped ${tm}/${tx}, equal ${te}/${tx} (${((100 * te) / tx).toFixed(1)} %)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
