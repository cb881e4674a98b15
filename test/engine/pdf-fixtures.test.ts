import { describe, expect, it } from 'vitest';
import { auditInput } from '../../lib/node/audit-file';
import { auditBytesSync } from '../../lib/node/audit-bytes';
import { extractPdf } from '../../lib/extract/pdf';
import { nodePdfOptions } from '../../lib/extract/pdf-node';
import { AuditResult } from '../../lib/model/result';
import { firedRules, readFixtureBytes, SEED_EXPECTATIONS } from '../helpers';

/**
 * The PDF and Word renderings of the HTML fixtures (made by scripts/make-pdf-fixtures.ts, listed in
 * test/fixtures/pdf/README.md) audited through the same engine as their HTML sources: the same
 * findings, the same cell values, the same sections, table 3 read as one grid however the page
 * breaks cut it.
 */
interface Case {
  file: [string, string];
  html: [string, string];
  /** seed id (SEED_EXPECTATIONS), or null for pingtan (no finding) */
  seed: string | null;
  kind: 'pdf' | 'docx';
  /** pages table 3 was read from (PDF only) */
  table3Pages?: number[];
  /** number of template cells of tables 2–4 (2021 rows: 200; the 2019 single （六） row: 186) */
  cells: number;
}

const CASES: Case[] = [
  // Chromium: borders as filled rectangles, CJK in Type 3 fonts whose ToUnicode gives radicals;
  // table 3 runs over three pages, Chromium cuts rows and the vertical 办理结果 label at the breaks
  { file: ['pdf', 'seed-004.chromium.pdf'], html: ['html', 'seed-004.html'], seed: '004', kind: 'pdf', table3Pages: [4, 5, 6], cells: 200 },
  { file: ['pdf', 'seed-001.chromium.pdf'], html: ['html', 'seed-001-gbk.html'], seed: '001', kind: 'pdf', table3Pages: [2, 3, 4], cells: 200 },
  { file: ['pdf', 'pingtan_2023.chromium.pdf'], html: ['corpus', 'pingtan_2023.html'], seed: null, kind: 'pdf', table3Pages: [4, 5], cells: 200 },
  // LibreOffice: stroked borders, rows cut at page breaks drawn closed on both pages
  { file: ['pdf', 'seed-002.libreoffice.pdf'], html: ['html', 'seed-002.html'], seed: '002', kind: 'pdf', table3Pages: [2, 3, 4], cells: 200 },
  { file: ['pdf', 'seed-003.split.libreoffice.pdf'], html: ['html', 'seed-003.html'], seed: '003', kind: 'pdf', table3Pages: [3, 4], cells: 186 },
  // Word: the .docx (mammoth → HTML extractor) and LibreOffice's PDF of it (the header rows of table 3 cut by the break)
  { file: ['docx', 'seed-000.docx'], html: ['html', 'seed-000.html'], seed: '000', kind: 'docx', cells: 186 },
  { file: ['docx', 'seed-000.docx.pdf'], html: ['html', 'seed-000.html'], seed: '000', kind: 'pdf', table3Pages: [2, 3, 4], cells: 186 },
];

const TABLE_KEY = /^(active|applications|reviews)\./;

/** A finding as compared across formats: rule, outcome and the cell keys it involves. */
function signature(r: AuditResult): string[] {
  return r.findings.map((f) => `${f.rule}|${f.outcome}|${[...(f.evidence.keys ?? [])].sort().join(',')}`).sort();
}

function tableCells(r: AuditResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, c] of Object.entries(r.report?.cells ?? {})) if (TABLE_KEY.test(k)) out[k] = c.value;
  return out;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

