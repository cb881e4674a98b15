import type { CellEntry, ReportModel, TableEntry } from '../model/report';
import type { EvidenceSource } from '../model/result';
import type { CheckResult } from './types';

export const cell = (m: ReportModel, key: string): CellEntry | undefined => m.cells[key];

export function table(m: ReportModel, id: TableEntry['id']): TableEntry {
  return m.tables.find((t) => t.id === id)!;
}

/** Evidence sources for cells, with roles for the highlighter. */
export function cellSources(m: ReportModel, keys: string[], role: EvidenceSource['role'] = 'cell'): EvidenceSource[] {
  const out: EvidenceSource[] = [];
  for (const key of keys) {
    const src = m.cells[key]?.source;
    if (src) out.push({ ref: src, role, key });
  }
  return out;
}

export function valuesOf(m: ReportModel, keys: string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of keys) out[k] = m.cells[k]?.value ?? null;
  return out;
}

/** Sum with decimal safety (money columns), rounded to 6 places. */
export function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

export interface Equation {
  subject: string;
  /** left side keys (summed) and right side keys (summed) */
  left: string[];
  right: string[];
  /** words, e.g. "received + carriedOver = resultTotal + carriedForward" */
  words: string;
  wordsZh: string;
  /** which side holds the total(s), for highlighting */
  totalSide: 'left' | 'right';
}

/**
 * Check one equation. Blank or non-numeric operands make it not-applicable (cell-blank and
 * cell-invalid report them). A fail on a low-confidence table becomes needs-review.
 */
export function checkEquation(
  m: ReportModel,
  eq: Equation,
  confidence: number,
  message: (l: number, r: number) => { zh: string; en: string },
): CheckResult {
  const keys = [...eq.left, ...eq.right];
  const entries = keys.map((k) => m.cells[k]);
  if (entries.some((e) => !e || e.value === null)) return { outcome: 'not-applicable', subject: eq.subject };
  const l = sum(eq.left.map((k) => m.cells[k]!.value!));
  const r = sum(eq.right.map((k) => m.cells[k]!.value!));
  if (l === r) return { outcome: 'pass', subject: eq.subject };
  const totals = eq.totalSide === 'left' ? eq.left : eq.right;
  const operands = eq.totalSide === 'left' ? eq.right : eq.left;
  const lowConfidence = confidence < 0.9;
  return {
    outcome: lowConfidence ? 'needs-review' : 'fail',
    subject: eq.subject,
    message: message(l, r),
    ...(lowConfidence
      ? { note: { zh: '表格识别置信度较低，请对照原文核实这些数字。', en: 'The table was read with low confidence: check these numbers against the original.' } }
      : {}),
    evidence: {
      keys,
      values: valuesOf(m, keys),
      expected: eq.totalSide === 'left' ? r : l,
      actual: eq.totalSide === 'left' ? l : r,
      equation: eq.words,
      sources: [...cellSources(m, totals, 'total'), ...cellSources(m, operands, 'operand')],
    },
  };
}
