/** @jsxImportSource preact */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuditResult, Finding, Severity } from '../lib/model/result';
import type { Bilingual } from '../lib/model/report';
import { STRINGS, type Lang, type Strings } from './i18n';
import { Brand, ErrorState } from './Chrome';
import { ReportIdentity } from './ReportIdentity';
import { FindingsList, SEVERITIES } from './FindingsList';
import { ChecksPassed } from './ChecksPassed';
import { hostOf, type FileKind, type FileLink } from '../ext/file-links';

/** What the popup shows: one of its designed states. */
export type PopupModel =
  | { kind: 'loading' }
  | { kind: 'idle' }
  | { kind: 'not-report'; signals: string[]; score: number }
  | { kind: 'error'; code: 'no-access' | 'failed'; message: string }
  | { kind: 'result'; result: AuditResult; ms?: number }
  /** the tab shows a PDF: it is audited in the report view */
  | { kind: 'file'; url: string; fileKind: FileKind };

export type ExportKind = 'json' | 'csv' | 'md';

export interface HighlightFeedback {
  shown: number;
  missing: number;
}

export interface PopupViewProps {
  lang: Lang;
  model: PopupModel;
  /** severities shown at first (from the options) */
  severities: Record<Severity, boolean>;
  ruleTitles: Record<string, Bilingual>;
  onAudit: (force: boolean) => void;
  onHighlight: (findingIds: string[], scroll: boolean) => Promise<HighlightFeedback | null>;
  onClear: () => void;
  onExport: (kind: ExportKind) => Promise<void>;
  onOptions?: () => void;
  /** PDF / .docx files the page links to (asked of the page once the popup has settled) */
  files?: FileLink[];
  /** audit a file (the tab's PDF or a linked file) in the report view */
  onAuditFile?: (url: string, kind: FileKind) => void;
}

export function PopupView(props: PopupViewProps) {
  const { lang, model, onAudit, onOptions } = props;
  const s = STRINGS[lang];
  const busy = model.kind === 'loading';
  return (
    <div class="popup" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-state={stateName(model)}>
      <header class="bar">
        <Brand name={s.appName} sub={s.appSub} />
        <div class="bar__actions">
          {model.kind === 'result' || model.kind === 'not-report' ? (
            <button type="button" class="btn btn--ghost" data-action="audit-again" onClick={() => onAudit(model.kind === 'result')} disabled={busy}>
              {s.auditAgain}
            </button>
          ) : null}
          {onOptions ? (
            <button type="button" class="btn btn--icon" data-action="options" title={s.options} aria-label={s.options} onClick={onOptions}>
              ⚙
            </button>
          ) : null}
        </div>
      </header>
      <main class="content">
        {body(props, s)}
        {model.kind !== 'loading' && props.files?.length && props.onAuditFile ? <FileLinks files={props.files} s={s} onAudit={props.onAuditFile} /> : null}
      </main>
    </div>
  );
}

function stateName(m: PopupModel): string {
  if (m.kind !== 'result') return m.kind;
  if (m.result.status === 'not-assessable') return 'not-assessable';
  return m.result.findings.length ? 'findings' : 'empty';
}

