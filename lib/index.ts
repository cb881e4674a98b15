/**
 * 年报核查 · Nianbao Audit — the engine's public API.
 *
 *   source → extract (lib/extract) → map onto the template (lib/template) → rules (lib/rules)
 *          → audit result (lib/model/result.ts)
 *
 * Nothing here touches browser-extension APIs: the same calls run in the content script, in
 * extension pages and in Node. PDF support lives in lib/pdf.ts so that pages which never see
 * a PDF do not load pdf.js.
 */
export { auditExtraction, auditText, auditDocument, notAssessableResult, validateResult, sourceInfo } from './audit';
export type { AuditOptions } from './audit';
export { AuditResult, Finding, SCHEMA_VERSION } from './model/result';
export { ReportModel } from './model/report';
export { toCsv, CSV_COLUMNS } from './model/csv';
export { RULES } from './rules';
