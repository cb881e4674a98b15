/** @jsxImportSource preact */
import type { AuditResult } from '../lib/model/result';
import type { Strings } from './i18n';

export type Timeliness = 'on-time' | 'late' | 'unknown';

/** On time when the publication date is on or before the deadline; unknown when either is missing. */
export function timeliness(meta: { publication: { date: string | null }; deadline: string | null } | null | undefined): Timeliness {
  const date = meta?.publication.date;
  const deadline = meta?.deadline;
  if (!date || !deadline) return 'unknown';
  return date <= deadline ? 'on-time' : 'late';
}

/** Who published which report, in which format, when, and whether in time. */
export function ReportIdentity({ result, s }: { result: AuditResult; s: Strings }) {
  const m = result.report?.meta;
  const title = m?.title ?? result.source.title;
  const t = timeliness(m);
  const tLabel = t === 'on-time' ? s.onTime : t === 'late' ? s.late : s.timelinessUnknown;
  return (
    <section class="identity" aria-label={s.body}>
      {title ? <h2 class="identity__title" title={title}>{title}</h2> : null}
      <dl class="identity__grid">
        <div class="identity__body">
          <dt>{s.body}</dt>
          <dd data-field="body" title={m?.body ?? undefined}>{m?.body ?? s.unknown}</dd>
        </div>
        <div>
          <dt>{s.year}</dt>
          <dd data-field="year">{m?.year ?? s.unknown}</dd>
        </div>
        <div>
          <dt>{s.template}</dt>
          <dd data-field="template">{m?.templateVersion ? s.templateValue(m.templateVersion) : s.unknown}</dd>
        </div>
        <div class="identity__published">
          <dt>{s.published}</dt>
          <dd data-field="published">
            <span>{m?.publication.date ?? s.unknown}</span>{' '}
            <span class={`timeliness timeliness--${t}`} data-timeliness={t}>
              {tLabel}
              {m?.deadline ? `（${s.deadline} ${m.deadline}）` : ''}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
