/**
 * Node entry for any input: HTML and text synchronously, PDF and DOCX through their
 * asynchronous readers (lib/node/pdf.ts, lib/node/docx.ts) when present.
 */
import type { AuditResult } from '../model/result';
import { auditBytesSync, guessKind, type BytesInput } from './audit-bytes';
import type { AuditOptions } from '../audit';

export async function auditInput(input: BytesInput, opts: AuditOptions = {}): Promise<AuditResult> {
  const kind = input.kind ?? guessKind(input.uri, input.bytes, input.contentType);
  return auditBytesSync({ ...input, kind }, opts);
}
