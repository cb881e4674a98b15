import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Captured before anything loads pdf.js (this file has no static import of it; vitest isolates test files).
const before = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

describe('pdf.js in Node (lib/extract/pdf-node.ts)', () => {
  it('leaves Array.prototype.push, JSON.stringify and JSON.parse native, also after a document was read', async () => {
    // the legacy build (and its worker module, loaded on the first getDocument) force core-js polyfills over them
    const { nodePdfOptions } = await import('../../lib/extract/pdf-node');
    const { extractPdf } = await import('../../lib/extract/pdf');
    const x = await extractPdf(new Uint8Array(readFileSync(new URL('../fixtures/corpus/hongze_2024.pdf', import.meta.url))), nodePdfOptions());
    expect(x.unreadable).toBeUndefined();
    expect(x.grids.length).toBeGreaterThan(0);
    expect(Array.prototype.push).toBe(before.push);
    expect(JSON.stringify).toBe(before.stringify);
    expect(JSON.parse).toBe(before.parse);
    const a: number[] = [];
    a.push(1, 2);
    expect(JSON.parse(JSON.stringify({ a }))).toEqual({ a: [1, 2] });
  });
});
