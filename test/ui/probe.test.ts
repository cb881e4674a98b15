// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { firstLook, readPageSignals } from '../../lib/detect';
import { parseSignals, probePage } from '../../ext/probe';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const pages = [
  ...readdirSync(join(FIX, 'html')).map((f) => join('html', f)),
  ...readdirSync(join(FIX, 'e2e')).filter((f) => f.endsWith('.html')).map((f) => join('e2e', f)),
  join('corpus', 'pingtan_2023.html'),
];

/** Run the probe the way executeScript does: from its source text alone, with the page's document. */
function runSerialised(doc: Document): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('document', `return (${probePage.toString()})();`)(doc);
}

describe('the main-world probe (ext/probe.ts)', () => {
  it.each(pages)('%s: reads exactly what lib/detect.ts readPageSignals reads, from its source text alone', (p) => {
    const doc = new JSDOM(readFileSync(join(FIX, p))).window.document;
    const probed = parseSignals(runSerialised(doc));
    expect(probed).toEqual(readPageSignals(doc));
  });

  it('report pages are candidates; the news page is one too (its title names 政务公开), a plain page is not', () => {
    const look = (p: string) => firstLook(parseSignals(runSerialised(new JSDOM(readFileSync(join(FIX, p))).window.document)));
    expect(look('corpus/pingtan_2023.html')).toMatchObject({ candidate: true, strongTitle: true });
    expect(look('html/seed-004.html').candidate).toBe(true);
    expect(look('e2e/news.html')).toMatchObject({ candidate: true, strongTitle: false });
    const plain = new JSDOM('<title>示例市人民政府</title><h1>今日要闻</h1><p>天气晴。</p>').window.document;
    expect(firstLook(parseSignals(runSerialised(plain)))).toMatchObject({ candidate: false, signals: [] });
  });

  it('treats whatever a page returns as untrusted strings', () => {
    expect(parseSignals(null)).toEqual({ articleTitle: '', column: '', title: '', heads: '' });
    expect(parseSignals({ title: { toString: () => 'x' }, heads: 42, column: 'a'.repeat(5000) })).toEqual({
      articleTitle: '',
      column: 'a'.repeat(1000),
      title: '',
      heads: '',
    });
  });
});

describe('the probe as the extension ships it', () => {
  it('uses no helper a bundler could add around inner functions (it runs from its source text in the page)', () => {
    const src = probePage.toString();
    expect(src).not.toMatch(/=>|function\s*\(/); // no inner functions
    expect(src).not.toMatch(/__name|__publicField|_ref/);
  });
});
