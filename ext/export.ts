import { AuditResult } from '../lib/model/result';
import { toCsv } from '../lib/model/csv';
import { STRINGS, type Lang } from '../components/i18n';

/**
 * Exports from the popup: the full JSON (validated against the schema first), CSV (one row per finding, from
 * lib/model/csv.ts) and a Markdown summary for the clipboard. No extension API: a blob URL and <a download>.
 */

/** `nianbao-audit_湛河区住建局_2023_2026-11-22.json`: body, report year and the date of the export. */
export function exportFileName(result: AuditResult, ext: 'json' | 'csv' | 'md', now = new Date()): string {
  const body = safePart(result.report?.meta.body ?? null) || 'unknown';
  const year = result.report?.meta.year ?? 'unknown';
  return `nianbao-audit_${body}_${year}_${localDate(now)}.${ext}`;
}

function safePart(s: string | null): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f\s]+/g, '')
    .replace(/^\.+/, '')
    .slice(0, 60);
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The result as JSON; throws when it does not validate against the AuditResult schema. */
export function resultJson(result: unknown): string {
  return JSON.stringify(AuditResult.parse(result), null, 2) + '\n';
}

export function resultCsv(result: AuditResult): string {
  return toCsv(result);
}

/** A short Markdown summary: identity, verdict, and the findings as a table. */
export function summaryMarkdown(result: AuditResult, lang: Lang): string {
  const s = STRINGS[lang];
  const m = result.report?.meta;
  const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const lines: string[] = [];
  lines.push(`## ${s.mdTitle}: ${esc(m?.title ?? result.source.title ?? s.unknown)}`);
  lines.push('');
  const ident = [
    m?.body ? `${s.body}: ${esc(m.body)}` : null,
    m?.year ? `${s.year}: ${m.year}` : null,
    m?.templateVersion ? `${s.template}: ${s.templateValue(m.templateVersion)}` : null,
    m?.publication.date ? `${s.published}: ${m.publication.date}${m.deadline ? ` (${s.deadline} ${m.deadline})` : ''}` : null,
  ].filter(Boolean);
  if (ident.length) lines.push(ident.join(' · '), '');
  if (result.source.uri) lines.push(`${s.mdSource}: ${result.source.uri}`, '');
  lines.push(`**${s.mdVerdict}:** ${esc(result.summary.verdict[lang])}`, '');
  if (result.findings.length === 0) {
    lines.push(s.mdNone);
  } else {
    lines.push(`| ${s.mdSeverity} | ${s.mdRule} | ${s.mdMessage} |`, '|---|---|---|');
    for (const f of result.findings) {
      const sev = s.severity[f.severity] + (f.outcome === 'needs-review' ? ` (${s.needsReview})` : '');
      const nums = f.evidence.expected !== undefined || f.evidence.actual !== undefined
        ? ` (${s.expected} ${f.evidence.expected ?? '—'}, ${s.actual} ${f.evidence.actual ?? '—'})`
        : '';
      lines.push(`| ${sev} | \`${f.rule}\` | ${esc(f.message[lang])}${esc(nums)} |`);
    }
  }
  lines.push('', `<sub>${result.tool.name} ${result.tool.version} · ${result.generatedAt}</sub>`);
  return lines.join('\n') + '\n';
}

/** Save text as a file from an extension page (no downloads permission: a blob URL and <a download>). */
export function downloadText(doc: Document, name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export async function copyText(doc: Document, text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // fall back to a hidden textarea (older engines, or the clipboard API refused)
  }
  const ta = doc.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  doc.body.appendChild(ta);
  ta.select();
  const ok = doc.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('clipboard unavailable');
}

/** What an export button does: the JSON file, the CSV file, or the Markdown summary on the clipboard. */
export async function exportResult(doc: Document, result: AuditResult, kind: 'json' | 'csv' | 'md', lang: Lang): Promise<void> {
  if (kind === 'json') downloadText(doc, exportFileName(result, 'json'), resultJson(result), 'application/json');
  else if (kind === 'csv') downloadText(doc, exportFileName(result, 'csv'), resultCsv(result), 'text/csv;charset=utf-8');
  else await copyText(doc, summaryMarkdown(result, lang));
}
