import { z } from 'zod';

/**
 * Where a piece of the report came from, precisely enough to find it again:
 * the extension highlights with it, the CLI prints it, the JSON export carries it.
 *
 * - html: a CSS selector that finds the element in the same document (`nth-child` path from
 *   the nearest element with an id, or from <html>), plus optional text offsets inside the
 *   element's textContent for a sentence.
 * - text: a 1-based line (and optional last line), an optional 0-based field index for tab
 *   separated cells, and optional character offsets inside the line / block.
 * - pdf: a 1-based page and a box in PDF user-space units, origin top-left
 *   ([x0, y0, x1, y1], y grows downwards, like the rendered page).
 */
export const HtmlRef = z.object({
  kind: z.literal('html'),
  selector: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export const TextRef = z.object({
  kind: z.literal('text'),
  line: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  field: z.number().int().nonnegative().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export const PdfRef = z.object({
  kind: z.literal('pdf'),
  page: z.number().int().positive(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export const SourceRef = z.discriminatedUnion('kind', [HtmlRef, TextRef, PdfRef]);
export type SourceRef = z.infer<typeof SourceRef>;
export type HtmlRef = z.infer<typeof HtmlRef>;
export type TextRef = z.infer<typeof TextRef>;
export type PdfRef = z.infer<typeof PdfRef>;

/** A short human-readable form of a reference, for terminals and CSV. */
export function describeRef(ref: SourceRef | null | undefined): string {
  if (!ref) return '';
  switch (ref.kind) {
    case 'html':
      return ref.start !== undefined ? `${ref.selector} [${ref.start}-${ref.end ?? ref.start}]` : ref.selector;
    case 'text': {
      const lines = ref.endLine && ref.endLine !== ref.line ? `lines ${ref.line}-${ref.endLine}` : `line ${ref.line}`;
      return ref.field !== undefined ? `${lines}, field ${ref.field + 1}` : lines;
    }
    case 'pdf':
      return `page ${ref.page} [${ref.box.map((n) => Math.round(n)).join(', ')}]`;
  }
}

/**
 * A sub-range of a block's reference (a sentence inside a paragraph). Offsets are relative to
 * the block's text; a block that is itself a slice of its element (text beside a <br>) carries
 * its own start, which is added.
 */
export function withRange(ref: SourceRef, start: number, end: number): SourceRef {
  const base = ref.start ?? 0;
  return { ...ref, start: base + start, end: base + end };
}