function body(props: PopupViewProps, s: Strings) {
  const { model, onAudit } = props;
  switch (model.kind) {
    case 'loading':
      return (
        <div class="state state--loading" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true" />
          <p>{s.loading}</p>
        </div>
      );
    case 'idle':
      return (
        <div class="state state--idle">
          <h2>{s.idleTitle}</h2>
          <p>{s.idleText}</p>
          <button type="button" class="btn btn--primary" data-action="audit" onClick={() => onAudit(false)}>
            {s.auditThisPage}
          </button>
        </div>
      );
    case 'not-report':
      return (
        <div class="state state--not-report">
          <div class="state__icon" aria-hidden="true">◌</div>
          <h2>{s.notReportTitle}</h2>
          <p>{s.notReportText}</p>
          {model.signals.length ? (
            <p class="signals">
              {s.notReportSignals}: {model.signals.map((x) => <code key={x}>{x}</code>)}
            </p>
          ) : null}
          <button type="button" class="btn" data-action="audit-anyway" onClick={() => onAudit(true)}>
            {s.auditAnyway}
          </button>
        </div>
      );
    case 'error':
      return (
        <ErrorState title={s.errorTitle}>
          <p>{model.code === 'no-access' ? s.noAccessText : s.failedText + model.message}</p>
          {model.code === 'no-access' ? <p class="detail">{model.message}</p> : null}
          <button type="button" class="btn btn--primary" data-action="audit" onClick={() => onAudit(false)}>
            {model.code === 'no-access' ? s.auditThisPage : s.retry}
          </button>
        </ErrorState>
      );
    case 'file':
      return (
        <div class="state state--file">
          <div class="state__icon state__icon--file" aria-hidden="true">PDF</div>
          <h2>{s.fileTitle}</h2>
          <p>{s.fileText}</p>
          <p class="detail file-url" title={model.url}>{model.url}</p>
          {props.onAuditFile ? (
            <button type="button" class="btn btn--primary" data-action="audit-pdf" onClick={() => props.onAuditFile!(model.url, model.fileKind)}>
              {s.auditThisPdf}
            </button>
          ) : null}
        </div>
      );
    case 'result':
      return <ResultPanel {...props} result={model.result} s={s} />;
  }
}

