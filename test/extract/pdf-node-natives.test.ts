import { describe, expect, it } from 'vitest';

// Captured before anything loads pdf.js (this file has no static import of it; vitest isolates test files).
const before = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

describe('loading pdf.js in Node (lib/extract/pdf-node.ts)', () => {
  it('leaves Array.prototype.push, JSON.stringify and JSON.parse native (the legacy build forces polyfills over them)', async () => {
    const { nodePdfOptions } = await import('../../lib/extract/pdf-node');
    expect(nodePdfOptions().pdfjs.getDocument).toBeTypeOf('function');
    expect(Array.prototype.push).toBe(before.push);
    expect(JSON.stringify).toBe(before.stringify);
    expect(JSON.parse).toBe(before.parse);
    const a: number[] = [];
    a.push(1, 2);
    expect(JSON.parse(JSON.stringify({ a }))).toEqual({ a: [1, 2] });
  });
});
