/**
 * Node entry for any input: HTML and text synchronously; PDF through pdf.js (legacy build,
 * cMaps and standard fonts from node_modules), DOCX converted to HTML by mammoth and then read
 * by the HTML extractor.
 */
import type { AuditResult } from '../model/result';
import { auditBytesSync, guessKind, MAX_BYTES, parseHtmlDocument, tooLarge, type BytesInput } from './audit-bytes';
import { auditExtraction, notAssessableResult, sourceInfo, type AuditOptions } from '../audit';
import { createHash } from 'node:crypto';
import { docxPage, extractDocx } from '../extract/docx';

export async function auditInput(input: BytesInput, opts: AuditOptions = {}): Promise<AuditResult> {
  const kind = input.kind ?? guessKind(input.uri, input.bytes, input.contentType);
  if (kind !== 'pdf' && kind !== 'docx') return auditBytesSync({ ...input, kind }, opts);
  const base: AuditOptions = { ...opts, uri: opts.uri ?? input.uri, bytes: input.bytes.length, sha256: createHash('sha256').update(input.bytes).digest('hex') };
  const info = sourceInfo(kind, base, input.bytes);
  if (input.bytes.length > MAX_BYTES[kind]) return tooLarge(kind, input.bytes, base, opts);
  const t0 = performance.now();
  try {
    if (kind === 'pdf') {
      const { extractPdf } = await import('../extract/pdf');
      const { nodePdfOptions } = await import('../extract/pdf-node');
      const x = await extractPdf(input.bytes, await nodePdfOptions());
      const { debug: _debug, ...extraction } = x;
      return auditExtraction(extraction, info, base, performance.now() - t0);
    }
    const mammoth = (await import('mammoth')).default;
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(input.bytes) });
    return auditExtraction(extractDocx(parseHtmlDocument(docxPage(html))), info, base, performance.now() - t0);
  } catch (e) {
    return notAssessableResult(info, {
      zh: `文件无法读取（${(e as Error).message}），无法核查。`,
      en: `The file could not be read (${(e as Error).message}), so it cannot be audited.`,
    }, opts);
  }
}
