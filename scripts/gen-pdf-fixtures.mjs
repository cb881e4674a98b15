#!/usr/bin/env node
/**
 * Generates test/fixtures/pdf/hongze_2024_norules.pdf: the corpus report hongze_2024.pdf with
 * every stroked path turned into a no-op path (`S` → `n`), so its tables have no ruling lines
 * left and the extractor has to fall back to text alignment. Everything else (text, fonts,
 * metadata) is unchanged. The file is rewritten with a classic xref table.
 *
 *   node scripts/gen-pdf-fixtures.mjs
 *
 * Only Node's zlib is used; the output is committed, so tests do not run this.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { inflateSync, deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'test/fixtures/corpus/hongze_2024.pdf');
const outDir = join(root, 'test/fixtures/pdf');
const out = join(outDir, 'hongze_2024_norules.pdf');

const pdf = readFileSync(src).toString('latin1');
const objRe = /(?:^|[\r\n])(\d+) 0 obj\b/g;
const objects = new Map();
let m;
while ((m = objRe.exec(pdf))) {
  const num = Number(m[1]);
  const start = m.index + m[0].length;
  let body;
  const streamAt = pdf.indexOf('stream', start);
  const endobjAt = pdf.indexOf('endobj', start);
  if (streamAt !== -1 && streamAt < endobjAt) {
    const dict = pdf.slice(start, streamAt);
    const len = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (!len) throw new Error(`object ${num}: indirect /Length not supported`);
    let dataStart = streamAt + 'stream'.length;
    if (pdf[dataStart] === '\r') dataStart++;
    if (pdf[dataStart] === '\n') dataStart++;
    const data = Buffer.from(pdf.slice(dataStart, dataStart + Number(len[1])), 'latin1');
    body = { dict, data };
    objRe.lastIndex = pdf.indexOf('endobj', dataStart + Number(len[1])) + 6;
  } else {
    body = { text: pdf.slice(start, endobjAt) };
    objRe.lastIndex = endobjAt + 6;
  }
  objects.set(num, body); // later revisions win
}

// page content streams only (fonts and CMaps are streams too)
const contents = new Set();
for (const o of objects.values()) {
  const t = o.text ?? o.dict;
  for (const c of t.matchAll(/\/Contents\s*(?:(\d+) 0 R|\[([^\]]*)\])/g)) {
    if (c[1]) contents.add(Number(c[1]));
    else for (const r of c[2].matchAll(/(\d+) 0 R/g)) contents.add(Number(r[1]));
  }
}

let trailer = null;
let changed = 0;
for (const [num, o] of objects) {
  if (!o.dict) continue;
  if (/\/Type\s*\/XRef/.test(o.dict)) {
    trailer = o.dict;
    objects.delete(num);
    continue;
  }
  if (!contents.has(num) || !/\/FlateDecode/.test(o.dict)) continue;
  let text;
  try { text = inflateSync(o.data).toString('latin1'); } catch { continue; }
  // WPS writes strokes as "x y m\rx y l\rS\r": make every stroke operator an endPath
  const next = text.replace(/(^|[\s\]>)])S(?=[\s\[</(%]|$)/g, '$1n');
  if (next === text) continue;
  changed++;
  o.data = deflateSync(Buffer.from(next, 'latin1'));
  o.dict = o.dict.replace(/\/Length \d+/, `/Length ${o.data.length}`);
}
if (!trailer) throw new Error('no xref stream found');
if (!changed) throw new Error('no stroked paths found');

const pick = (key) => new RegExp(`/${key}\\s*(\\[[^\\]]*\\]|\\d+ \\d+ R)`).exec(trailer)?.[1];
const size = Math.max(...objects.keys()) + 1;
const parts = ['%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'];
let offset = Buffer.byteLength(parts[0], 'latin1');
const offsets = new Map();
for (const num of [...objects.keys()].sort((a, b) => a - b)) {
  const o = objects.get(num);
  const chunk = o.dict !== undefined
    ? `${num} 0 obj${o.dict}stream\n${o.data.toString('latin1')}\nendstream\nendobj\n`
    : `${num} 0 obj${o.text}endobj\n`;
  offsets.set(num, offset);
  parts.push(chunk);
  offset += Buffer.byteLength(chunk, 'latin1');
}
let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
for (let i = 1; i < size; i++) {
  xref += offsets.has(i) ? `${String(offsets.get(i)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
}
const info = pick('Info');
const id = pick('ID');
xref += `trailer\n<< /Size ${size} /Root ${pick('Root')}${info ? ` /Info ${info}` : ''}${id ? ` /ID ${id}` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
parts.push(xref);
mkdirSync(outDir, { recursive: true });
writeFileSync(out, Buffer.from(parts.join(''), 'latin1'));
console.log(`wrote ${out} (${changed} content streams without strokes)`);
