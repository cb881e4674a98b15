import type { TextBlock } from '../extract/types';
import type { Deviation, SectionEntry } from '../model/report';
import { labelKey, normalizeChars, similarity, stripEnumerator } from '../normalize/text';
import { CN_NUMERALS, SECTIONS, type SectionSpec } from './formats';

export interface SectionHit {
  spec: SectionSpec;
  blockIndex: number;
  heading: string;
  exact: boolean;
}

/**
 * A section heading: a short block that is an enumerator of the 一、 / 1、 family (never a
 * parenthesised one: "（一）主动公开情况" is a sub-item) followed by a section's heading text.
 * Sections are found by heading text and order, not by the numeral alone (report-format.md §2).
 */
export function matchHeading(text: string): { spec: SectionSpec; exact: boolean } | null {
  const t = normalizeChars(text).trim();
  if (!t || t.length > 60) return null;
  const { enumerator, rest } = stripEnumerator(t);
  if (enumerator.startsWith('(') || enumerator.startsWith('（')) return null;
  const core = labelKey(rest);
  if (!core) return null;
  for (const spec of SECTIONS) {
    const canonicalEnum = CN_NUMERALS[spec.number - 1] + '、';
    const enumOk = labelKey(enumerator) === canonicalEnum;
    if (core === labelKey(spec.core)) return { spec, exact: enumOk };
    for (const v of spec.variants) if (core === labelKey(v)) return { spec, exact: false };
  }
  // near misses (typos such as 行政法复议) on headings that carry an enumerator
  if (!enumerator) return null;
  let best: SectionSpec | null = null, bestSim = 0;
  for (const spec of SECTIONS) {
    for (const cand of [spec.core, ...spec.variants]) {
      const s = similarity(core, labelKey(cand));
      if (s > bestSim) { bestSim = s; best = spec; }
    }
  }
  return best && bestSim >= 0.85 ? { spec: best, exact: false } : null;
}

export function findSections(blocks: TextBlock[]): { sections: SectionEntry[]; hits: SectionHit[]; deviations: Deviation[] } {
  const hits: SectionHit[] = [];
  blocks.forEach((b, i) => {
    const m = matchHeading(b.text);
    if (m) hits.push({ spec: m.spec, blockIndex: i, heading: b.text.trim(), exact: m.exact });
  });
  const deviations: Deviation[] = [];
  const sections: SectionEntry[] = [];
  const firstHits = new Map<number, SectionHit>();
  for (const h of hits) if (!firstHits.has(h.spec.number)) firstHits.set(h.spec.number, h);
  const order = [...firstHits.values()].sort((a, b) => a.blockIndex - b.blockIndex);
  for (const spec of SECTIONS) {
    const hit = firstHits.get(spec.number);
    if (!hit) {
      sections.push({ number: spec.number, canonical: spec.canonical, found: false, heading: null, source: null, text: '', occurrences: 0, position: null });
      continue;
    }
    // the section's prose runs to the next heading hit (any section)
    const next = hits.find((h) => h.blockIndex > hit.blockIndex);
    const end = next ? next.blockIndex : withoutSignature(blocks, hit.blockIndex + 1);
    const text = blocks.slice(hit.blockIndex + 1, end).map((b) => b.text.trim()).filter(Boolean).join('\n');
    sections.push({
      number: spec.number, canonical: spec.canonical, found: true, heading: hit.heading, source: blocks[hit.blockIndex]!.source,
      text, occurrences: hits.filter((h) => h.spec.number === spec.number).length, position: order.indexOf(hit),
    });
    if (!hit.exact) {
      deviations.push({ kind: 'heading-variant', key: `section.${spec.number}`, canonical: spec.canonical, found: hit.heading, source: blocks[hit.blockIndex]!.source });
    }
  }
  return { sections, hits, deviations };
}

const SIGNATURE_DATE = /^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;

/** The end of the last section without the signature (issuer name and date) under it. */
function withoutSignature(blocks: TextBlock[], start: number): number {
  let end = blocks.length;
  while (end > start && !blocks[end - 1]!.text.trim()) end--;
  if (end > start && SIGNATURE_DATE.test(normalizeChars(blocks[end - 1]!.text))) {
    end--;
    const prev = end > start ? normalizeChars(blocks[end - 1]!.text).trim() : '';
    if (prev && prev.length <= 30 && !/[，。；：,.;:]/.test(prev)) end--;
  }
  return end;
}

/** The section number each block belongs to (null before the first heading). */
export function sectionOfBlocks(blockCount: number, hits: SectionHit[]): (number | null)[] {
  const out: (number | null)[] = new Array(blockCount).fill(null);
  let cur: number | null = null;
  let h = 0;
  const sorted = [...hits].sort((a, b) => a.blockIndex - b.blockIndex);
  for (let i = 0; i < blockCount; i++) {
    while (h < sorted.length && sorted[h]!.blockIndex === i) { cur = sorted[h]!.spec.number; h++; }
    out[i] = cur;
  }
  return out;
}
