import { z } from 'zod';
import { SourceRef } from '../source/ref';
import { Bilingual, ReportModel } from './report';

/** Bump on any change of shape; keys of report.cells are part of the format too. */
export const SCHEMA_VERSION = '1.0.0';
export const TOOL_NAME = 'nianbao-audit';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Outcome = z.enum(['fail', 'needs-review']);
export type Outcome = z.infer<typeof Outcome>;

export const EvidenceSource = z.object({
  ref: SourceRef,
  /** total: the cell the equation is about; operand: the other cells of the sum; cell; sentence; heading; label */
  role: z.enum(['total', 'operand', 'cell', 'sentence', 'heading', 'label']),
  /** the key of the cell, when it is a cell */
  key: z.string().optional(),
});
export type EvidenceSource = z.infer<typeof EvidenceSource>;

export const Evidence = z.object({
  /** the cell keys involved (full keys, e.g. applications.received.total) */
  keys: z.array(z.string()),
  /** the values of those cells as read (null = blank) */
  values: z.record(z.string(), z.number().nullable()).optional(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
  /** the equation or comparison in words: "received + carriedOver = resultTotal + carriedForward" */
  equation: z.string().optional(),
  /** the sentence or label text quoted */
  text: z.string().optional(),
  sources: z.array(EvidenceSource),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  /** stable within a result: rule id + what it is about */
  id: z.string(),
  rule: z.string(),
  severity: Severity,
  outcome: Outcome,
  message: Bilingual,
  /** why needs-review, or context */
  note: Bilingual.optional(),
  evidence: Evidence,
});
export type Finding = z.infer<typeof Finding>;

export const RuleTally = z.object({
  rule: z.string(),
  severity: Severity,
  fail: z.number().int().nonnegative(),
  needsReview: z.number().int().nonnegative(),
  pass: z.number().int().nonnegative(),
  notApplicable: z.number().int().nonnegative(),
});
export type RuleTally = z.infer<typeof RuleTally>;

export const SourceInfo = z.object({
  kind: z.enum(['html', 'text', 'pdf', 'docx']),
  uri: z.string().nullable(),
  title: z.string().nullable(),
  /** SHA-256 of the file's bytes; for a live page read by the extension, of its serialised DOM (outerHTML) as read */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  bytes: z.number().int().nonnegative().nullable(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const Summary = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
  needsReview: z.number().int().nonnegative(),
  /** one line for a headline */
  verdict: Bilingual,
});

export const AuditResult = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal(TOOL_NAME), version: z.string() }),
  generatedAt: z.string(),
  source: SourceInfo,
  /** assessed: the report was read and audited; not-assessable: see `reason` */
  status: z.enum(['assessed', 'not-assessable']),
  reason: Bilingual.nullable(),
  report: ReportModel.nullable(),
  findings: z.array(Finding),
  /** per rule: how many places failed, needed review, passed, or did not apply */
  checks: z.array(RuleTally),
  summary: Summary,
  timings: z.object({ extractMs: z.number(), mapMs: z.number(), rulesMs: z.number() }).optional(),
});
export type AuditResult = z.infer<typeof AuditResult>;
