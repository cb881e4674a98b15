import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * What runs in the page must stay small: the content script (entrypoints/detector.ts) and the reader injected
 * into report pages (entrypoints/reader.ts) may not load zod, the schemas (lib/model), the rules, the template
 * mapper or webextension-polyfill (wxt/browser): those run in the background. Walks the value imports (not
 * `import type`) of the sources.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');

function valueImports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:([^'"]*?)\s*from\s+)?['"]([^'"]+)['"]/gm;
  for (let m: RegExpExecArray | null; (m = re.exec(src)); ) {
    if (m[1]) continue; // import type / export type
    // `import { type A, type B } from '…'` loads nothing either
    const braces = /^\{([^}]*)\}$/.exec((m[2] ?? '').trim());
    if (braces && braces[1]!.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
    out.push(m[3]!);
  }
  return out;
}

function closure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [resolve(ROOT, entry)];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of valueImports(f)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = join(dirname(f), spec);
      const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && p.match(/\.tsx?$/));
      if (hit) todo.push(hit);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('page bundles', () => {
  for (const entry of ['entrypoints/detector.ts', 'entrypoints/reader.ts']) {
    it(`${entry} loads no zod, schema, rules or polyfill`, () => {
      const { files, packages } = closure(entry);
      expect(packages.filter((p) => p === 'zod' || p.startsWith('zod/') || p === 'wxt/browser')).toEqual([]);
      expect(files.filter((f) => /^lib\/(model|rules|template|narrative)\/|^lib\/audit\.ts$|^ext\/messages\.ts$/.test(f))).toEqual([]);
    });
  }
  it('pdf.js and mammoth are only in the report view (not in the page, not in the service worker)', () => {
    const heavy = (p: string) => p.startsWith('pdfjs-dist') || p.startsWith('mammoth');
    for (const entry of ['entrypoints/detector.ts', 'entrypoints/reader.ts', 'entrypoints/background.ts', 'entrypoints/popup/main.tsx']) {
      expect(closure(entry).packages.filter(heavy), entry).toEqual([]);
    }
    expect(closure('entrypoints/detector.ts').files).toContain('ext/file-links.ts');
    const report = closure('entrypoints/report/main.tsx');
    expect(report.packages).toContain('pdfjs-dist');
    expect(report.files).toContain('lib/extract/pdf.ts');
  });

  it('the reader holds the extractor and the highlighter; the background the audit and zod (the walk sees them)', () => {
    const { files } = closure('entrypoints/reader.ts');
    expect(files).toContain('lib/extract/html.ts');
    expect(files).toContain('ext/highlighter.ts');
    const bg = closure('entrypoints/background.ts');
    expect(bg.files).toContain('lib/audit.ts');
    expect(bg.packages).toContain('zod');
  });
});
