/** @jsxImportSource preact */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PdfDebug } from '../lib/extract/pdf';
import type { Grid } from '../lib/extract/types';
import type { AuditResult, Severity } from '../lib/model/result';
import type { Bilingual } from '../lib/model/report';
import type { Progress } from '../ext/report-load';
import { itemsFor, labelFor } from '../ext/highlight-items';
import { fileNameOf, hostOf } from '../ext/file-links';
import { STRINGS, type Lang, type Strings } from './i18n';
import { Brand, ErrorState } from './Chrome';
import { ResultPanel, type ExportKind, type HighlightFeedback } from './PopupView';
import { PdfPages, cellInfoOf, type PageSize, type RenderPage } from './PdfPages';
import { DocxView, resolvableCount } from './DocxView';

/**
 * The report view (report.html?src=…): a PDF's pages or a Word file's text beside the findings. Loading shows its
 * progress (bytes, then pages); a file that cannot be read shows the plain not-assessable reason.
 */
export type ReportModel =
  | { kind: 'loading'; progress: Progress | null }
  | { kind: 'bad-src' }
  | { kind: 'error'; message: Bilingual }
  | { kind: 'permission'; origin: string; denied: boolean }
  | { kind: 'pdf'; result: AuditResult; debug: PdfDebug | null; pages: PageSize[]; grids: Grid[] }
  | { kind: 'docx'; result: AuditResult; doc: Document | null };

export interface ReportViewProps {
  lang: Lang;
  model: ReportModel;
  src: string | null;
  severities: Record<Severity, boolean>;
  ruleTitles: Record<string, Bilingual>;
  /** draws a page of the PDF (pdf.js); null while the document is not ready */
  renderPage: RenderPage | null;
  /** CSS pixels per PDF unit */
  scale: number;
  onExport: (kind: ExportKind) => Promise<void>;
  /** ask for access to the file's origin (the user's click) */
  onGrant: () => void;
  onOptions?: () => void;
}

export function ReportView(props: ReportViewProps) {
  const { lang, model, src } = props;
  const s = STRINGS[lang];
  const result = model.kind === 'pdf' || model.kind === 'docx' ? model.result : null;
  return (
    <div class="report" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-state={stateName(model)}>
      <header class="bar report__bar">
        <Brand name={s.appName} sub={s.reportViewTitle} />
        {src ? (
          <div class="report__src" title={src}>
            <span class={`file__kind file__kind--${model.kind === 'docx' ? 'docx' : 'pdf'}`}>{model.kind === 'docx' ? 'DOCX' : 'PDF'}</span>
            <span class="report__name" data-field="file-name">{fileNameOf(src)}</span>
            <a class="report__open" href={src} target="_blank" rel="noopener noreferrer">
              {s.openOriginal}
            </a>
          </div>
        ) : null}
        <div class="bar__actions">
          {props.onOptions ? (
            <button type="button" class="btn btn--icon" data-action="options" title={s.options} aria-label={s.options} onClick={props.onOptions}>
              ⚙
            </button>
          ) : null}
        </div>
      </header>
      {result ? <Loaded {...props} result={result} s={s} /> : <div class="report__state">{stateBody(props, s)}</div>}
    </div>
  );
}

