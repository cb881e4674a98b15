/** @jsxImportSource preact */
import type { Finding, Severity } from '../lib/model/result';
import type { Bilingual } from '../lib/model/report';
import type { Lang, Strings } from './i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface RuleGroup {
  rule: string;
  findings: Finding[];
}
export interface SeverityGroup {
  severity: Severity;
  rules: RuleGroup[];
}

/** Findings by severity (error, warning, info), then by rule in the engine's order. */
export function groupFindings(findings: Finding[]): SeverityGroup[] {
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const rules = new Map<string, Finding[]>();
    for (const f of findings) {
      if (f.severity !== severity) continue;
      let list = rules.get(f.rule);
      if (!list) rules.set(f.rule, (list = []));
      list.push(f);
    }
    if (rules.size) out.push({ severity, rules: [...rules].map(([rule, fs]) => ({ rule, findings: fs })) });
  }
  return out;
}

interface ListProps {
  findings: Finding[];
  lang: Lang;
  s: Strings;
  ruleTitles: Record<string, Bilingual>;
  selected: string | null;
  notice: { id: string; text: string } | null;
  onSelect: (f: Finding) => void;
}

export function FindingsList({ findings, lang, s, ruleTitles, selected, notice, onSelect }: ListProps) {
  const groups = groupFindings(findings);
  return (
    <div class="findings">
      {groups.map((g) => (
        <section class={`sev-group sev-group--${g.severity}`} data-severity={g.severity} key={g.severity}>
          <h3 class="sev-group__title">
            <span class={`sev-dot sev-dot--${g.severity}`} aria-hidden="true" />
            {s.severity[g.severity]}
            <span class="count">{g.rules.reduce((n, r) => n + r.findings.length, 0)}</span>
          </h3>
          {g.rules.map((r) => (
            <div class="rule-group" data-rule={r.rule} key={r.rule}>
              <h4 class="rule-group__title">
                <span>{ruleTitles[r.rule]?.[lang] ?? r.rule}</span>
                <code class="rule-id">{r.rule}</code>
              </h4>
              <ul class="rule-group__list">
                {r.findings.map((f) => (
                  <FindingItem
                    key={f.id}
                    f={f}
                    lang={lang}
                    s={s}
                    selected={selected === f.id}
                    notice={notice?.id === f.id ? notice.text : null}
                    onSelect={onSelect}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function FindingItem(props: { f: Finding; lang: Lang; s: Strings; selected: boolean; notice: string | null; onSelect: (f: Finding) => void }) {
  const { f, lang, s, selected, notice, onSelect } = props;
  const review = f.outcome === 'needs-review';
  const ev = f.evidence;
  const hasNumbers = ev.expected !== undefined || ev.actual !== undefined;
  const clickable = ev.sources.length > 0;
  const cls = ['finding', `finding--${f.severity}`, review ? 'finding--review' : 'finding--fail', selected ? 'is-selected' : '', clickable ? 'is-clickable' : '']
    .filter(Boolean)
    .join(' ');
  const activate = () => onSelect(f);
  return (
    <li
      class={cls}
      data-finding-id={f.id}
      data-rule={f.rule}
      data-outcome={f.outcome}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      title={clickable ? s.showOnPage : s.noSourcesOnPage}
      onClick={activate}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          activate();
        }
      }}
    >
      <div class="finding__head">
        <p class="finding__message">{f.message[lang]}</p>
        {review ? <span class="tag tag--review">{s.needsReview}</span> : null}
      </div>
      {hasNumbers ? (
        <p class="finding__numbers">
          <span>
            {s.expected} <b data-field="expected">{String(ev.expected ?? '—')}</b>
          </span>
          <span>
            {s.actual} <b data-field="actual">{String(ev.actual ?? '—')}</b>
          </span>
        </p>
      ) : null}
      {ev.equation ? (
        <p class="finding__equation">
          <span class="finding__label">{s.equation}</span> <code>{ev.equation}</code>
        </p>
      ) : null}
      {f.note ? <p class="finding__note">{f.note[lang]}</p> : null}
      {ev.text ? (
        <blockquote class="finding__quote" title={ev.text}>
          {ev.text.length > 160 ? `${ev.text.slice(0, 160)}…` : ev.text}
        </blockquote>
      ) : null}
      {ev.keys.length ? <Keys keys={ev.keys} values={ev.values} label={s.keys} /> : null}
      {notice ? <p class="finding__notice" role="status">{notice}</p> : null}
    </li>
  );
}

/** Cell keys with their values; a shared prefix (applications.received.) is written once. */
function Keys({ keys, values, label }: { keys: string[]; values?: Record<string, number | null> | undefined; label: string }) {
  const prefix = keys.length > 2 ? commonPrefix(keys) : '';
  const shown = keys.slice(0, 12);
  return (
    <p class="finding__keys">
      <span class="finding__label">{label}</span> {prefix ? <code class="key-prefix">{prefix}</code> : null}
      {shown.map((k) => (
        <code class="key" key={k} title={k}>
          {k.slice(prefix.length)}
          {values && k in values ? <span class="key__value">={values[k] ?? '∅'}</span> : null}
        </code>
      ))}
      {keys.length > shown.length ? <span class="more">+{keys.length - shown.length}</span> : null}
    </p>
  );
}

/** The longest common prefix of dotted keys, ending at a dot. */
export function commonPrefix(keys: string[]): string {
  let p = keys[0] ?? '';
  for (const k of keys) while (p && !k.startsWith(p)) p = p.slice(0, -1);
  const dot = p.lastIndexOf('.');
  return dot >= 0 ? p.slice(0, dot + 1) : '';
}