/** The files a page links to, each with an audit button. Their text is the page's: shown as text only. */
function FileLinks({ files, s, onAudit }: { files: FileLink[]; s: Strings; onAudit: (url: string, kind: FileKind) => void }) {
  return (
    <section class="files" aria-label={s.filesTitle(files.length)}>
      <h3 class="files__title">{s.filesTitle(files.length)}</h3>
      <p class="files__hint">{s.filesHint}</p>
      <ul class="files__list">
        {files.map((f) => (
          <li class="file" key={f.url} data-url={f.url} data-kind={f.kind}>
            <span class={`file__kind file__kind--${f.kind}`}>{f.kind.toUpperCase()}</span>
            <span class="file__text" title={f.url}>
              {f.text}
              <small class="file__host">{hostOf(f.url)}</small>
            </span>
            <button type="button" class="btn btn--small" data-action="audit-link" onClick={() => onAudit(f.url, f.kind)}>
              {s.auditFile}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}


export interface ResultPanelProps {
  lang: Lang;
  result: AuditResult;
  s: Strings;
  severities: Record<Severity, boolean>;
  ruleTitles: Record<string, Bilingual>;
  onHighlight: (findingIds: string[], scroll: boolean) => Promise<HighlightFeedback | null>;
  onClear: () => void;
  onExport: (kind: ExportKind) => Promise<void>;
  /** start with every finding shown (the report view draws them all over the pages at first) */
  initialShowAll?: boolean;
}

/**
 * A result: identity, verdict, severity filters, the findings (click: show on the page), the checks that passed,
 * exports. The popup shows it for the tab's page; the report view (components/ReportView.tsx) beside a file's pages.
 */
export function ResultPanel(props: ResultPanelProps) {
  const { result, s, lang, ruleTitles, onHighlight, onClear, onExport } = props;
  const [filter, setFilter] = useState<Record<Severity, boolean>>(props.severities);
  const [selected, setSelected] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(props.initialShowAll ?? false);
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => setFilter(props.severities), [props.severities]);

  const counts = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) c[f.severity]++;
    return c;
  }, [result]);
  const visible = result.findings.filter((f) => filter[f.severity]);
  const notAssessable = result.status === 'not-assessable';

  const select = async (f: Finding) => {
    setSelected(f.id);
    setShowAll(false);
    if (!f.evidence.sources.length) {
      setNotice({ id: f.id, text: s.noSourcesOnPage });
      onClear();
      return;
    }
    const r = await onHighlight([f.id], true);
    setNotice(!r || r.shown === 0 ? { id: f.id, text: s.notFoundOnPage } : null);
  };

  const toggleAll = async (on: boolean) => {
    setShowAll(on);
    setSelected(null);
    setNotice(null);
    if (on) await onHighlight(visible.map((f) => f.id), false);
    else onClear();
  };

  const doExport = async (kind: ExportKind) => {
    try {
      await onExport(kind);
      setStatus(kind === 'md' ? s.copied : `${kind.toUpperCase()} ✓`);
    } catch (e) {
      setStatus(s.exportFailed + (e instanceof Error ? e.message : String(e)));
    }
    setTimeout(() => setStatus(null), 2500);
  };

  const verdictClass = result.summary.errors ? 'verdict--error' : result.summary.warnings || result.summary.needsReview ? 'verdict--warning' : 'verdict--ok';

  return (
    <div class="result">
      <ReportIdentity result={result} s={s} />
      {notAssessable ? null : (
        <p class={`verdict ${verdictClass}`} data-field="verdict">
          {result.summary.verdict[lang]}
        </p>
      )}

      {notAssessable ? (
        <div class="state state--not-assessable">
          <h2>{s.notAssessableTitle}</h2>
          <p class="reason" data-field="reason">{result.reason?.[lang] ?? ''}</p>
          <p class="detail">{result.source.kind === 'pdf' || result.source.kind === 'docx' ? s.notAssessableFileText : s.notAssessableText}</p>
        </div>
      ) : (
        <>
          {result.findings.length ? (
            <div class="toolbar">
              <div class="filters" role="group" aria-label={s.filterLabel}>
                {SEVERITIES.map((sev) => (
                  <button
                    type="button"
                    key={sev}
                    class={`chip chip--${sev}`}
                    data-filter={sev}
                    aria-pressed={filter[sev]}
                    disabled={!counts[sev]}
                    onClick={() => setFilter({ ...filter, [sev]: !filter[sev] })}
                  >
                    {s.severity[sev]} <span class="count">{counts[sev]}</span>
                  </button>
                ))}
              </div>
              <div class="page-actions">
                <label class="switch">
                  <input type="checkbox" data-action="show-all" checked={showAll} onChange={(e) => toggleAll((e.target as HTMLInputElement).checked)} />
                  <span>{s.showAll}</span>
                </label>
                <button type="button" class="btn btn--ghost btn--small" data-action="clear" onClick={() => { setShowAll(false); setSelected(null); setNotice(null); onClear(); }}>
                  {s.clear}
                </button>
              </div>
            </div>
          ) : (
            <div class="state state--empty">
              <div class="state__icon state__icon--ok" aria-hidden="true">✓</div>
              <h2>{s.emptyTitle}</h2>
              <p>{s.emptyText}</p>
            </div>
          )}
          {result.findings.length && !visible.length ? <p class="filtered-empty">{s.filteredEmpty}</p> : null}
          <FindingsList findings={visible} lang={lang} s={s} ruleTitles={ruleTitles} selected={selected} notice={notice} onSelect={select} />
          <ChecksPassed checks={result.checks} lang={lang} s={s} ruleTitles={ruleTitles} open={!result.findings.length} />
        </>
      )}

      <footer class="exports">
        <span class="exports__label">{s.export}</span>
        <button type="button" class="btn btn--small" data-action="export-json" onClick={() => doExport('json')}>
          {s.exportJson}
        </button>
        <button type="button" class="btn btn--small" data-action="export-csv" onClick={() => doExport('csv')}>
          {s.exportCsv}
        </button>
        <button type="button" class="btn btn--small" data-action="copy-summary" onClick={() => doExport('md')}>
          {s.copySummary}
        </button>
        {status ? <span class="exports__status" role="status">{status}</span> : null}
      </footer>
    </div>
  );
}
