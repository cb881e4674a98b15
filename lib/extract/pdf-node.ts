import { restoreNatives } from './pdf-node-natives'; // first: captures the natives before pdf.js loads
import * as pdfjsLegacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontDocument, PdfExtractOptions } from './pdf';

// Node runs pdf.js's worker side in this thread (a "fake worker"), which would import the worker module on the first
// getDocument and force its polyfills over the natives again: hand it the module loaded here instead.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;
restoreNatives();

/**
 * pdf.js inflates a Flate stream (content streams, font files, images, each glyph of a Type 3 font) through the
 * global `DecompressionStream` when there is one, and with its own JavaScript inflate otherwise (also its fallback
 * when that fails, so the bytes are the same; test/extract/pdf-fonts.test.ts compares the extractions). Node's
 * DecompressionStream is web streams over zlib with a thread-pool round trip per stream: ~0.5 ms of overhead each,
 * where pdf.js's inflate of a typical stream takes a few µs. A Chromium PDF has hundreds of small streams
 * (seed-004.chromium.pdf: its extraction goes from ~380 to ~270 ms without it). Nothing else in this process uses it
 * (Node's fetch decodes with zlib directly), so a process that reads PDFs does without: the global is removed, and
 * kept here for `restoreDecompressionStream`.
 */
let nodeDecompressionStream: unknown;
export function hideDecompressionStream(): void {
  const g = globalThis as { DecompressionStream?: unknown };
  if (typeof g.DecompressionStream === 'undefined') return;
  nodeDecompressionStream = g.DecompressionStream;
  delete g.DecompressionStream;
}

/** Put Node's DecompressionStream back (for a caller that needs it; pdf.js is then slower). */
export function restoreDecompressionStream(): void {
  if (nodeDecompressionStream !== undefined) (globalThis as { DecompressionStream?: unknown }).DecompressionStream ??= nodeDecompressionStream;
}
hideDecompressionStream();

/**
 * Options for `extractPdf` in Node (CLI, tests, benchmarks): the legacy build of pdf.js and
 * filesystem paths of its cMaps and standard fonts, resolved from this module (so it works
 * from any working directory). Node must use the legacy build; cMaps are mandatory (without
 * them every string in a non-embedded Chinese font silently disappears).
 *
 * Fonts go over as font files (`fonts: 'face'`) into a sink (`FONT_SINK`, see below) instead of
 * as one compiled path per glyph: the same text and operator lists, half the pdf.js time of a
 * WPS/Word PDF. `nodePdfOptions({ fonts: 'paths' })` gives pdf.js's own Node default.
 */
export function nodePdfOptions(extra: Partial<Omit<PdfExtractOptions, 'pdfjs' | 'cMapUrl' | 'standardFontDataUrl'>> = {}): PdfExtractOptions {
  const root = pdfjsRoot();
  const opts: PdfExtractOptions = {
    pdfjs: pdfjsLegacy as unknown as PdfExtractOptions['pdfjs'],
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    fonts: 'face',
    ownerDocument: FONT_SINK,
    ...extra,
  };
  if (opts.fonts === 'face' && opts.ownerDocument === FONT_SINK) installFontFaceShim();
  return opts;
}

/**
 * Where pdf.js registers fonts in Node: nowhere. Nothing is drawn in Node, so a font file is only
 * needed as far as the worker reads it (text, widths, ToUnicode), which it does the same in both
 * modes.
 *
 * Why not pdf.js's Node default (`disableFontFace: true`): the worker then compiles the outline of
 * every glyph shown into a path (`buildFontPaths`: a TrueType glyph table parsed, every contour
 * converted) and posts each path through the in-thread message port, a structured clone per glyph —
 * about a third of the time of a WPS report. With `disableFontFace: false` and no document pdf.js
 * cannot register the font, asks the worker for the paths after all (`FontFallback`) and costs as
 * much. With a document without `fonts` it takes the CSS path instead and base64-encodes every font
 * file into an `@font-face` rule (1.7 MB of text for hongze_2024.pdf, ~40 ms).
 *
 * So: a document whose `fonts` (FontFaceSet) accepts and drops what it is given, and — only where
 * the runtime has none, as Node has not — a global `FontFace` that pdf.js can construct
 * (`new FontFace(family, data, descriptors)`) and await (`.loaded`). Nothing else reads either:
 * pdf.js looks `FontFace` up only when it registers a font with a document that has `fonts`.
 */
export const FONT_SINK: FontDocument = Object.freeze({ fonts: Object.freeze({ add: () => undefined, delete: () => false }) });

class NodeFontFace {
  readonly family: string;
  readonly status = 'loaded';
  readonly loaded: Promise<NodeFontFace>;
  constructor(family: string) {
    this.family = family;
    this.loaded = Promise.resolve(this);
  }
  load(): Promise<NodeFontFace> {
    return this.loaded;
  }
}

function installFontFaceShim(): void {
  const g = globalThis as { FontFace?: unknown };
  if (typeof g.FontFace === 'undefined') Object.defineProperty(globalThis, 'FontFace', { value: NodeFontFace, writable: true, configurable: true, enumerable: false });
}

let cachedRoot: string | undefined;

/** The pdfjs-dist package directory. */
export function pdfjsRoot(): string {
  if (!cachedRoot) {
    const require = createRequire(import.meta.url);
    cachedRoot = dirname(require.resolve('pdfjs-dist/package.json'));
  }
  return cachedRoot;
}
