import type { AuditResult, Finding } from './result';
import { describeRef } from '../source/ref';

/**
 * Findings flattened to CSV, one finding a row (frictionless-style: the location in the
 * table by key, the template message, the note). Each column names the path in the
 * AuditResult schema it comes from; docs/export.md is generated from this list.
 */
export interface CsvColumn {
  name: string;
  /** path in AuditResult (source.*, report.meta.*) or in a Finding (finding.*) */
  from: string;
  get: (r: AuditResult, f: Finding) => string | number | null | undefined;
}

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'source_uri', from: 'source.uri', get: (r) => r.source.uri },
  { name: 'source_sha256', from: 'source.sha256', get: (r) => r.source.sha256 },
  { name: 'body', from: 'report.meta.body', get: (r) => r.report?.meta.body },
  { name: 'year', from: 'report.meta.year', get: (r) => r.report?.meta.year },
  { name: 'finding_id', from: 'finding.id', get: (_, f) => f.id },
  { name: 'rule', from: 'finding.rule', get: (_, f) => f.rule },
  { name: 'severity', from: 'finding.severity', get: (_, f) => f.severity },
  { name: 'outcome', from: 'finding.outcome', get: (_, f) => f.outcome },
  { name: 'keys', from: 'finding.evidence.keys', get: (_, f) => f.evidence.keys.join(' ') },
  { name: 'expected', from: 'finding.evidence.expected', get: (_, f) => f.evidence.expected },
  { name: 'actual', from: 'finding.evidence.actual', get: (_, f) => f.evidence.actual },
  { name: 'equation', from: 'finding.evidence.equation', get: (_, f) => f.evidence.equation },
  {
    name: 'values', from: 'finding.evidence.values',
    get: (_, f) => Object.entries(f.evidence.values ?? {}).map(([k, v]) => `${k}=${v ?? ''}`).join(' '),
  },
  { name: 'message_zh', from: 'finding.message.zh', get: (_, f) => f.message.zh },
  { name: 'message_en', from: 'finding.message.en', get: (_, f) => f.message.en },
  { name: 'note_zh', from: 'finding.note.zh', get: (_, f) => f.note?.zh },
  { name: 'note_en', from: 'finding.note.en', get: (_, f) => f.note?.en },
  { name: 'text', from: 'finding.evidence.text', get: (_, f) => f.evidence.text },
  { name: 'locations', from: 'finding.evidence.sources', get: (_, f) => f.evidence.sources.map((s) => describeRef(s.ref)).join(' | ') },
];

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // neutralise spreadsheet formulas in untrusted text
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row; CRLF line ends; a UTF-8 BOM so Excel reads Chinese right. */
export function toCsv(results: AuditResult | AuditResult[], opts: { bom?: boolean } = {}): string {
  const list = Array.isArray(results) ? results : [results];
  const lines = [CSV_COLUMNS.map((c) => c.name).join(',')];
  for (const r of list) for (const f of r.findings) lines.push(CSV_COLUMNS.map((c) => cell(c.get(r, f))).join(','));
  return (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
