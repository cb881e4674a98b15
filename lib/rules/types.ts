import type { Bilingual, ReportModel } from '../model/report';
import type { Evidence, Severity } from '../model/result';

export type RuleCategory = 'structure' | 'cells' | 'arithmetic' | 'narrative' | 'dates' | 'extraction';

/** A rule's metadata: the data half of a rule (axe-core style). */
export interface RuleMeta {
  /** stable kebab-case id, as in ../shared/spec/rules.md */
  id: string;
  severity: Severity;
  category: RuleCategory;
  /** one line: what the rule checks */
  title: Bilingual;
  /** a paragraph for the docs: what, why, and what makes it needs-review instead of fail */
  doc: Bilingual;
}

/** What one application of a check found. `subject` names the place (a key, a row, a section). */
export type CheckResult =
  | { outcome: 'pass' | 'not-applicable'; subject: string }
  | {
      outcome: 'fail' | 'needs-review';
      subject: string;
      message: Bilingual;
      note?: Bilingual;
      evidence: Evidence;
    };

export interface RuleContext {
  model: ReportModel;
}

export interface Rule {
  meta: RuleMeta;
  /** a small pure function of the report model */
  check(ctx: RuleContext): CheckResult[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
