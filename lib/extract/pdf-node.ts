import { restoreNatives } from './pdf-node-natives'; // first: captures the natives before pdf.js loads
import * as pdfjsLegacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfExtractOptions } from './pdf';

// Node runs pdf.js's worker side in this thread (a "fake worker"), which would import the worker module on the first
// getDocument and force its polyfills over the natives again: hand it the module loaded here instead.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;
restoreNatives();

/**
 * Options for `extractPdf` in Node (CLI, tests, benchmarks): the legacy build of pdf.js and
 * filesystem paths of its cMaps and standard fonts, resolved from this module (so it works
 * from any working directory). Node must use the legacy build; cMaps are mandatory (without
 * them every string in a non-embedded Chinese font silently disappears).
 */
export function nodePdfOptions(extra: Partial<Omit<PdfExtractOptions, 'pdfjs' | 'cMapUrl' | 'standardFontDataUrl'>> = {}): PdfExtractOptions {
  const root = pdfjsRoot();
  return {
    pdfjs: pdfjsLegacy as unknown as PdfExtractOptions['pdfjs'],
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    ...extra,
  };
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
