import { z } from 'zod';
import { SourceRef } from '../source/ref';

/**
 * The report model: the report mapped onto the official template (report-format.md).
 * Cells are keyed by their stable full key (`applications.received.total`); keys are part of
 * the public export format.
 */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

export const CellEntry = z.object({
  /** the number, or null for blank (report-format.md §7) and for text that is not a number */
  value: z.number().nullable(),
  /** the cell's text as found */
  raw: z.string(),
  source: SourceRef.nullable(),
  /** blank | number | text (not a number: reported by cell-invalid) */
  kind: z.enum(['blank', 'number', 'text']),
});
export type CellEntry = z.infer<typeof CellEntry>;

export const TemplateVersion = z.enum(['2019', '2021']);
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const IssuerKind = z.enum(['department', 'government', 'township', 'unknown']);
export type IssuerKind = z.infer<typeof IssuerKind>;

export const Publication = z.object({
  date: z.string().nullable(),
  raw: z.string().nullable(),
  /** where the date was read: page metadata, a 发布时间 line, the signature at the end, PDF metadata */
  from: z.enum(['meta', 'page', 'signature', 'pdf-metadata']).nullable(),
  confidence: z.enum(['high', 'low']).nullable(),
  source: SourceRef.nullable(),
});

export const ReportMeta = z.object({
  title: z.string().nullable(),
  titleSource: SourceRef.nullable(),
  /** the issuing body as named in the title ("湛河区住建局") */
  body: z.string().nullable(),
  /** the report year (the statistics year), from the title */
  year: z.number().int().nullable(),
  /** years named in "Y年1月1日至12月31日" statements */
  periodYears: z.array(z.number().int()),
  issuerKind: IssuerKind,
  /** why the issuer kind was chosen, for the deadline's evidence */
  issuerReason: z.string(),
  templateVersion: TemplateVersion.nullable(),
  publication: Publication,
  /** YYYY-MM-DD, or null when the issuer kind has no fixed deadline / year unknown */
  deadline: z.string().nullable(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const SectionEntry = z.object({
  number: z.number().int().min(1).max(6),
  canonical: z.string(),
  found: z.boolean(),
  heading: z.string().nullable(),
  source: SourceRef.nullable(),
  /** the prose of the section (tables excluded), for section-empty and narrative rules */
  text: z.string(),
  /** every place a heading for this section was found (a section appearing twice) */
  occurrences: z.number().int().nonnegative(),
  /** order of first appearance among found sections (0-based), null when absent */
  position: z.number().int().nullable(),
});
export type SectionEntry = z.infer<typeof SectionEntry>;

export const TableId = z.enum(['active', 'applications', 'reviews']);
export type TableId = z.infer<typeof TableId>;

export const TableEntry = z.object({
  id: TableId,
  found: z.boolean(),
  /** index of the grid in the extraction, when found */
  grid: z.number().int().nullable(),
  source: SourceRef.nullable(),
  /** 0..1; arithmetic failures on a low-confidence table become needs-review */
  confidence: z.number(),
  /** '2019' when the table shows 2019-format rows/columns */
  layout: TemplateVersion.nullable(),
  /** template rows/columns that were not found (keys without the table prefix) */
  missing: z.array(z.string()),
});
export type TableEntry = z.infer<typeof TableEntry>;

export const Deviation = z.object({
  kind: z.enum(['label-variant', 'heading-variant', 'template-outdated', 'unmatched-row']),
  /** the row/column/section key the label belongs to ("applications.col.publicInterest", "section.1") */
  key: z.string(),
  canonical: z.string(),
  found: z.string(),
  source: SourceRef.nullable(),
  note: z.string().optional(),
});
export type Deviation = z.infer<typeof Deviation>;

export const Statement = z.object({
  /** what the sentence speaks of: see narrative/claims.ts */
  topic: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  /** the whole sentence */
  sentence: z.string(),
  /** the matched phrase */
  phrase: z.string(),
  section: z.number().int().nullable(),
  source: SourceRef,
  parts: z.array(z.object({ label: z.string(), value: z.number(), phrase: z.string() })).optional(),
  /** the subject speaks of a part of the issuer (区政府办, 本机关) rather than the whole */
  scope: z.enum(['whole', 'part', 'unknown']).optional(),
});
export type Statement = z.infer<typeof Statement>;

export const ReportModel = z.object({
  meta: ReportMeta,
  sections: z.array(SectionEntry),
  tables: z.array(TableEntry),
  /** every template cell found, by full key */
  cells: z.record(z.string(), CellEntry),
  deviations: z.array(Deviation),
  /** numeric statements found in the prose */
  statements: z.array(Statement),
  /** the whole prose in order, for text rules */
  detected: z.object({
    /** how sure we are that this is an annual report at all (0..1) and why */
    score: z.number(),
    signals: z.array(z.string()),
  }),
});
export type ReportModel = z.infer<typeof ReportModel>;