function stateName(m: ReportModel): string {
  if (m.kind !== 'pdf' && m.kind !== 'docx') return m.kind;
  if (m.result.status === 'not-assessable') return 'not-assessable';
  return m.result.findings.length ? 'findings' : 'empty';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function stateBody(props: ReportViewProps, s: Strings) {
  const { model, lang } = props;
  switch (model.kind) {
    case 'loading': {
      const p = model.progress;
      let text = s.phaseStart;
      let value: number | null = null;
      if (p?.phase === 'fetch') {
        text = s.phaseFetch(formatBytes(p.loaded), p.total ? formatBytes(p.total) : null);
        value = p.total ? p.loaded / p.total : null;
      } else if (p?.phase === 'parse') {
        text = s.phaseParse(p.page, p.pages);
        value = p.pages ? p.page / p.pages : null;
      } else if (p?.phase === 'audit') text = s.phaseAudit;
      return (
        <div class="state state--loading" role="status" aria-live="polite" data-phase={p?.phase ?? 'start'}>
          <span class="spinner" aria-hidden="true" />
          <p data-field="progress">{text}</p>
          {value !== null ? <progress max={1} value={value} /> : <progress />}
        </div>
      );
    }
    case 'bad-src':
      return (
        <ErrorState title={s.badSrcTitle}>
          <p>{s.badSrcText}</p>
        </ErrorState>
      );
    case 'error':
      return (
        <ErrorState title={s.downloadFailedTitle}>
          <p data-field="reason">{model.message[lang]}</p>
        </ErrorState>
      );
    case 'permission': {
      const host = hostOf(model.origin) || model.origin;
      return (
        <div class="state state--permission">
          <div class="state__icon" aria-hidden="true">🔒</div>
          <h2>{s.permissionTitle}</h2>
          <p>{s.permissionText(host)}</p>
          {model.denied ? <p class="detail" role="alert">{s.permissionDenied}</p> : null}
          <button type="button" class="btn btn--primary" data-action="grant" onClick={props.onGrant}>
            {s.allowAccess(host)}
          </button>
        </div>
      );
    }
    default:
      return null;
  }
}


function Loaded(props: ReportViewProps & { result: AuditResult; s: Strings }) {
  const { model, result, s, lang } = props;
  const allIds = useMemo(() => result.findings.filter((f) => props.severities[f.severity]).map((f) => f.id), [result]);
  // what is drawn: every finding at first; after a click on one, that one
  const [shown, setShown] = useState<{ ids: string[]; focus: string | null; tick: number }>({ ids: allIds, focus: null, tick: 0 });
  const [showDebug, setShowDebug] = useState(false);
  const items = useMemo(() => {
    const wanted = new Set(shown.ids);
    return itemsFor(result.findings.filter((f) => wanted.has(f.id)), (f) => labelFor(f, lang));
  }, [result, shown.ids, lang]);

  // scroll to the focused finding's box once it is drawn: its total, else a table cell, else its first source
  useEffect(() => {
    if (!shown.focus) return;
    const boxes = [...document.querySelectorAll<HTMLElement>(`[data-finding="${cssEscape(shown.focus)}"]`)];
    const first = boxes.find((b) => b.dataset.role === 'total') ?? boxes.find((b) => b.dataset.role === 'cell') ?? boxes[0];
    first?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [shown.tick]);

  const onHighlight = async (ids: string[], scroll: boolean): Promise<HighlightFeedback | null> => {
    const wanted = new Set(ids);
    const its = itemsFor(result.findings.filter((f) => wanted.has(f.id)), () => '');
    const drawable =
      model.kind === 'pdf'
        ? its.filter((i) => i.ref.kind === 'pdf' && model.pages.some((p) => p.page === (i.ref as { page: number }).page)).length
        : model.kind === 'docx' && model.doc
          ? resolvableCount(model.doc, its)
          : 0;
    setShown((cur) => ({ ids, focus: scroll ? ids[0] ?? null : null, tick: cur.tick + 1 }));
    return { shown: drawable, missing: its.length - drawable };
  };
  const onClear = () => setShown((cur) => ({ ids: [], focus: null, tick: cur.tick + 1 }));
  const selectFromBox = (id: string) => {
    setShown((cur) => ({ ids: cur.ids, focus: id, tick: cur.tick + 1 }));
    document.querySelector(`.finding[data-finding-id="${cssEscape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  const cellInfo = useMemo(() => (model.kind === 'pdf' && showDebug ? cellInfoOf(model.grids, result) : null), [model, showDebug, result]);

  return (
    <div class="report__body">
      <main class="report__doc">
        {model.kind === 'pdf' ? (
          model.pages.length ? (
            <>
              {model.debug ? (
                <div class="debug-bar">
                  <label class="switch">
                    <input type="checkbox" data-action="debug" checked={showDebug} onChange={(e) => setShowDebug((e.target as HTMLInputElement).checked)} />
                    <span>{s.debugToggle}</span>
                  </label>
                  {showDebug ? (
                    <span class="debug-legend">
                      <i class="debug-legend__ruling" />
                      {s.debugLegend.rulings} <i class="debug-legend__cell" />
                      {s.debugLegend.cells} <i class="debug-legend__table" />
                      {s.debugLegend.tables}
                    </span>
                  ) : null}
                </div>
              ) : null}
              <PdfPages
                pages={model.pages}
                scale={props.scale}
                render={props.renderPage}
                items={items}
                focus={shown.focus}
                onSelect={selectFromBox}
                debug={model.debug?.pages ?? null}
                showDebug={showDebug}
                cellInfo={cellInfo}
                s={s}
              />
            </>
          ) : (
            <p class="report__empty">{s.noPages}</p>
          )
        ) : model.kind === 'docx' && model.doc ? (
          <DocxView doc={model.doc} items={items} focus={shown.focus} onSelect={selectFromBox} s={s} />
        ) : (
          <p class="report__empty">{s.noPages}</p>
        )}
      </main>
      <aside class="report__side">
        <ResultPanel
          lang={lang}
          result={result}
          s={s}
          severities={props.severities}
          ruleTitles={props.ruleTitles}
          onHighlight={onHighlight}
          onClear={onClear}
          onExport={props.onExport}
          initialShowAll
        />
      </aside>
    </div>
  );
}

function cssEscape(s: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&');
}