describe.each(CASES)('$file.1 gives the findings of $html.1', async (c) => {
  const r = await auditInput({ bytes: readFixtureBytes(...c.file), uri: c.file[1] });
  const h = auditBytesSync({ bytes: readFixtureBytes(...c.html), uri: c.html[1] });
  const expected = c.seed ? SEED_EXPECTATIONS.find((s) => s.id === c.seed)!.rules : [];

  it('validates, is assessed, and is read as its kind', () => {
    AuditResult.parse(r);
    expect(r.status).toBe('assessed');
    expect(r.source.kind).toBe(c.kind);
  });
  it(`raises exactly the seed's rules (${expected.join(', ') || 'none'}), like the HTML`, () => {
    expect(firedRules(r)).toEqual(expected);
    expect(firedRules(h)).toEqual(expected);
  });
  it('the same findings: rule, outcome and cell keys, one by one', () => {
    expect(signature(r)).toEqual(signature(h));
  });
  it('the same value (or blank) in every template cell of tables 2–4', () => {
    const got = tableCells(r), want = tableCells(h);
    expect(Object.keys(want)).toHaveLength(c.cells);
    expect(got).toEqual(want);
    if (c.kind === 'pdf') {
      for (const [k, cell] of Object.entries(r.report!.cells)) if (TABLE_KEY.test(k)) expect(cell.source?.kind, k).toBe('pdf');
    }
  });
  it('the same six sections, with the same headings', () => {
    const secs = (x: AuditResult) => x.report!.sections.map((s) => [s.number, s.found, squash(s.heading)]);
    expect(r.report!.sections.every((s) => s.found)).toBe(true);
    expect(secs(r)).toEqual(secs(h));
  });
  it('the same title, body, year, issuer, publication date and deadline', () => {
    const meta = (x: AuditResult) => {
      const m = x.report!.meta;
      return { title: squash(m.title), body: m.body, year: m.year, issuerKind: m.issuerKind, date: m.publication.date, deadline: m.deadline, template: m.templateVersion };
    };
    expect(meta(r)).toEqual(meta(h));
  });
  it('the same messages (the quoted prose and labels read as in the HTML, up to spacing)', () => {
    const messages = (x: AuditResult) => x.findings.map((f) => squash(f.message.en) + squash(f.message.zh)).sort();
    expect(messages(r)).toEqual(messages(h));
  });
  if (c.table3Pages) {
    const pages = c.table3Pages;
    it(`table 3 is one grid joined from pages ${pages.join(', ')}`, async () => {
      const x = await extractPdf(readFixtureBytes(...c.file), nodePdfOptions());
      expect(x.unreadable).toBeUndefined();
      const t3 = r.report!.tables.find((t) => t.id === 'applications')!;
      expect(t3.found).toBe(true);
      expect(t3.missing).toEqual([]);
      expect(x.debug.grids[t3.grid!]!.pages).toEqual(pages);
      // every cell of table 3 comes from that one grid
      const grid = x.grids[t3.grid!]!;
      const boxes = new Set(grid.cells.map((gc) => JSON.stringify(gc.source)));
      for (const [k, cell] of Object.entries(r.report!.cells)) {
        if (k.startsWith('applications.')) expect(boxes.has(JSON.stringify(cell.source)), k).toBe(true);
      }
    });
  }
});

describe('the split-table fixture: table 3 broken across two pages by LibreOffice', () => {
  it('is joined into one grid of the full 26 rows (3 header rows + 23 rows of the 2019 format), a cut row glued back', async () => {
    const x = await extractPdf(readFixtureBytes('pdf', 'seed-003.split.libreoffice.pdf'), nodePdfOptions());
    const page = (n: number) => x.debug.pages[n - 1]!;
    const index = x.debug.grids.find((g) => g.pages.length === 2)!.index;
    expect(x.debug.grids[index]!.pages).toEqual([3, 4]);
    const parts = [3, 4].map((n) => page(n).tables.find((t) => t.grid === index)!);
    // the two parts hold one row more than the grid: the row cut by the break is one row again
    expect(parts[0]!.rows + parts[1]!.rows).toBe(27);
    expect(x.grids[index]!.rows).toBe(26);
    expect(x.grids[index]!.cols).toBe(10);
    expect(x.warnings).toEqual([]);
  });
});

describe('unreadable PDFs are not-assessable with a clear reason, and never throw', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['scanned.pdf', /扫描件/, /scan/],
    ['corrupt.pdf', /损坏/, /damaged/],
    ['encrypted.pdf', /加密/, /encrypted/],
  ];
  it.each(cases)('%s', async (file, zh, en) => {
    const r = await auditInput({ bytes: readFixtureBytes('pdf', file), uri: file });
    AuditResult.parse(r);
    expect(r.status).toBe('not-assessable');
    expect(r.report).toBeNull();
    expect(r.reason!.zh).toMatch(zh);
    expect(r.reason!.en).toMatch(en);
    expect(r.findings.map((f) => [f.rule, f.outcome])).toEqual([['not-assessable', 'fail']]);
    const x = await extractPdf(readFixtureBytes('pdf', file), nodePdfOptions());
    expect(x.unreadable).toEqual(r.reason);
    expect(x.content).toEqual([]);
  });
  it('the scan is an image: one page with a picture and no text', async () => {
    const x = await extractPdf(readFixtureBytes('pdf', 'scanned.pdf'), nodePdfOptions());
    expect(x.debug.pages).toHaveLength(1);
    expect(x.debug.pages[0]!.images).toBe(1);
    expect(x.debug.pages[0]!.words).toBe(0);
  });
});

describe('hongze_2024_norules.pdf (the WPS report without its ruling lines) reads like the ruled original', async () => {
  const ruled = await auditInput({ bytes: readFixtureBytes('corpus', 'hongze_2024.pdf'), uri: 'hongze_2024.pdf' });
  const bare = await auditInput({ bytes: readFixtureBytes('pdf', 'hongze_2024_norules.pdf'), uri: 'hongze_2024_norules.pdf' });
  it('the same value in all 186 cells of tables 2–4, though read from text alignment', () => {
    expect(Object.keys(tableCells(ruled))).toHaveLength(186);
    expect(tableCells(bare)).toEqual(tableCells(ruled));
    // "（四）无法提供 1.本机关不掌握相关政府信息" stands on one line: group and row are told apart
    expect(bare.report!.cells['applications.unavailable.notHeld.total']!.value).toBe(31);
  });
  it('the same findings', () => {
    expect(signature(bare)).toEqual(signature(ruled));
  });
});
