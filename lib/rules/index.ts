import type { Rule } from './types';
import sectionMissing from './section-missing';
import sectionEmpty from './section-empty';
import sectionOrder from './section-order';
import headingVariant from './heading-variant';
import tableMissing from './table-missing';
import rowMissing from './row-missing';
import templateOutdated from './template-outdated';
import labelVariant from './label-variant';
import cellBlank from './cell-blank';
import cellInvalid from './cell-invalid';
import applicationsBalance from './applications-balance';
import applicationsResultSum from './applications-result-sum';
import applicationsRowSum from './applications-row-sum';
import reviewsSum from './reviews-sum';
import carriedForwardBound from './carried-forward-bound';
import narrativeContradiction from './narrative-contradiction';
import breakdownSum from './breakdown-sum';
import feeStatementMissing from './fee-statement-missing';
import publishedLate from './published-late';
import dateUnknown from './date-unknown';
import yearMismatch from './year-mismatch';
import notAssessable from './not-assessable';

/** Every rule, in the order of ../shared/spec/rules.md. The three across-years rules come later. */
export const RULES: readonly Rule[] = [
  sectionMissing, sectionEmpty, sectionOrder, headingVariant, tableMissing, rowMissing, templateOutdated, labelVariant,
  cellBlank, cellInvalid,
  applicationsBalance, applicationsResultSum, applicationsRowSum, reviewsSum, carriedForwardBound,
  narrativeContradiction, breakdownSum, feeStatementMissing,
  publishedLate, dateUnknown, yearMismatch,
  notAssessable,
];

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
export type { Rule, RuleMeta, CheckResult } from './types';
