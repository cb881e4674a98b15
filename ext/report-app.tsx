/** @jsxImportSource preact */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReportView, type ReportModel } from '../components/ReportView';
import type { ExportKind } from '../components/PopupView';
import type { PageSize, RenderPage } from '../components/PdfPages';
import { pickLang } from '../components/i18n';
import { RULES } from '../lib/rules';
import type { Bilingual } from '../lib/model/report';
import type { AuditResult } from '../lib/model/result';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { loadSettings } from './storage';
import { exportResult } from './export';
import { loadReport, parseReportParams, type ReportParams } from './report-load';
import { loadPdfjs, pdfjsData, type Pdfjs } from './pdfjs';

const RULE_TITLES: Record<string, Bilingual> = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.title]));

type PdfDoc = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

/** Largest CSS scale of a page (PDF units → CSS px), and the width kept for the findings column. */
const MAX_SCALE = 1.6;
const SIDE_WIDTH = 440;

/**
 * The report view's state and its browser glue (entrypoints/report/main.tsx mounts it): read the query, fetch and
 * audit the file (ext/report-load.ts), open the PDF again with pdf.js for drawing its pages, export, and ask for
 * access to the file's origin when the download was refused.
 */
export function ReportApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [params] = useState<ReportParams | null>(() => parseReportParams(location.search));
  const [model, setModel] = useState<ReportModel>(params ? { kind: 'loading', progress: null } : { kind: 'bad-src' });
  const [renderPage, setRenderPage] = useState<RenderPage | null>(null);
  const [scale, setScale] = useState(1);
  const docRef = useRef<PdfDoc | null>(null);
  // the browser's language, read once (it does not change while the page is open)
  const [uiLanguage] = useState(() => browser.i18n.getUILanguage());
  const lang = pickLang(settings.language, uiLanguage);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const run = useCallback(async (p: ReportParams) => {
    setModel({ kind: 'loading', progress: null });
    const loaded = await loadReport(p, {
      pdf: () => ({ pdfjs: loadPdfjs(), ...pdfjsData() }),
      mammoth: async () => {
        const m = (await import('mammoth/mammoth.browser.js')) as unknown as { default?: unknown };
        return (m.default ?? m) as Awaited<ReturnType<Parameters<typeof loadReport>[1]['mammoth']>>;
      },
      parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
      hasAccess: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      onProgress: (progress) => setModel({ kind: 'loading', progress }),
    });
    switch (loaded.kind) {
      case 'error':
        setModel({ kind: 'error', message: loaded.message });
        return;
      case 'permission':
        setModel({ kind: 'permission', origin: loaded.origin, denied: false });
        return;
      case 'docx':
        setModel({ kind: 'docx', result: loaded.result, doc: loaded.doc });
        return;
      case 'pdf': {
        const pages: PageSize[] = (loaded.debug?.pages ?? []).map((d) => ({ page: d.page, width: d.width, height: d.height }));
        const maxW = Math.max(1, ...pages.map((q) => q.width));
        setScale(Math.max(0.5, Math.min(MAX_SCALE, (window.innerWidth - SIDE_WIDTH - 56) / maxW)));
        setModel({ kind: 'pdf', result: loaded.result, debug: loaded.debug, pages, grids: loaded.grids });
        if (loaded.bytes && pages.length) {
          try {
            const pdfjs = loadPdfjs();
            const { cMapUrl, standardFontDataUrl, iccUrl, wasmUrl } = pdfjsData();
            const doc = await pdfjs.getDocument({
              data: loaded.bytes.slice(),
              cMapUrl,
              cMapPacked: true,
              standardFontDataUrl,
              iccUrl,
              wasmUrl,
              isEvalSupported: false,
              enableXfa: false,
              verbosity: 0,
            }).promise;
            docRef.current = doc;
            setRenderPage(() => async (n: number, canvas: HTMLCanvasElement, cssScale: number) => {
              const page = await doc.getPage(n);
              const dpr = Math.min(2, window.devicePixelRatio || 1);
              const viewport = page.getViewport({ scale: cssScale * dpr });
              canvas.width = Math.floor(viewport.width);
              canvas.height = Math.floor(viewport.height);
              await page.render({ canvas, viewport }).promise;
            });
          } catch {
            /* the pages cannot be drawn: the findings are still listed */
          }
        }
        return;
      }
    }
  }, []);

  useEffect(() => {
    void loadSettings().then(setSettings);
    if (params) void run(params);
    return () => void docRef.current?.destroy();
  }, [run]);

  useEffect(() => {
    const name = params ? decodeURIComponent(params.src.split(/[?#]/)[0]!.split('/').pop() || params.src) : '';
    document.title = `${lang === 'zh' ? '年报核查' : 'Nianbao Audit'}${name ? ` · ${name}` : ''}`;
  }, [lang, params]);

  const onGrant = () => {
    if (model.kind !== 'permission' || !params) return;
    const origin = model.origin;
    // called straight from the click: permissions.request needs the user's gesture
    browser.permissions.request({ origins: [`${origin}/*`] }).then(
      (ok) => (ok ? void run(params) : setModel({ kind: 'permission', origin, denied: true })),
      () => setModel({ kind: 'permission', origin, denied: true }),
    );
  };

  const onExport = async (kind: ExportKind) => {
    const r: AuditResult | null = model.kind === 'pdf' || model.kind === 'docx' ? model.result : null;
    if (r) await exportResult(document, r, kind, lang);
  };

  return (
    <ReportView
      lang={lang}
      model={model}
      src={params?.src ?? null}
      severities={settings.severities}
      ruleTitles={RULE_TITLES}
      renderPage={renderPage}
      scale={scale}
      onExport={onExport}
      onGrant={onGrant}
      onOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}
