// @vitest-environment jsdom
/** @jsxImportSource preact */
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { $, $$, show } from './dom';
import { PopupView, type PopupModel, type PopupViewProps } from '../../components/PopupView';
import { groupFindings } from '../../components/FindingsList';
import { timeliness } from '../../components/ReportIdentity';
import { pickLang } from '../../components/i18n';
import { OptionsView } from '../../components/OptionsView';
import { DEFAULT_SETTINGS, parseSettings } from '../../ext/settings';
import { sampleResult } from './sample-result';

const TITLES = {
  'applications-row-sum': { zh: '各行合计', en: 'Row totals' },
  'applications-balance': { zh: '勾稽关系', en: 'Balance' },
  'narrative-contradiction': { zh: '正文与表格矛盾', en: 'Prose contradicts table' },
};


function mount(model: PopupModel, over: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    lang: 'zh',
    model,
    severities: { error: true, warning: true, info: true },
    ruleTitles: TITLES,
    onAudit: vi.fn(),
    onHighlight: vi.fn(async () => ({ shown: 3, missing: 0 })),
    onClear: vi.fn(),
    onExport: vi.fn(async () => undefined),
    ...over,
  };
  const root = show(<PopupView {...props} />);
  return { root, props };
}


describe('PopupView with a result', () => {
  it('shows the identity, the verdict and the findings grouped by severity then rule', () => {
    mount({ kind: 'result', result: sampleResult() });
    expect($('[data-field="body"]')!.textContent).toBe('湛河区住建局');
    expect($('[data-field="year"]')!.textContent).toBe('2023');
    expect($('[data-field="template"]')!.textContent).toBe('2021 年版');
    expect($('[data-timeliness]')!.dataset.timeliness).toBe('late');
    expect($('[data-timeliness]')!.textContent).toBe('逾期（截止 2024-01-31）');
    expect($('[data-field="verdict"]')!.textContent).toBe('发现1 个错误、1 处需复核、1 条提示。');
    expect($$('.sev-group').map((g) => g.dataset.severity)).toEqual(['error', 'info']);
    expect($$('.sev-group[data-severity="error"] .rule-group').map((g) => g.dataset.rule)).toEqual(['applications-row-sum', 'narrative-contradiction']);
    expect($('.rule-group[data-rule="applications-row-sum"] h4')!.textContent).toContain('各行合计');
    const f = $('[data-finding-id="applications-row-sum:received"]')!;
    expect(f.querySelector('[data-field="expected"]')!.textContent).toBe('81');
    expect(f.querySelector('[data-field="actual"]')!.textContent).toBe('91');
    expect(f.querySelector('.key-prefix')!.textContent).toBe('applications.received.');
    expect([...f.querySelectorAll('.key')].map((k) => k.textContent)).toEqual(['total=91', 'naturalPerson=80', 'commercial=1']);
  });

  it('marks needs-review findings differently from errors', () => {
    mount({ kind: 'result', result: sampleResult() });
    const review = $('[data-finding-id="narrative-contradiction:received"]')!;
    const fail = $('[data-finding-id="applications-row-sum:received"]')!;
    expect(review.classList.contains('finding--review')).toBe(true);
    expect(review.querySelector('.tag--review')!.textContent).toBe('需复核');
    expect(fail.classList.contains('finding--review')).toBe(false);
    expect(fail.querySelector('.tag--review')).toBeNull();
  });

  it('filters by severity', () => {
    mount({ kind: 'result', result: sampleResult() });
    expect($$('.finding')).toHaveLength(3);
    act(() => $('[data-filter="error"]')!.click());
    expect($$('.finding').map((f) => f.dataset.rule)).toEqual(['label-variant']);
    expect($('[data-filter="warning"]')!.hasAttribute('disabled')).toBe(true);
    act(() => $('[data-filter="info"]')!.click());
    expect($$('.finding')).toHaveLength(0);
    expect($('.filtered-empty')).not.toBeNull();
  });

  it('starts from the severities chosen in the options', () => {
    mount({ kind: 'result', result: sampleResult() }, { severities: { error: true, warning: true, info: false } });
    expect($$('.finding').map((f) => f.dataset.rule)).not.toContain('label-variant');
  });

  it('asks to highlight a clicked finding, and says so when it is not on the page', async () => {
    const onHighlight = vi.fn(async () => ({ shown: 0, missing: 3 }));
    mount({ kind: 'result', result: sampleResult() }, { onHighlight });
    await act(async () => $('[data-finding-id="applications-row-sum:received"]')!.click());
    expect(onHighlight).toHaveBeenCalledWith(['applications-row-sum:received'], true);
    expect($('[data-finding-id="applications-row-sum:received"]')!.classList.contains('is-selected')).toBe(true);
    expect($('.finding__notice')!.textContent).toContain('找不到');
  });

  it('shows all visible findings at once, and clears', async () => {
    const onHighlight = vi.fn(async () => ({ shown: 4, missing: 0 }));
    const onClear = vi.fn();
    mount({ kind: 'result', result: sampleResult() }, { onHighlight, onClear });
    await act(async () => $('[data-action="show-all"]')!.click());
    expect(onHighlight).toHaveBeenCalledWith(['applications-row-sum:received', 'narrative-contradiction:received', 'label-variant:active.col.repealed'], false);
    act(() => $('[data-action="clear"]')!.click());
    expect(onClear).toHaveBeenCalled();
  });

  it('lists passed checks, collapsed, from result.checks', () => {
    mount({ kind: 'result', result: sampleResult() });
    const d = $('details.checks') as HTMLDetailsElement;
    expect(d.open).toBe(false);
    expect($$('details.checks li').map((l) => l.dataset.rule)).toEqual(['applications-balance', 'reviews-sum']);
    expect(d.querySelector('summary')!.textContent).toBe('通过的检查（2）');
  });

  it('exports through its callbacks', async () => {
    const onExport = vi.fn(async () => undefined);
    mount({ kind: 'result', result: sampleResult() }, { onExport });
    await act(async () => $('[data-action="export-json"]')!.click());
    await act(async () => $('[data-action="export-csv"]')!.click());
    await act(async () => $('[data-action="copy-summary"]')!.click());
    expect(onExport.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['json', 'csv', 'md']);
    expect($('.exports__status')!.textContent).toBe('已复制');
  });

  it('speaks English', () => {
    mount({ kind: 'result', result: sampleResult() }, { lang: 'en' });
    expect($('.brand__name')!.textContent).toBe('Nianbao Audit');
    expect($('[data-field="verdict"]')!.textContent).toBe('Found 1 error, 1 to review, 1 note.');
    expect($('.tag--review')!.textContent).toBe('Needs review');
    expect($('[data-timeliness]')!.textContent).toContain('late');
  });

  it('renders page text as text, never as markup', () => {
    const r = sampleResult();
    r.report!.meta.body = '<img src=x onerror="globalThis.pwned=1">';
    r.findings[0]!.message.zh = '<script>globalThis.pwned=1</script>';
    mount({ kind: 'result', result: r });
    expect($('[data-field="body"]')!.textContent).toBe('<img src=x onerror="globalThis.pwned=1">');
    expect($('img, script')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('PopupView states', () => {
  it('loading', () => {
    mount({ kind: 'loading' });
    expect($('.popup')!.dataset.state).toBe('loading');
    expect($('[role="status"]')!.textContent).toContain('正在核查');
  });

  it('idle: offers "audit this page"', () => {
    const onAudit = vi.fn();
    mount({ kind: 'idle' }, { onAudit });
    act(() => $('[data-action="audit"]')!.click());
    expect(onAudit).toHaveBeenCalledWith(false);
  });

  it('not a report: says so plainly and offers to audit anyway', () => {
    const onAudit = vi.fn();
    mount({ kind: 'not-report', signals: ['meta:ColumnName'], score: 0.1 }, { onAudit });
    expect($('.popup')!.dataset.state).toBe('not-report');
    expect($('h2')!.textContent).toBe('此页不是年度报告');
    act(() => $('[data-action="audit-anyway"]')!.click());
    expect(onAudit).toHaveBeenCalledWith(true);
  });

  it('not assessable: gives the reason, no findings list', () => {
    const r = sampleResult();
    r.status = 'not-assessable';
    r.reason = { zh: '表格是图片，无法读取。', en: 'The tables are pictures.' };
    mount({ kind: 'result', result: r });
    expect($('.popup')!.dataset.state).toBe('not-assessable');
    expect($('[data-field="reason"]')!.textContent).toBe('表格是图片，无法读取。');
    expect($('.state--not-assessable .detail')!.textContent).toContain('页面被识别为年度报告');
    expect($('.findings')).toBeNull();
  });

  it('empty: no findings, checks shown open', () => {
    const r = sampleResult();
    r.findings = [];
    r.checks = r.checks.map((c) => ({ ...c, fail: 0 }));
    mount({ kind: 'result', result: r });
    expect($('.popup')!.dataset.state).toBe('empty');
    expect($('.state--empty h2')!.textContent).toBe('未发现问题');
    expect(($('details.checks') as HTMLDetailsElement).open).toBe(true);
  });

  it('error: no access explains the toolbar button', () => {
    mount({ kind: 'error', code: 'no-access', message: 'Cannot access contents of the page.' });
    expect($('[role="alert"]')!.textContent).toContain('工具栏');
    expect($('[data-action="audit"]')!.textContent).toBe('核查此页');
  });
});

describe('helpers', () => {
  it('groupFindings keeps severity order and rule order', () => {
    const g = groupFindings(sampleResult().findings);
    expect(g.map((x) => [x.severity, x.rules.map((r) => r.rule)])).toEqual([
      ['error', ['applications-row-sum', 'narrative-contradiction']],
      ['info', ['label-variant']],
    ]);
  });

  it('timeliness', () => {
    const m = (date: string | null, deadline: string | null) => ({ publication: { date }, deadline });
    expect(timeliness(m('2024-01-31', '2024-01-31'))).toBe('on-time');
    expect(timeliness(m('2024-02-01', '2024-01-31'))).toBe('late');
    expect(timeliness(m(null, '2024-01-31'))).toBe('unknown');
    expect(timeliness(m('2024-02-01', null))).toBe('unknown');
  });

  it('pickLang follows the browser unless the options say otherwise', () => {
    expect(pickLang('auto', 'zh-CN')).toBe('zh');
    expect(pickLang('auto', 'zh-TW')).toBe('zh');
    expect(pickLang('auto', 'en-US')).toBe('en');
    expect(pickLang('auto', 'de')).toBe('en');
    expect(pickLang('zh', 'en-US')).toBe('zh');
    expect(pickLang('en', 'zh-CN')).toBe('en');
  });

  it('parseSettings repairs whatever is stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ language: 'fr', autoAudit: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ language: 'en', autoAudit: false, severities: { info: false } })).toEqual({
      language: 'en',
      autoAudit: false,
      severities: { error: true, warning: true, info: false },
    });
  });
});

describe('OptionsView', () => {
  it('changes language, severities and auto-audit', () => {
    const onChange = vi.fn();
    show(<OptionsView lang="zh" settings={DEFAULT_SETTINGS} saved={false} onChange={onChange} />);
    act(() => ($('input[name="autoAudit"]') as HTMLInputElement).click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, autoAudit: false });
    act(() => ($('input[name="severity-info"]') as HTMLInputElement).click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, severities: { error: true, warning: true, info: false } });
    act(() => ($('input[value="en"]') as HTMLInputElement).click());
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, language: 'en' });
  });
});
