/**
 * Renders the five seed reports as portal pages the way real portals publish them: a TRS-style
 * CMS page (breadcrumb, title, 发布时间 line outside the article), the article in
 * `div.TRS_Editor`, and Word-exported tables (`MsoNormalTable`, every cell a
 * `<p class="MsoNormal"><span>`, `&nbsp;` for empty cells) in the official layout with
 * rowspan/colspan; the 办理结果 group label as vertical text (one character a line). Labels and
 * blank cells are kept exactly as each seed has them, so the audit must come out the same.
 * Seed 001 is written in GBK with <meta charset="gb2312">.
 *
 * Run: npx tsx scripts/make-html-fixtures.ts   (writes test/fixtures/html/)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../lib/extract/text';
import { mapReport } from '../lib/template/map';
import { classifyGrid } from '../lib/template/tables';
import { ACTIVE_COLUMNS, ACTIVE_ROWS, APPLICATION_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, type LabelSpec } from '../lib/template/formats';
import type { ReportModel } from '../lib/model/report';
import { encodeGbk } from './gbk-encode';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const TD = 'style="border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt" valign="center"';

function cell(text: string, attrs = '', vertical = false): string {
  const t = text.trim();
  const body = vertical
    ? [...t.replace(/\s+/g, '')].map((ch) => `<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">${esc(ch)}</span></p>`).join('')
    : `<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">${t ? esc(t) : '&nbsp;'}</span></p>`;
  return `<td ${attrs} ${TD}>${body}</td>`;
}
const table = (rows: string[]) =>
  `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none"><tbody>\n${rows.map((r) => `<tr>${r}</tr>`).join('\n')}\n</tbody></table>`;

function labelFor(m: ReportModel, key: string, spec: LabelSpec): string {
  return m.deviations.find((d) => d.kind === 'label-variant' && d.key === key)?.found ?? spec.label.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：');
}
const raw = (m: ReportModel, key: string) => (m.cells[key]?.kind === 'blank' ? '' : m.cells[key]?.raw.replace(/[\s\u00a0\u3000]+/g, '') ?? '');

function activeTable(m: ReportModel): string {
  const layout = m.tables.find((t) => t.id === 'active')!.layout ?? '2021';
  const rows: string[] = [];
  const blocks = ['一', '五', '六', '八'];
  for (const b of blocks) {
    const specRows = ACTIVE_ROWS[layout].filter((r) => r.block === b);
    const cols = specRows[0]!.columns;
    rows.push(cell(`第二十条第（${b}）项`, 'colspan="4"'));
    const colSpecs = cols.map((c) => ACTIVE_COLUMNS[layout].find((x) => x.key === c)!);
    rows.push(cell('信息内容') + colSpecs.map((c, i) => cell(labelFor(m, `active.col.${c.key}`, c), cols.length === 1 && i === 0 ? 'colspan="3"' : '')).join(''));
    for (const r of specRows) {
      rows.push(cell(labelFor(m, `active.row.${r.key}`, r)) + cols.map((c) => cell(raw(m, `active.${r.key}.${c}`), cols.length === 1 ? 'colspan="3"' : '')).join(''));
    }
  }
  return table(rows);
}

function applicationsTable(m: ReportModel, vertical: boolean): string {
  const layout = m.tables.find((t) => t.id === 'applications')!.layout ?? '2021';
  const specs = APPLICATION_ROWS.filter((r) => r.versions.includes(layout));
  const col = (k: string) => labelFor(m, `applications.col.${k}`, APPLICATION_COLUMNS.find((c) => c.key === k)!);
  const rows: string[] = [
    cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan="3" rowspan="3"') + cell('申请人情况', 'colspan="7"'),
    cell(col('naturalPerson'), 'rowspan="2"') + cell('法人或其他组织', 'colspan="5"') + cell(col('total'), 'rowspan="2"'),
    ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'].map((k) => cell(col(k))).join(''),
  ];
  const values = (key: string) => APPLICATION_COLUMNS.map((c) => cell(raw(m, `applications.${key}.${c.key}`))).join('');
  const resultRows = specs.filter((r) => !['received', 'carriedOver', 'carriedForward'].includes(r.key));
  const groupSize = (g: string) => resultRows.filter((r) => r.group === g).length;
  const seenGroup = new Set<string>();
  for (const r of specs) {
    const label = labelFor(m, `applications.row.${r.key}`, r);
    if (r.key === 'received' || r.key === 'carriedOver' || r.key === 'carriedForward') { rows.push(cell(label, 'colspan="3"') + values(r.key)); continue; }
    let lead = '';
    if (r === resultRows[0]) lead = cell('三、本年度办理结果', `rowspan="${resultRows.length}"`, vertical);
    if (r.group) {
      if (!seenGroup.has(r.group)) { seenGroup.add(r.group); lead += cell(r.group.replace('(', '（').replace(')', '）'), `rowspan="${groupSize(r.group)}"`); }
      rows.push(lead + cell(label) + values(r.key));
    } else rows.push(lead + cell(label, 'colspan="2"') + values(r.key));
  }
  return table(rows);
}

function reviewsTable(m: ReportModel): string {
  const colLabel = (c: LabelSpec) => labelFor(m, `reviews.col.${c.key}`, c);
  return table([
    cell('行政复议', 'colspan="5"') + cell('行政诉讼', 'colspan="10"'),
    REVIEW_COLUMNS.map((c) => cell(colLabel(c), 'rowspan="2"')).join('') + cell('未经复议直接起诉', 'colspan="5"') + cell('复议后起诉', 'colspan="5"'),
    [...REVIEW_COLUMNS, ...REVIEW_COLUMNS].map((c) => cell(colLabel(c))).join(''),
    ['adminReview', 'directSuit', 'suitAfterReview'].flatMap((g) => REVIEW_COLUMNS.map((c) => cell(raw(m, `reviews.${g}.${c.key}`)))).join(''),
  ]);
}

export function renderSeed(text: string, opts: { charset: string; vertical: boolean; siteName: string }): string {
  const x = extractText(text);
  const m = mapReport(x);
  const parts: string[] = [];
  const titleBlocks = new Set<number>();
  const blocks = x.content.filter((c) => c.type === 'block');
  // the title lines (before the first heading) go into the page title, not the article body
  if (m.meta.title) {
    for (let i = 0; i < Math.min(3, blocks.length); i++) {
      const b = blocks[i]!;
      if (b.type === 'block' && m.meta.title.replace(/\s/g, '').includes(b.block.text.replace(/\s/g, ''))) titleBlocks.add(i);
    }
  }
  let bi = 0;
  for (const item of x.content) {
    if (item.type === 'block') {
      const i = bi++;
      if (titleBlocks.has(i)) continue;
      const t = item.block.text.trim();
      if (!t) continue;
      const heading = m.sections.some((s) => s.heading === t);
      parts.push(heading
        ? `<p class="MsoNormal" style="text-indent:32.0pt"><strong><span style="font-family:黑体">${esc(t)}</span></strong></p>`
        : `<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt"><span style="font-size:16.0pt;font-family:仿宋_GB2312">${esc(t)}</span></p>`);
    } else {
      const g = x.grids[item.grid]!;
      const id = classifyGrid(g);
      if (id === 'active') parts.push(activeTable(m));
      else if (id === 'applications') parts.push(applicationsTable(m, opts.vertical));
      else if (id === 'reviews') parts.push(reviewsTable(m));
    }
  }
  const title = m.meta.title ?? '';
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="${opts.charset}">
<meta name="SiteName" content="${esc(opts.siteName)}">
<meta name="ColumnName" content="政府信息公开年报">
${title ? `<meta name="ArticleTitle" content="${esc(title)}">` : ''}
<title>${esc(title || '政府信息公开年报')}_${esc(opts.siteName)}</title>
<style>body{font-family:sans-serif;max-width:960px;margin:0 auto} .nav a{margin-right:1em} table{margin:12px auto}</style>
</head>
<body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwgk/nb/">政府信息公开年报</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="article">
  <h1 class="article_title">${esc(title)}</h1>
  <div class="article_extend"><span class="article_source">来源：${esc(m.meta.body ?? opts.siteName)}</span></div>
  <div class="article_content">
<div class="TRS_Editor"><div class="Custom_UnionStyle">
${parts.join('\n')}
</div></div>
  </div>
</div>
<div class="footer">主办单位：${esc(opts.siteName)}　网站标识码：0000000000</div>
</body>
</html>
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(ROOT, 'test', 'fixtures', 'html');
  mkdirSync(out, { recursive: true });
  const seeds = ['000_d1f4d466d2ee4c6e', '001_cf1e86794f147280', '002_ab6da90aa55277b8', '003_25c42bc5e0ee16a3', '004_292e5f130bca3acf'];
  for (const [i, s] of seeds.entries()) {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${s}.txt`), 'utf8');
    const gbk = i === 1;
    const html = renderSeed(text, { charset: gbk ? 'gb2312' : 'utf-8', vertical: i % 2 === 0, siteName: '某某县人民政府' });
    writeFileSync(join(out, `seed-${s.slice(0, 3)}${gbk ? '-gbk' : ''}.html`), gbk ? encodeGbk(html) : html);
  }
  console.log(`wrote ${seeds.length} pages to ${out}`);
}
