import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractPdf, type PdfExtraction } from '../../lib/extract/pdf';
import { FONT_SINK, hideDecompressionStream, nodePdfOptions, restoreDecompressionStream } from '../../lib/extract/pdf-node';

// extractPdf's two font modes (PdfExtractOptions.fonts): Node uses 'face' (fonts go over as files into a sink) for
// speed; 'paths' is pdf.js's own Node default (one compiled path per glyph). What pdf.js reads — text, widths,
// positions, rulings — must not depend on it. Nor on how Flate streams are inflated (./pdf-node.ts hides Node's
// DecompressionStream from pdf.js).

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
const FILES = ['corpus/hongze_2024.pdf', 'pdf/seed-004.chromium.pdf'];

/** the extraction without its run time */
const stable = (x: PdfExtraction) => ({ ...x, debug: { ...x.debug, ms: 0 } });

describe('PDF font modes (fonts: face | paths)', () => {
  it('nodePdfOptions uses face mode with the sink, and pdf.js can construct a FontFace', () => {
    const o = nodePdfOptions();
    expect(o.fonts).toBe('face');
    expect(o.ownerDocument).toBe(FONT_SINK);
    expect(typeof (globalThis as { FontFace?: unknown }).FontFace).toBe('function');
    expect(nodePdfOptions({ fonts: 'paths' }).fonts).toBe('paths');
  });

  it('face mode: the worker posts font files and no glyph paths, and is never asked to fall back to paths', async () => {
    // pdf.js's fake worker posts through a structured clone: count the font objects it posts
    const clone = globalThis.structuredClone;
    const posted = (fonts: 'face' | 'paths') => {
      const n: Record<string, number> = {};
      globalThis.structuredClone = ((v: { action?: string; data?: unknown[] }, o?: StructuredSerializeOptions) => {
        const kind = v?.action === 'commonobj' && Array.isArray(v.data) ? String(v.data[1]) : v?.action;
        if (kind === 'Font' || kind === 'FontPath' || kind === 'FontFallback') n[kind] = (n[kind] ?? 0) + 1;
        return clone(v, o);
      }) as typeof structuredClone;
      return extractPdf(fixture('corpus/hongze_2024.pdf'), nodePdfOptions({ fonts })).then(() => n).finally(() => { globalThis.structuredClone = clone; });
    };
    const face = await posted('face');
    expect(face['Font']).toBeGreaterThan(0);
    expect(face['FontPath']).toBeUndefined();
    expect(face['FontFallback']).toBeUndefined();
    expect((await posted('paths'))['FontPath']).toBeGreaterThan(0);
  });

  for (const file of FILES) {
    it(`${file}: the same blocks, grids, hints, warnings and debug layer in both modes`, async () => {
      const data = fixture(file);
      const face = await extractPdf(data, nodePdfOptions({ fonts: 'face' }));
      const paths = await extractPdf(data, nodePdfOptions({ fonts: 'paths' }));
      expect(face.unreadable).toBeUndefined();
      expect(face.grids.length).toBeGreaterThan(0);
      expect(face.content.some((c) => c.type === 'block')).toBe(true);
      expect(stable(face)).toEqual(stable(paths));
    });
  }

  it("pdf.js's own inflate (Node's DecompressionStream hidden) gives the same extractions as Node's", async () => {
    expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe('undefined');
    for (const file of FILES) {
      const data = fixture(file);
      const own = await extractPdf(data, nodePdfOptions());
      restoreDecompressionStream();
      try {
        expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe('function');
        const node = await extractPdf(data, nodePdfOptions());
        expect(stable(own)).toEqual(stable(node));
      } finally {
        hideDecompressionStream();
      }
    }
  });

  it('hongze_2024.pdf: pdf.js gives the same text content and operator lists in both modes', async () => {
    const read = async (fonts: 'face' | 'paths') => {
      const o = nodePdfOptions({ fonts });
      const task = o.pdfjs.getDocument({
        data: fixture('corpus/hongze_2024.pdf'),
        cMapUrl: o.cMapUrl,
        cMapPacked: true,
        standardFontDataUrl: o.standardFontDataUrl,
        isEvalSupported: false,
        useSystemFonts: false,
        disableFontFace: fonts !== 'face',
        ...(fonts === 'face' ? { ownerDocument: o.ownerDocument as unknown as HTMLDocument } : {}),
        verbosity: 0,
      });
      try {
        const doc = await task.promise;
        const pages = [];
        for (let p = 1; p <= doc.numPages; p++) {
          const page = await doc.getPage(p);
          const tc = await page.getTextContent();
          const ol = await page.getOperatorList({ annotationMode: o.pdfjs.AnnotationMode.DISABLE });
          // font resource names (loadedName) are per document and per load order: compare the rest
          const items = tc.items.map((i) => ('str' in i ? { str: i.str, transform: i.transform, width: i.width, height: i.height, dir: i.dir, hasEOL: i.hasEOL } : i));
          pages.push({ items, fn: Array.from(ol.fnArray), args: JSON.stringify(ol.argsArray, (_k, v) => (typeof v === 'string' && /^g_d\d+_f\d+$/.test(v) ? 'font' : v)) });
          page.cleanup();
        }
        return pages;
      } finally {
        await task.destroy();
      }
    };
    const face = await read('face');
    const paths = await read('paths');
    expect(face.length).toBe(5);
    expect(face).toEqual(paths);
  });
});
