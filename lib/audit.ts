import type { Extraction } from './extract/types';
import { Extraction as ExtractionSchema } from './extract/types';
import { extractText } from './extract/text';
import { extractHtml } from './extract/html';
import { mapReport } from './template/map';
import { RULES } from './rules';
import type { CheckResult } from './rules/types';
import {
  AuditResult, SCHEMA_VERSION, TOOL_NAME, type Finding, type RuleTally, type Severity, type SourceInfo,
} from './model/result';
import type { Bilingual, ReportModel } from './model/report';
import { sha256Hex } from './source/sha256';
import { TOOL_VERSION } from './version';

export interface AuditOptions {
  uri?: string | null;
  title?: string | null;
  /** size of the original bytes, when known */
  bytes?: number | null;
  /** hash of the original bytes, when known (otherwise the hash of the text read) */
  sha256?: string | null;
  /** for reproducible output in tests */
  now?: Date;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_ORDER = new Map(RULES.map((r, i) => [r.meta.id, i]));
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Plain text → audit result. */
export function auditText(text: string, opts: AuditOptions = {}): AuditResult {
  const t0 = now();
  return guarded(sourceInfo('text', opts, text), opts, () => {
    const x = extractText(text);
    return auditExtraction(x, sourceInfo('text', opts, text), opts, now() - t0);
  });
}

/** An HTML Document (the live page in the content script, or jsdom in Node) → audit result. */
export function auditDocument(doc: Document, opts: AuditOptions = {}): AuditResult {
  const t0 = now();
  // hash the serialised page once (the bytes are not available for a live DOM)
  const info = sourceInfo('html', { ...opts, title: opts.title ?? doc.title ?? null }, opts.sha256 ? '' : doc.documentElement?.outerHTML ?? '');
  return guarded(info, opts, () => {
    const x = extractHtml(doc, { uri: opts.uri ?? undefined });
    return auditExtraction(x, info, opts, now() - t0);
  });
}

/**
 * The pipeline after extraction: validate the extraction, map it onto the template, run every
 * rule, collect findings and tallies. Never throws.
 */
export function auditExtraction(x: Extraction, source: SourceInfo, opts: AuditOptions = {}, extractMs = 0): AuditResult {
  return guarded(source, opts, () => {
    const parsed = ExtractionSchema.safeParse(x);
    if (!parsed.success) {
      return notAssessableResult(source, { zh: '提取结果不完整，无法核查。', en: 'The extracted content is malformed, so it cannot be audited.' }, opts);
    }
    if (x.unreadable) return notAssessableResult(source, x.unreadable, opts);
    const t1 = now();
    const model = mapReport(x);
    const t2 = now();
    const isReport = model.sections.filter((s) => s.found).length >= 2 || model.tables.some((t) => t.found);
    if (!isReport) {
      return notAssessableResult(
        source,
        { zh: '这不像是政府信息公开工作年度报告：没有找到报告的章节或统计表。', en: 'This does not look like an annual information-disclosure report: none of its sections or tables were found.' },
        opts,
        model,
      );
    }
    const { findings, checks } = runRules(model);
    const t3 = now();
    const notAssessable = findings.some((f) => f.rule === 'not-assessable');
    const result: AuditResult = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      generatedAt: (opts.now ?? new Date()).toISOString(),
      source,
      status: notAssessable ? 'not-assessable' : 'assessed',
      reason: notAssessable ? findings.find((f) => f.rule === 'not-assessable')!.message : null,
      report: model,
      findings,
      checks,
      summary: summarize(findings, notAssessable ? findings.find((f) => f.rule === 'not-assessable')!.message : null),
      timings: { extractMs: round(extractMs), mapMs: round(t2 - t1), rulesMs: round(t3 - t2) },
    };
    return result;
  });
}

