import { extractHtml } from './html';
import type { Extraction } from './types';

/**
 * Word (.docx) files are converted to HTML by mammoth (in Node: lib/node/audit-file.ts; in the extension's report
 * view: ext/report-load.ts) and read by the HTML extractor. mammoth gives the document's body only: `docxPage` puts it
 * in a page whose article container the extractor recognises, and `extractDocx` reads that page as a Word file.
 */
export function docxPage(mammothHtml: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><div class="TRS_Editor">${mammothHtml}</div></body></html>`;
}

export function extractDocx(doc: Document): Extraction {
  return { ...extractHtml(doc), sourceKind: 'docx' };
}
