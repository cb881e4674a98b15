import { z } from 'zod';
import { SourceRef } from '../source/ref';

/**
 * The extraction boundary: every extractor (HTML DOM, plain text, PDF, DOCX via HTML)
 * produces this same shape, and the template mapper consumes only this.
 *
 * A grid is a table with row/column spans resolved: `cells` holds each origin cell once,
 * `slots[r][c]` is the index into `cells` of the cell that covers slot (r, c), or -1 where
 * no cell covers it (ragged rows). Like axe-core's table grid, every covered slot knows
 * its origin cell.
 */
export const GridCell = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** text exactly as found (textContent, PDF text, text field) */
  raw: z.string(),
  /** normalised text: see normalize/text.ts `normalizeCellText` */
  text: z.string(),
  source: SourceRef,
});
export type GridCell = z.infer<typeof GridCell>;

export const Grid = z.object({
  /** 0-based index among the grids of this extraction */
  index: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  cells: z.array(GridCell),
  slots: z.array(z.array(z.number().int())),
  /**
   * positional: column positions are reliable (HTML tables, ruled PDF tables).
   * ragged: rows lost their merged cells (plain text copied from a page), so values are
   * aligned from the row's own label instead of by column position.
   */
  layout: z.enum(['positional', 'ragged']),
  source: SourceRef,
  /** 0..1; below 1 when the extractor had to guess (PDF without rulings, for instance) */
  confidence: z.number().min(0).max(1),
});
export type Grid = z.infer<typeof Grid>;

export const TextBlock = z.object({
  /** the block's text as found; offsets in SourceRef.start/end index into this string */
  text: z.string(),
  source: SourceRef,
  /** a heading-like element (h1-h6, bold short paragraph) as marked up by the source */
  headingHint: z.boolean().optional(),
});
export type TextBlock = z.infer<typeof TextBlock>;

export const ContentItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('block'), block: TextBlock }),
  z.object({ type: z.literal('grid'), grid: z.number().int().nonnegative() }),
]);
export type ContentItem = z.infer<typeof ContentItem>;

export const DateHint = z.object({
  /** ISO date YYYY-MM-DD */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  raw: z.string(),
  /** meta: <meta name="PubDate">…; page: 发布时间 line in the page chrome; pdf-metadata: CreationDate */
  from: z.enum(['meta', 'page', 'pdf-metadata']),
  source: SourceRef.optional(),
});
export type DateHint = z.infer<typeof DateHint>;

export const Extraction = z.object({
  sourceKind: z.enum(['html', 'text', 'pdf', 'docx']),
  /** prose blocks and tables, in reading order */
  content: z.array(ContentItem),
  grids: z.array(Grid),
  /** document-level hints found outside the article body */
  hints: z.object({
    /** <meta name="ArticleTitle">, a PDF's Title, …  */
    title: z.string().optional(),
    titleSource: SourceRef.optional(),
    /** the document's own title (<title>, file name) */
    documentTitle: z.string().optional(),
    /** meta tags by name (HTML) or document info entries (PDF) */
    meta: z.record(z.string(), z.string()),
    dates: z.array(DateHint),
    /** pictures inside the article (a table as an image makes tables not assessable) */
    images: z.number().int().nonnegative(),
  }),
  /** things the extractor noticed that limit what can be assessed */
  warnings: z.array(z.string()),
  /** set when nothing usable could be read; the reason is shown to the user */
  unreadable: z.object({ zh: z.string(), en: z.string() }).optional(),
});
export type Extraction = z.infer<typeof Extraction>;

/** Prose blocks only, in order. */
export function blocksOf(x: Extraction): TextBlock[] {
  const out: TextBlock[] = [];
  for (const item of x.content) if (item.type === 'block') out.push(item.block);
  return out;
}
