// @vitest-environment jsdom
/** @jsxImportSource preact */
import { describe, expect, it, vi } from 'vitest';
import { $, $$, show } from './dom';
import { PopupView, type PopupModel, type PopupViewProps } from '../../components/PopupView';

/** The popup's part of PDF and Word reports: a PDF in the tab, and the files a page links to. */

function mount(model: PopupModel, over: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    lang: 'zh',
    model,
    severities: { error: true, warning: true, info: true },
    ruleTitles: {},
    onAudit: vi.fn(),
    onHighlight: vi.fn(async () => null),
    onClear: vi.fn(),
    onExport: vi.fn(async () => undefined),
    onAuditFile: vi.fn(),
    ...over,
  };
  show(<PopupView {...props} />);
  return props;
}

const FILES = [
  { url: 'http://www.example.gov.cn/f/r.pdf', text: '附件：2024年度报告.pdf', kind: 'pdf' as const },
  { url: 'https://files.example.com/r.docx', text: '<img src=x onerror=alert(1)>', kind: 'docx' as const },
];

describe('popup: PDF and Word files', () => {
  it('a PDF in the tab: offers to audit it in the report view', () => {
    const props = mount({ kind: 'file', url: 'http://www.example.gov.cn/f/r.pdf', fileKind: 'pdf' }, { files: FILES });
    expect($('.popup')!.dataset.state).toBe('file');
    expect($('.state--file h2')!.textContent).toBe('此标签页是一个 PDF 文件');
    expect($('.file-url')!.textContent).toBe('http://www.example.gov.cn/f/r.pdf');
    $('[data-action="audit-pdf"]')!.click();
    expect(props.onAuditFile).toHaveBeenCalledWith('http://www.example.gov.cn/f/r.pdf', 'pdf');
  });

  it('lists the linked files with their text as text and an audit button each', () => {
    const props = mount({ kind: 'not-report', signals: [], score: 0 }, { files: FILES });
    expect($('.files__title')!.textContent).toBe('本页链接的报告文件（2）');
    expect($$('.file').map((f) => [f.dataset.kind, f.querySelector('.file__kind')!.textContent, f.querySelector('.file__host')!.textContent])).toEqual([
      ['pdf', 'PDF', 'www.example.gov.cn'],
      ['docx', 'DOCX', 'files.example.com'],
    ]);
    expect($$('.file__text')[1]!.firstChild!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect($('.files img')).toBeNull();
    $$('[data-action="audit-link"]')[1]!.click();
    expect(props.onAuditFile).toHaveBeenCalledWith('https://files.example.com/r.docx', 'docx');
  });

  it('lists nothing while loading, nor without files', () => {
    mount({ kind: 'loading' }, { files: FILES });
    expect($('.files')).toBeNull();
    mount({ kind: 'idle' }, { files: [] });
    expect($('.files')).toBeNull();
  });
});
