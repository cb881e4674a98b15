import { normalizeCellText } from './text';

/**
 * The value of a table cell (report-format.md §7: blank is not zero).
 * - blank: empty, "&nbsp;", "/", "—", "-", "无", "空" → value null, kind 'blank'
 * - number: Arabic digits with optional sign, thousands separators, decimals → kind 'number'
 * - anything else → kind 'text' (value null), which `cell-invalid` reports
 */
export type CellValue =
  | { kind: 'blank'; value: null }
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'text'; value: null };

const BLANK = /^(?:|\/|／|\\|—+|–|-+|－|―|无|空|NA|N\/A)$/i;

const PLAIN_DIGITS = /^\d{1,15}$/;

export function parseCellValue(raw: string): CellValue {
  // the common case, plain digits, without the normalising below (same result)
  if (PLAIN_DIGITS.test(raw)) return { kind: 'number', value: Number(raw), decimals: 0 };
  const t = normalizeCellText(raw).replace(/\s+/g, '');
  if (BLANK.test(t)) return { kind: 'blank', value: null };
  // thousands separators: 1,234 or 1，234 (normalised to ',')
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(t.replace(/^−/, '-'));
  if (m) {
    const int = m[2]!.replace(/,/g, '');
    const dec = m[3] ?? '';
    const value = Number(`${m[1]}${int}${dec ? '.' + dec : ''}`);
    if (Number.isFinite(value)) return { kind: 'number', value, decimals: dec.length };
  }
  return { kind: 'text', value: null };
}
