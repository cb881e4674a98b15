import * as pdfjs from 'pdfjs-dist';
import { browser } from 'wxt/browser';

/**
 * pdf.js in the extension's report view: the modern build, with its real worker and data files shipped inside
 * the extension under /pdfjs/ (copied there by the build:publicAssets hook of wxt.config.ts). No remote code, no
 * eval (isEvalSupported: false, as the MV3 content security policy requires). Only extension pages import this
 * module (never the content script or the service worker).
 */
export type Pdfjs = typeof pdfjs;

const url = (path: string): string => (browser.runtime.getURL as (p: string) => string)(`/pdfjs/${path}`);

let ready = false;

export function loadPdfjs(): Pdfjs {
  if (!ready) {
    pdfjs.GlobalWorkerOptions.workerSrc = url('pdf.worker.min.mjs');
    ready = true;
  }
  return pdfjs;
}

/** The data directories, with a trailing slash (what extractPdf and getDocument take). */
export function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string; iccUrl: string; wasmUrl: string } {
  return { cMapUrl: url('cmaps/'), standardFontDataUrl: url('standard_fonts/'), iccUrl: url('iccs/'), wasmUrl: url('wasm/') };
}
