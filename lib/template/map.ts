import type { Extraction, Grid } from '../extract/types';
import { blocksOf } from '../extract/types';
import type { ReportModel, CellEntry, Deviation, Statement, TableEntry } from '../model/report';
import { withRange } from '../source/ref';
import { extractClaims } from '../narrative/claims';
import { classifyGrid, mapActive, mapApplications, mapReviews, type TableMapping } from './tables';
import { findSections, sectionOfBlocks } from './sections';
import {
  bodyFromSignature, bodyFromTitle, classifyIssuer, deadlineFor, expectedTemplate, findPublication, findTitle,
  periodYears, yearOf,
} from './meta';

/**
 * Map an extraction onto the official template: the report model. Pure; never throws on any
 * extraction (the audit wraps it anyway).
 */
export function mapReport(x: Extraction): ReportModel {
  const blocks = blocksOf(x);
  const { sections, hits, deviations: headingDev } = findSections(blocks);
  const prose = blocks.map((b) => b.text).join('\n');

  // ── meta
  const firstHeading = hits.length ? Math.min(...hits.map((h) => h.blockIndex)) : -1;
  const { title, source: titleSource } = findTitle(x, blocks, firstHeading);
  const body = bodyFromTitle(title) ?? bodyFromSignature(blocks);
  const period = periodYears(prose);
  const year = yearOf(title, period, sections);
  const issuer = classifyIssuer(body, prose);
  const publication = findPublication(x, blocks);

  // ── tables
  const byTable = { active: [] as Grid[], applications: [] as Grid[], reviews: [] as Grid[] };
  for (const g of x.grids) {
    const id = classifyGrid(g);
    if (id) byTable[id].push(g);
  }
  const expected = expectedTemplate(year);
  const mappings: TableMapping[] = [];
  if (byTable.active.length) mappings.push(mapActive(byTable.active, expected ?? '2021'));
  if (byTable.applications.length) mappings.push(mapApplications(largest(byTable.applications)));
  if (byTable.reviews.length) mappings.push(mapReviews(largest(byTable.reviews)));
  const tables: TableEntry[] = (['active', 'applications', 'reviews'] as const).map(
    (id) => mappings.find((m) => m.entry.id === id)?.entry ?? { id, found: false, grid: null, source: null, confidence: 0, layout: null, missing: [] },
  );
  const cells: Record<string, CellEntry> = {};
  const deviations: Deviation[] = [...headingDev];
  for (const m of mappings) { Object.assign(cells, m.cells); deviations.push(...m.deviations); }

  const layouts = tables.map((t) => t.layout).filter((l) => l !== null);
  const templateVersion = expected ?? (layouts.includes('2021') ? '2021' : layouts.length ? '2019' : null);

  // ── statements in the prose
  const sectionOf = sectionOfBlocks(blocks.length, hits);
  const statements: Statement[] = [];
  blocks.forEach((b, i) => {
    for (const c of extractClaims(b.text)) {
      statements.push({
        topic: c.topic, value: c.value, unit: c.unit, sentence: c.sentence.text, phrase: c.phrase,
        section: sectionOf[i] ?? null, source: withRange(b.source, c.sentence.start, c.sentence.end), scope: c.scope,
        ...(c.parts ? { parts: c.parts.map((p) => ({ label: p.label, value: p.value, phrase: p.phrase })) } : {}),
      });
    }
  });

  // ── is this a report at all?
  const signals: string[] = [];
  if (title) signals.push('title');
  const found = sections.filter((s) => s.found).length;
  if (found) signals.push(`${found} sections`);
  for (const t of tables) if (t.found) signals.push(`table ${t.id}`);
  // pictures in the article: a table may have been published as an image
  if (x.hints.images > 0) signals.push('images');
  const score = Math.min(1, (title ? 0.3 : 0) + found * 0.1 + tables.filter((t) => t.found).length * 0.2);

  const model: ReportModel = {
    meta: {
      title, titleSource, body, year, periodYears: period, issuerKind: issuer.kind, issuerReason: issuer.reason,
      templateVersion, publication, deadline: deadlineFor(issuer.kind, year),
    },
    sections, tables, cells, deviations, statements,
    detected: { score, signals },
  };
  return model;
}

function largest(grids: Grid[]): Grid {
  return grids.reduce((a, b) => (b.cells.length > a.cells.length ? b : a));
}
