/** @jsxImportSource preact */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type ExportKind, type PopupModel } from '../../components/PopupView';
import { pickLang } from '../../components/i18n';
import { RULES } from '../../lib/rules';
import type { Bilingual } from '../../lib/model/report';
import { FileLinksReply, HighlightReply, TabState, type FileLink, type ToBackground, type ToContent } from '../../ext/messages';
import { reportPath } from '../../ext/file-links';
import { DEFAULT_SETTINGS, type Settings } from '../../ext/settings';
import { loadSettings } from '../../ext/storage';
import { exportResult } from '../../ext/export';
import { itemsFor, labelFor } from '../../ext/highlight-items';

const RULE_TITLES: Record<string, Bilingual> = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.title]));

function toModel(st: TabState): PopupModel {
  switch (st.kind) {
    case 'none':
      return { kind: 'idle' };
    case 'error':
      return { kind: 'error', code: st.code, message: st.message };
    case 'outcome': {
      const o = st.outcome;
      if (o.kind === 'result') return { kind: 'result', result: o.result, ms: o.ms };
      if (o.kind === 'not-report') return { kind: 'not-report', signals: o.detect.signals, score: o.detect.score };
      if (o.kind === 'file') return { kind: 'file', url: o.file.url, fileKind: o.file.kind };
      return { kind: 'error', code: 'failed', message: o.message };
    }
  }
}

async function ask(msg: ToBackground): Promise<TabState> {
  try {
    const reply = await browser.runtime.sendMessage(msg);
    const parsed = TabState.safeParse(reply);
    return parsed.success ? parsed.data : { kind: 'error', code: 'failed', message: 'invalid reply' };
  } catch (e) {
    return { kind: 'error', code: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The popup. Opened from the toolbar it audits the active tab unless that tab already has a result (the click
 * is the user's request, and it grants activeTab for that tab). Opened as a page with `?tab=ID` (tests, the
 * demo) it shows that tab and waits for "Audit this page".
 */
export function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tabId, setTabId] = useState<number | null>(null);
  const [model, setModel] = useState<PopupModel>({ kind: 'loading' });
  const [files, setFiles] = useState<FileLink[]>([]);
  const lang = pickLang(settings.language, browser.i18n.getUILanguage());

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const audit = useCallback(async (id: number, force: boolean) => {
    setModel({ kind: 'loading' });
    setModel(toModel(await ask({ type: 'tab:audit', tabId: id, force })));
  }, []);

  useEffect(() => {
    void (async () => {
      setSettings(await loadSettings());
      const param = new URLSearchParams(location.search).get('tab');
      const id = param !== null && /^\d+$/.test(param) ? Number(param) : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id === undefined) {
        setModel({ kind: 'error', code: 'no-access', message: 'no active tab' });
        return;
      }
      setTabId(id);
      const st = await ask({ type: 'tab:get', tabId: id });
      if (st.kind === 'none' && param === null) await audit(id, false);
      else setModel(toModel(st));
    })();
  }, [audit]);

  const toContent = async (msg: ToContent): Promise<unknown> => {
    if (tabId === null) return null;
    try {
      return await browser.tabs.sendMessage(tabId, msg, { frameId: 0 });
    } catch {
      return null; // the page navigated away, or the content script is gone
    }
  };

  // the report files the page links to: asked of the page only now (the content script lists them on demand)
  const settled = model.kind !== 'loading';
  useEffect(() => {
    if (!settled || tabId === null || model.kind === 'file') return;
    let live = true;
    void toContent({ type: 'content:links' }).then((reply) => {
      const r = FileLinksReply.safeParse(reply);
      if (live) setFiles(r.success ? r.data.links : []);
    });
    return () => {
      live = false;
    };
  }, [settled, tabId, model.kind]);

  /** Open the report view for a file (it fetches, reads and audits the file itself). */
  const onAuditFile = (url: string, kind: FileLink['kind']) => {
    void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)(reportPath(url, kind)) });
  };

  const onHighlight = async (findingIds: string[], scroll: boolean) => {
    if (model.kind !== 'result') return null;
    // the page keeps no result (the audit runs in the background): send it the sources to outline
    const wanted = new Set(findingIds);
    const findings = model.result.findings.filter((f) => wanted.has(f.id));
    const items = itemsFor(findings, (f) => labelFor(f, lang), model.result.report?.cells);
    const r = HighlightReply.safeParse(await toContent({ type: 'content:highlight', items, scroll }));
    return r.success ? r.data : null;
  };

  const onExport = async (kind: ExportKind) => {
    if (model.kind === 'result') await exportResult(document, model.result, kind, lang);
  };

  return (
    <PopupView
      lang={lang}
      model={model}
      severities={settings.severities}
      ruleTitles={RULE_TITLES}
      onAudit={(force) => tabId !== null && void audit(tabId, force)}
      onHighlight={onHighlight}
      onClear={() => void toContent({ type: 'content:clear' })}
      onExport={onExport}
      onOptions={() => void browser.runtime.openOptionsPage()}
      files={files}
      onAuditFile={onAuditFile}
    />
  );
}
