import type { SourceRef } from '../lib/source/ref';
import type { EvidenceSource, Finding, Severity } from '../lib/model/result';

/**
 * What the highlighter draws: one item per evidence source of a finding. Built by the popup from the tab's result
 * (the page keeps no result: the audit runs in the background) and sent with content:highlight; checked in the
 * page by ext/guards.ts. No DOM and no zod here, so that both the popup and the page can import it.
 */
export interface HighlightItem {
  ref: SourceRef;
  role: EvidenceSource['role'];
  key?: string;
  /**
   * The text the source had when the page was read (a cell's raw text). The highlighter outlines an element only
   * if its text still holds this (whitespace aside): a selector that no longer finds the same cell — the page
   * changed since, or its markup did not survive serialising — shows as "not found", never as the wrong cell.
   */
  expect?: string;
  findingId: string;
  rule: string;
  severity: Severity;
  review: boolean;
  /** text of the label drawn on the first box of a finding (empty: no label) */
  label: string;
}

/**
 * The highlight items of some findings: every source of each, labelled with the rule on the first. `cells` (the
 * result's report.cells) gives each cell source the text it is expected to hold.
 */
export function itemsFor(findings: Finding[], label: (f: Finding) => string, cells?: Record<string, { raw: string }>): HighlightItem[] {
  const out: HighlightItem[] = [];
  for (const f of findings) {
    f.evidence.sources.forEach((s) => {
      const raw = s.key && s.ref.kind === 'html' ? cells?.[s.key]?.raw : undefined;
      out.push({
        ref: s.ref,
        role: s.role,
        ...(s.key ? { key: s.key } : {}),
        ...(raw !== undefined && raw.length <= 2000 ? { expect: raw } : {}),
        findingId: f.id,
        rule: f.rule,
        severity: f.severity,
        review: f.outcome === 'needs-review',
        label: label(f),
      });
    });
  }
  return out;
}

/** The label of a finding's boxes: its rule, and "needs review" when it is one. */
export function labelFor(f: Finding, lang: 'zh' | 'en'): string {
  const review = f.outcome === 'needs-review' ? (lang === 'zh' ? ' · 需复核' : ' · review') : '';
  return `${f.rule}${review}`;
}
