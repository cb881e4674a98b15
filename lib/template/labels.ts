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

interface Prepared<T> { spec: T; key: string; body: string; variantKeys: string[]; variantBodies: string[] }
const prepared = new WeakMap<readonly LabelSpec[], Prepared<LabelSpec>[]>();

/** Template labels normalised once per list (the lists are module constants). */
function prepare<T extends LabelSpec>(specs: readonly T[]): Prepared<T>[] {
  let p = prepared.get(specs);
  if (!p) {
    p = specs.map((spec) => ({
      spec,
      key: labelKey(spec.label),
      body: bodyKey(spec.label),
      variantKeys: (spec.variants ?? []).map(labelKey),
      variantBodies: (spec.variants ?? []).map(bodyKey),
    }));
    prepared.set(specs, p);
  }
  return p as Prepared<T>[];
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
  const list = prepare(specs);
  const split = stripEnumerator(k);
  const b = useBody ? labelKey(split.rest) : k;
  // a short body ("总计", "其他") only counts with its enumerator: header cells share those words
  const bodyOk = useBody && b.length > 0 && (split.enumerator !== '' || b.length >= 4);
  for (const p of list) if (p.key === k) return { spec: p.spec, quality: 'exact' };
  if (bodyOk) for (const p of list) if (p.body === b) return { spec: p.spec, quality: 'exact' };
  for (const p of list) {
    if (p.variantKeys.includes(k) || (bodyOk && p.variantBodies.includes(b))) return { spec: p.spec, quality: 'variant' };
  }
  const min = opts.minSimilarity ?? 0.75;
  if (b.length < 4) return null;
  let best: T | null = null, bestSim = 0, second = 0;
  for (const p of list) {
    const target = useBody ? p.body : p.key;
    // similarity cannot reach min when the lengths differ too much
    if (Math.abs(target.length - b.length) > (1 - min) * Math.max(target.length, b.length)) continue;
    const s = similarity(b, target);
    if (s > bestSim) { second = bestSim; bestSim = s; best = p.spec; } else if (s > second) second = s;
  }
  if (best && bestSim >= min && bestSim - second >= 0.15) return { spec: best, quality: 'variant' };
  return null;
}
