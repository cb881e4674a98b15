// @vitest-environment jsdom
/** @jsxImportSource preact */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { auditDocument } from '../../lib/audit';
import { RULES } from '../../lib/rules';
import { AuditResult } from '../../lib/model/result';
import { PopupView } from '../../components/PopupView';
import { exportFileName, resultCsv, resultJson, summaryMarkdown } from '../../ext/export';
import { Highlighter, HIGHLIGHT_NAME, OVERLAY_TAG, itemsFor } from '../../ext/highlighter';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const TITLES = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.title]));

/** The page parsed into this jsdom window's own document, as the content script sees the live page. */
function loadPage(...p: string[]): Document {
  const html = readFileSync(join(FIX, ...p), 'utf8');
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^<!DOCTYPE[^>]*>/i, '').replace(/^\s*<html[^>]*>|<\/html>\s*$/gi, '');
  return doc;
}

let page: Document;
let result: AuditResult;
beforeAll(() => {
  page = loadPage('e2e', 'pingtan_2023_errors.html');
  result = auditDocument(page, { uri: 'http://www.example.gov.cn/e2e/pingtan_2023_errors.html', now: new Date('2026-11-22T08:00:00Z') });
});

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('the popup with a result of the engine (pingtan_2023_errors.html: received.total 81 → 91)', () => {
  it('is a valid AuditResult with the expected rules', () => {
    expect(() => AuditResult.parse(result)).not.toThrow();
    expect([...new Set(result.findings.map((f) => f.rule))].sort()).toEqual(['applications-balance', 'applications-row-sum', 'narrative-contradiction']);
  });

  it('renders identity, verdict, every finding with its numbers and keys, and the passed checks', () => {
    root = document.createElement('div');
    document.body.appendChild(root);
    act(() =>
      render(
        <PopupView
          lang="zh"
          model={{ kind: 'result', result }}
          severities={{ error: true, warning: true, info: true }}
          ruleTitles={TITLES}
          onAudit={() => undefined}
          onHighlight={async () => ({ shown: 1, missing: 0 })}
          onClear={() => undefined}
          onExport={async () => undefined}
        />,
        root!,
      ),
    );
    const q = (s: string) => root!.querySelector(s) as HTMLElement;
    expect(q('[data-field="body"]').textContent).toBe('平潭综合实验区');
    expect(q('[data-field="year"]').textContent).toBe('2023');
    expect(q('[data-field="template"]').textContent).toBe('2021 年版');
    expect(q('[data-timeliness]').dataset.timeliness).toBe('on-time');
    expect(q('[data-field="verdict"]').textContent).toBe(result.summary.verdict.zh);
    expect(root!.querySelectorAll('.finding')).toHaveLength(result.findings.length);
    const rowSum = q('.finding[data-rule="applications-row-sum"]');
    expect(rowSum.querySelector('[data-field="expected"]')!.textContent).toBe('81');
    expect(rowSum.querySelector('[data-field="actual"]')!.textContent).toBe('91');
    expect(rowSum.textContent).toContain('total=91');
    expect(q('.rule-group[data-rule="applications-row-sum"] h4').textContent).toContain(TITLES['applications-row-sum']!.zh);
    const passed = [...root!.querySelectorAll('details.checks li')].map((l) => (l as HTMLElement).dataset.rule);
    expect(passed).toContain('reviews-sum');
    expect(passed).not.toContain('applications-row-sum');
  });
});

