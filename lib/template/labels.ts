import { labelKey, similarity, stripEnumerator } from '../normalize/text';
import type { LabelSpec } from './formats';

export type LabelMatch<T extends LabelSpec> = {
  spec: T;
  /** exact: the official text (up to layout artefacts); variant: a known or near wording */
  quality: 'exact' | 'variant';
};

/** Compare keys of labels without their enumerator ("1." / "(一)"), for the body text. */
function bodyKey(s: string): string {
  return labelKey(stripEnumerator(labelKey(s)).rest);
}

/**
 * Match a label against template labels: exact (after normalising layout artefacts), then a
 * known variant, then a near miss (similarity ≥ minSimilarity, unique best) reported as a
 * variant. Returns null when nothing fits.
 */
export function matchLabel<T extends LabelSpec>(
  text: string,
  specs: readonly T[],
  opts: { minSimilarity?: number; useBody?: boolean } = {},
): LabelMatch<T> | null {
  const useBody = opts.useBody ?? true;
  const k = labelKey(text);
  if (!k) return null;
  const b = useBody ? bodyKey(text) : k;
  // a short body ("总计", "其他") only counts with its enumerator: header cells share those words
  const hasEnum = stripEnumerator(labelKey(text)).enumerator !== '';
  const bodyOk = useBody && b.length > 0 && (hasEnum || b.length >= 4);
  for (const spec of specs) if (labelKey(spec.label) === k) return { spec, quality: 'exact' };
  if (bodyOk) for (const spec of specs) if (bodyKey(spec.label) === b) return { spec, quality: 'exact' };
  for (const spec of specs) {
    for (const v of spec.variants ?? []) {
      if (labelKey(v) === k || (bodyOk && bodyKey(v) === b)) return { spec, quality: 'variant' };
    }
  }
  const min = opts.minSimilarity ?? 0.75;
  if (b.length < 4) return null;
  let best: T | null = null, bestSim = 0, second = 0;
  for (const spec of specs) {
    const s = similarity(b, useBody ? bodyKey(spec.label) : labelKey(spec.label));
    if (s > bestSim) { second = bestSim; bestSim = s; best = spec; } else if (s > second) second = s;
  }
  if (best && bestSim >= min && bestSim - second >= 0.15) return { spec: best, quality: 'variant' };
  return null;
}