export function runRules(model: ReportModel): { findings: Finding[]; checks: RuleTally[] } {
  const findings: Finding[] = [];
  const checks: RuleTally[] = [];
  for (const rule of RULES) {
    const tally: RuleTally = { rule: rule.meta.id, severity: rule.meta.severity, fail: 0, needsReview: 0, pass: 0, notApplicable: 0 };
    let results: CheckResult[];
    try {
      results = rule.check({ model });
    } catch {
      // a rule that cannot run on this report says nothing about the report
      results = [{ outcome: 'not-applicable', subject: 'error' }];
    }
    for (const r of results) {
      if (!isFindingResult(r)) {
        if (r.outcome === 'pass') tally.pass++; else tally.notApplicable++;
        continue;
      }
      // a fail without evidence is not allowed: downgrade it
      const hasEvidence = r.evidence.sources.length > 0 || !!r.evidence.text || r.evidence.keys.length > 0;
      const outcome = r.outcome === 'fail' && !hasEvidence ? 'needs-review' : r.outcome;
      if (outcome === 'fail') tally.fail++; else tally.needsReview++;
      findings.push({
        id: `${rule.meta.id}:${r.subject}`,
        rule: rule.meta.id,
        severity: rule.meta.severity,
        outcome,
        message: r.message,
        ...(r.note ? { note: r.note } : {}),
        evidence: r.evidence,
      });
    }
    checks.push(tally);
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.outcome === b.outcome ? 0 : a.outcome === 'fail' ? -1 : 1) ||
      RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!,
  );
  return { findings, checks };
}

type FindingResult = Extract<CheckResult, { evidence: unknown }>;
function isFindingResult(r: CheckResult): r is FindingResult {
  return r.outcome === 'fail' || r.outcome === 'needs-review';
}

function summarize(findings: Finding[], reason: Bilingual | null): AuditResult['summary'] {
  const fails = findings.filter((f) => f.outcome === 'fail');
  const errors = fails.filter((f) => f.severity === 'error').length;
  const warnings = fails.filter((f) => f.severity === 'warning').length;
  const infos = fails.filter((f) => f.severity === 'info').length;
  const needsReview = findings.filter((f) => f.outcome === 'needs-review').length;
  let verdict: Bilingual;
  if (reason) verdict = { zh: `无法核查：${reason.zh}`, en: `Not assessable: ${reason.en}` };
  else if (!errors && !warnings && !needsReview) {
    verdict = { zh: infos ? `未发现错误或警告（${infos} 条提示）。` : '未发现问题。', en: infos ? `No errors or warnings (${infos} notes).` : 'No problems found.' };
  } else {
    const zh: string[] = [], en: string[] = [];
    if (errors) { zh.push(`${errors} 个错误`); en.push(`${errors} error${errors > 1 ? 's' : ''}`); }
    if (warnings) { zh.push(`${warnings} 个警告`); en.push(`${warnings} warning${warnings > 1 ? 's' : ''}`); }
    if (needsReview) { zh.push(`${needsReview} 处需复核`); en.push(`${needsReview} to review`); }
    if (infos) { zh.push(`${infos} 条提示`); en.push(`${infos} note${infos > 1 ? 's' : ''}`); }
    verdict = { zh: `发现${zh.join('、')}。`, en: `Found ${en.join(', ')}.` };
  }
  return { errors, warnings, infos, needsReview, verdict };
}

/** A result for a source that could not be audited (unreadable, not a report, internal failure). */
export function notAssessableResult(source: SourceInfo, reason: Bilingual, opts: AuditOptions = {}, model: ReportModel | null = null): AuditResult {
  const finding: Finding = {
    id: 'not-assessable:source',
    rule: 'not-assessable',
    severity: 'info',
    outcome: 'fail',
    message: reason,
    evidence: { keys: [], text: reason.en, sources: [] },
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    source,
    status: 'not-assessable',
    reason,
    report: model,
    findings: [finding],
    checks: RULES.map((r) => ({
      rule: r.meta.id, severity: r.meta.severity, fail: r.meta.id === 'not-assessable' ? 1 : 0, needsReview: 0, pass: 0, notApplicable: r.meta.id === 'not-assessable' ? 0 : 1,
    })),
    summary: summarize([finding], reason),
  };
}

function guarded(source: SourceInfo, opts: AuditOptions, run: () => AuditResult): AuditResult {
  try {
    return run();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return notAssessableResult(source, { zh: `读取时出错，无法核查（${msg}）。`, en: `Reading failed, so the source cannot be audited (${msg}).` }, opts);
  }
}

export function sourceInfo(kind: SourceInfo['kind'], opts: AuditOptions, content: string | Uint8Array): SourceInfo {
  return {
    kind,
    uri: opts.uri ?? null,
    title: opts.title ?? null,
    sha256: opts.sha256 ?? sha256Hex(content),
    bytes: opts.bytes ?? (typeof content === 'string' ? null : content.length),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Validate a result against the export schema (the CLI and the extension call this before writing). */
export function validateResult(r: unknown): AuditResult {
  return AuditResult.parse(r);
}