describe('exports', () => {
  it('names files by body, year and date', () => {
    expect(exportFileName(result, 'json', new Date(2026, 10, 22))).toBe('nianbao-audit_平潭综合实验区_2023_2026-11-22.json');
    const odd = structuredClone(result);
    odd.report!.meta.body = '../湛河区 住建局:*?';
    odd.report!.meta.year = null;
    expect(exportFileName(odd, 'csv', new Date(2026, 0, 5))).toBe('nianbao-audit_湛河区住建局_unknown_2026-01-05.csv');
  });

  it('JSON validates (and refuses what does not), CSV has one row per finding', () => {
    expect(AuditResult.parse(JSON.parse(resultJson(result)))).toEqual(result);
    expect(() => resultJson({ ...result, schemaVersion: '0.0.0' })).toThrow();
    const lines = resultCsv(result).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(result.findings.length + 1);
  });

  it('the Markdown summary names the report, the verdict and each finding', () => {
    const md = summaryMarkdown(result, 'zh');
    expect(md).toContain('## 年报核查结果: 平潭综合实验区2023年度政府信息公开工作年度报告');
    expect(md).toContain(`**结论:** ${result.summary.verdict.zh}`);
    for (const f of result.findings) expect(md).toContain(`\`${f.rule}\``);
    expect(summaryMarkdown(result, 'en')).toContain(`**Verdict:** ${result.summary.verdict.en}`);
  });
});

describe('highlighter (jsdom: no layout, no CSS.highlights)', () => {
  it('draws boxes in a shadow overlay outside <body>, finds the <td> of the total through resolveRef, and clears', () => {
    const before = page.body.innerHTML;
    const h = new Highlighter(page);
    const f = result.findings.find((x) => x.rule === 'applications-row-sum')!;
    const r = h.show(itemsFor([f], (x) => x.rule));
    expect(r).toEqual({ shown: 7, missing: 0 });
    const host = page.documentElement.querySelector(OVERLAY_TAG)!;
    expect(host.parentNode).toBe(page.documentElement);
    const boxes = [...host.shadowRoot!.querySelectorAll<HTMLElement>('.box')];
    expect(boxes.map((b) => b.dataset.role)).toEqual(['total', 'operand', 'operand', 'operand', 'operand', 'operand', 'operand']);
    expect(boxes[0]!.dataset.key).toBe('applications.received.total');
    expect(boxes[0]!.querySelector('.label')!.textContent).toBe('applications-row-sum');
    expect(page.body.innerHTML).toBe(before);
    h.clear();
    expect(page.querySelector(OVERLAY_TAG)).toBeNull();
    expect(page.getElementById('nianbao-audit-highlight-style')).toBeNull();
    expect(HIGHLIGHT_NAME).toBe('nianbao-audit');
  });

  it('falls back to boxes over the range when the Custom Highlight API is missing', () => {
    const h = new Highlighter(page);
    const f = result.findings.find((x) => x.evidence.sources.some((s) => s.role === 'sentence'))!;
    h.show(itemsFor([f], (x) => x.rule));
    const host = page.querySelector(OVERLAY_TAG)!;
    expect(host.shadowRoot!.querySelectorAll('.box[data-role="sentence"]').length).toBeGreaterThan(0);
    expect(host.shadowRoot!.querySelector('.box[data-role="sentence"][data-painted]')).toBeNull();
    h.clear();
  });

  it('outlines a cell only if it still holds the text that was read there; another cell counts as missing', () => {
    const h = new Highlighter(page);
    const f = result.findings.find((x) => x.rule === 'applications-row-sum')!;
    const items = itemsFor([f], (x) => x.rule, result.report!.cells);
    expect(items.every((i) => i.expect !== undefined)).toBe(true);
    expect(h.show(items)).toEqual({ shown: 7, missing: 0 });
    h.clear();
    // the page changed since it was read (or a selector lands elsewhere): the total's cell now holds another number
    const total = items.find((i) => i.role === 'total')!;
    const moved = items.map((i) => (i === total ? { ...i, expect: `${total.expect}9` } : i));
    expect(h.show(moved)).toEqual({ shown: 6, missing: 1 });
    h.clear();
  });

  it('counts sources that are no longer on the page', () => {
    const h = new Highlighter(page);
    const f = structuredClone(result.findings[0]!);
    f.evidence.sources = [{ ref: { kind: 'html', selector: '#gone > td' }, role: 'cell' }];
    expect(h.show(itemsFor([f], (x) => x.rule))).toEqual({ shown: 0, missing: 1 });
    expect(page.querySelector(OVERLAY_TAG)).toBeNull();
  });
});
