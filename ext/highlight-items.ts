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
  findingId: string;
  rule: string;
  severity: Severity;
  review: boolean;
  /** text of the label drawn on the first box of a finding (empty: no label) */
  label: string;
}

/** The highlight items of some findings: every source of each, labelled with the rule on the first. */
export function itemsFor(findings: Finding[], label: (f: Finding) => string): HighlightItem[] {
  const out: HighlightItem[] = [];
  for (const f of findings) {
    f.evidence.sources.forEach((s) => {
      out.push({
        ref: s.ref,
        role: s.role,
        ...(s.key ? { key: s.key } : {}),
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
