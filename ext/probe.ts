import type { PageSignals } from '../lib/detect';

/**
 * The first look at a portal page, run by the background (scripting.executeScript) in the page's MAIN world when
 * the page has loaded. Injecting it creates no isolated world and loads no script file: a page that is not a report
 * pays a few dozen DOM calls, nothing more. Only a candidate (lib/detect.ts `firstLook`: the metadata or the
 * titles speak of 政府信息公开 / 年报 / 年度报告) gets the content script (/detector.js, isolated world), which
 * reads and audits the page.
 *
 * Self-contained on purpose: executeScript serialises the function's source, so it can use nothing from outside its
 * body — not even an inner function, which a bundler may wrap in a naming helper that does not exist in the page. It is the same reading as lib/detect.ts `readPageSignals` (a test keeps them equal).
 *
 * The main world belongs to the page, which could fake what this returns: the worst it can do is have itself read
 * (or not) by the content script, which it controls anyway by its content. Nothing from here is trusted further:
 * the background only tests the strings with regular expressions.
 */
export function probePage(): PageSignals {
  const metas = document.querySelectorAll('meta[name]');
  let articleTitle = '';
  let columnName = '';
  let columnType = '';
  for (let i = 0; i < metas.length; i++) {
    const name = (metas[i]!.getAttribute('name') ?? '').toLowerCase();
    const content = (metas[i]!.getAttribute('content') ?? '').trim();
    if (name === 'articletitle' && !articleTitle) articleTitle = content;
    else if (name === 'columnname' && !columnName) columnName = content;
    else if (name === 'columntype' && !columnType) columnType = content;
  }
  const els = document.querySelectorAll('h1, h2, h3, [class*="title" i], [id*="title" i]');
  let heads = '';
  const n = Math.min(els.length, 24);
  for (let i = 0; i < n; i++) {
    const t = els[i]!.textContent ?? '';
    if (t.length <= 200) heads += t + '\n';
  }
  return { articleTitle, column: `${columnName} ${columnType}`, title: document.title ?? '', heads };
}

/** What came back from the page, made safe to test: strings, bounded; anything else counts as empty. */
export function parseSignals(raw: unknown): PageSignals {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  return {
    articleTitle: str(o.articleTitle, 1000),
    column: str(o.column, 1000),
    title: str(o.title, 1000),
    heads: str(o.heads, 24 * 201),
  };
}
