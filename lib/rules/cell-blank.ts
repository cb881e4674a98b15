import { defineRule, type CheckResult } from './types';

import { ACTIVE_ROWS, APPLICATION_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, cellKey } from '../template/formats';
import { cellSources, valuesOf } from './util';

/**
 * Blank cells, grouped so that one omission is one finding: whole blank columns of table 3
 * together, then whole blank rows, then the rest of a table; table 4 by group; table 2 by row.
 */
export default defineRule({
  meta: {
    id: 'cell-blank',
    severity: 'warning',
    category: 'cells',
    title: { zh: '数据格为空', en: 'Data cells are blank' },
    doc: {
      zh: '空白、「/」「—」「-」「无」「空」都算空格，不等于0。相邻的空格合并为一条：表三整列为空、整行为空、表四整组为空各报一条，避免一张空表报出上百条。',
      en: 'A cell that is empty, "/", "—", "-", "无" or "空" is blank, not zero. Adjacent blanks are grouped into one finding: a blank column of table 3, a blank row, a blank group of table 4, so that an empty table is one finding, not 150.',
    },
  },
  check({ model }) {
    const results: CheckResult[] = [];
    const blank = (k: string) => model.cells[k] !== undefined && model.cells[k]!.kind === 'blank';
    const present = (k: string) => model.cells[k] !== undefined;
    const push = (subject: string, keys: string[], zh: string, en: string) => {
      results.push({
        outcome: 'fail',
        subject,
        message: { zh, en },
        evidence: { keys, values: valuesOf(model, keys), sources: cellSources(model, keys, 'cell') },
      });
    };

    // table 2: one finding per row
    const version = model.tables.find((t) => t.id === 'active')?.layout ?? '2021';
    for (const row of ACTIVE_ROWS[version]) {
      const keys = row.columns.map((c) => cellKey('active', row.key, c)).filter(present);
      const b = keys.filter(blank);
      if (!keys.length) continue;
      if (!b.length) { results.push({ outcome: 'pass', subject: `active.${row.key}` }); continue; }
      push(`active.${row.key}`, b, `表二「${row.label}」有 ${b.length} 个空格：${b.map(short).join('、')}。`, `Table 2 "${row.label}": ${b.length} blank cell(s): ${b.join(', ')}.`);
    }

    // table 3: whole columns, then whole rows, then the rest
    const rows = APPLICATION_ROWS.filter((r) => present(cellKey('applications', r.key, 'total')));
    if (rows.length) {
      const left = new Set<string>();
      for (const r of rows) for (const c of APPLICATION_COLUMNS) if (blank(cellKey('applications', r.key, c.key))) left.add(cellKey('applications', r.key, c.key));
      const blankCols = APPLICATION_COLUMNS.filter((c) => rows.every((r) => blank(cellKey('applications', r.key, c.key))));
      if (blankCols.length) {
        const keys = rows.flatMap((r) => blankCols.map((c) => cellKey('applications', r.key, c.key)));
        keys.forEach((k) => left.delete(k));
        push(
          `applications.columns.${blankCols.map((c) => c.key).join('+')}`,
          keys,
          `表三「${blankCols.map((c) => c.label).join('」「')}」${blankCols.length > 1 ? '各列' : '整列'}为空（${rows.length} 行）。`,
          `Table 3: the ${blankCols.map((c) => c.key).join(', ')} column${blankCols.length > 1 ? 's are' : ' is'} blank (${rows.length} rows).`,
        );
      }
      for (const r of rows) {
        const keys = APPLICATION_COLUMNS.map((c) => cellKey('applications', r.key, c.key)).filter((k) => left.has(k));
        const remainingCols = APPLICATION_COLUMNS.filter((c) => !blankCols.includes(c));
        if (keys.length === remainingCols.length && keys.length > 1) {
          keys.forEach((k) => left.delete(k));
          push(`applications.${r.key}`, keys, `表三「${r.group ?? ''}${r.label}」整行为空。`, `Table 3: row ${r.key} is blank.`);
        }
      }
      if (left.size) {
        const keys = [...left];
        push('applications.cells', keys, `表三有 ${keys.length} 个空格：${keys.slice(0, 6).map(short).join('、')}${keys.length > 6 ? ' 等' : ''}。`, `Table 3 has ${keys.length} blank cell(s): ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}.`);
      }
      if (!left.size && !blankCols.length && rows.every((r) => APPLICATION_COLUMNS.every((c) => !blank(cellKey('applications', r.key, c.key))))) {
        results.push({ outcome: 'pass', subject: 'applications' });
      }
    }

    // table 4: whole groups, then the rest
    if (present('reviews.adminReview.total')) {
      const left: string[] = [];
      for (const g of REVIEW_GROUPS) {
        const keys = REVIEW_COLUMNS.map((c) => cellKey('reviews', g.key, c.key));
        if (keys.every(blank)) push(`reviews.${g.key}`, keys, `表四「${g.label}」整组为空。`, `Table 4: the ${g.key} group is blank.`);
        else left.push(...keys.filter(blank));
      }
      if (left.length) {
        push('reviews.cells', left, `表四有 ${left.length} 个空格：${left.slice(0, 6).map(short).join('、')}${left.length > 6 ? ' 等' : ''}。`, `Table 4 has ${left.length} blank cell(s): ${left.slice(0, 6).join(', ')}${left.length > 6 ? ', …' : ''}.`);
      }
      if (!results.some((r) => r.subject.startsWith('reviews'))) results.push({ outcome: 'pass', subject: 'reviews' });
    }
    return results;
  },
});

function short(key: string): string {
  return key.replace(/^(active|applications|reviews)\./, '');
}

