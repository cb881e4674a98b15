/**
 * Node-side adapter: bytes of a file or a download → the engine. Chooses the extractor by
 * the declared kind, the file name or the content, decodes GBK pages by their meta charset,
 * and parses HTML into a DOM (linkedom: fast enough for batch runs; the extractor only uses
 * standard DOM calls, so the content script's live DOM and this one give the same result).
 */
import { parseHtmlString } from '../extract/html-string';
import { auditDocument, auditText, notAssessableResult, sourceInfo, type AuditOptions } from '../audit';
import type { AuditResult, SourceInfo } from '../model/result';
import { decodeHtmlBytes } from '../source/decode';
import { magicKind } from '../source/magic';
import { createHash } from 'node:crypto';

export type InputKind = SourceInfo['kind'];

export interface BytesInput {
  bytes: Uint8Array;
  /** a path or URL, for the result's source.uri and for guessing the kind */
  uri: string;
  /** from a Content-Type header, if any */
  contentType?: string;
  kind?: InputKind;
}

/** Hard limits: bigger inputs are not-assessable rather than a hang. */
export const MAX_BYTES = { html: 20 * 1024 * 1024, text: 20 * 1024 * 1024, pdf: 50 * 1024 * 1024, docx: 50 * 1024 * 1024 } as const;

/** The not-assessable result for an input over its size limit. */
export function tooLarge(kind: InputKind, bytes: Uint8Array, base: AuditOptions, opts: AuditOptions): AuditResult {
  const mb = (bytes.length / 1048576).toFixed(1), limit = MAX_BYTES[kind] / 1048576;
  return notAssessableResult(sourceInfo(kind, base, bytes), {
    zh: `文件过大（${mb} MB），超过 ${limit} MB 的上限。`,
    en: `The file is too large (${mb} MB; the limit is ${limit} MB).`,
  }, opts);
}

export function guessKind(uri: string, bytes: Uint8Array, contentType?: string): InputKind {
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('pdf')) return 'pdf';
  if (ct.includes('wordprocessingml')) return 'docx';
  if (ct.includes('html')) return 'html';
  const path = uri.toLowerCase().split(/[?#]/)[0]!;
  if (path.endsWith('.pdf')) return 'pdf';
  if (path.endsWith('.docx')) return 'docx';
  if (path.endsWith('.html') || path.endsWith('.htm') || path.endsWith('.shtml')) return 'html';
  if (path.endsWith('.txt')) return 'text';
  const magic = magicKind(bytes);
  if (magic) return magic;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).toLowerCase();
  if (/<(!doctype|html|head|body|table|p|div)[\s>]/.test(head)) return 'html';
  return 'text';
}

/** HTML text → a linkedom Document (lib/extract/html-string.ts). */
export const parseHtmlDocument = parseHtmlString;

/** Audit HTML or text bytes. PDF and DOCX go through lib/node/audit-file.ts. */
export function auditBytesSync(input: BytesInput, opts: AuditOptions = {}): AuditResult {
  const kind = input.kind ?? guessKind(input.uri, input.bytes, input.contentType);
  const base: AuditOptions = { ...opts, uri: opts.uri ?? input.uri, bytes: input.bytes.length, sha256: createHash('sha256').update(input.bytes).digest('hex') };
  if (kind === 'pdf' || kind === 'docx') {
    return notAssessableResult(sourceInfo(kind, base, input.bytes), { zh: '该格式需要异步读取。', en: 'This format needs the asynchronous reader.' }, opts);
  }
  if (input.bytes.length > MAX_BYTES[kind]) return tooLarge(kind, input.bytes, base, opts);
  if (looksBinary(input.bytes)) {
    return notAssessableResult(sourceInfo(kind, base, input.bytes), { zh: '文件不是文本或网页（看起来是二进制数据）。', en: 'The file is not text or a web page (it looks like binary data).' }, opts);
  }
  if (kind === 'html') {
    const { text } = decodeHtmlBytes(input.bytes, input.contentType);
    const doc = parseHtmlDocument(text);
    return auditDocument(doc, { ...base, title: opts.title ?? null });
  }
  const text = new TextDecoder('utf-8').decode(input.bytes);
  return auditText(text, base);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) bad++;
  }
  return n > 0 && bad / n > 0.1;
}
