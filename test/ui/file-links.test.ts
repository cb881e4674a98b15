// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fileKindOfText, fileKindOfUrl, fileNameOf, listFileLinks, MAX_LINK_TEXT, reportPath } from '../../ext/file-links';
import { FileLinksReply, PageOutcome } from '../../ext/messages';
import { parseReportParams } from '../../ext/report-load';

/** The report files a page links to, as the content script lists them when the popup asks (content:links). */
function docOf(body: string, url = 'http://www.example.gov.cn/col/art/2025/02/26/page.html'): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.appendChild(base);
  doc.body.innerHTML = body; // test input only
  return doc;
}

describe('file kinds', () => {
  it('from the URL path, or a query value naming the file', () => {
    expect(fileKindOfUrl('http://a.gov.cn/files/2024年报.PDF')).toBe('pdf');
    expect(fileKindOfUrl('https://a.gov.cn/x/%E5%B9%B4%E6%8A%A5.docx?v=1#p')).toBe('docx');
    expect(fileKindOfUrl('http://a.gov.cn/download.jsp?file=%E5%B9%B4%E6%8A%A5.pdf')).toBe('pdf');
    expect(fileKindOfUrl('http://a.gov.cn/download.jsp?file=x.pdf', { query: false })).toBeNull();
    expect(fileKindOfUrl('http://a.gov.cn/report.html')).toBeNull();
    expect(fileKindOfUrl('http://a.gov.cn/old.doc')).toBeNull();
    expect(fileKindOfUrl('file:///tmp/x.pdf')).toBeNull();
    expect(fileKindOfUrl('javascript:alert(1)//.pdf')).toBeNull();
    expect(fileKindOfUrl('not a url.pdf')).toBeNull();
  });
  it('from a link text that says so', () => {
    expect(fileKindOfText('附件：2024年度报告.pdf')).toBe('pdf');
    expect(fileKindOfText('年度报告（PDF版）')).toBe('pdf');
    expect(fileKindOfText('年度报告.docx')).toBe('docx');
    expect(fileKindOfText('updf reader')).toBeNull();
    expect(fileKindOfText('年度报告')).toBeNull();
  });
  it('file names for display', () => {
    expect(fileNameOf('http://a.gov.cn/x/%E5%B9%B4%E6%8A%A5.pdf?x=1')).toBe('年报.pdf');
    expect(fileNameOf('http://a.gov.cn/')).toBe('a.gov.cn');
  });
});

describe('listFileLinks', () => {
  it('lists PDF and .docx links, absolute, once each, with their text as plain text', () => {
    const doc = docOf(`
      <p>附件：<a href="../../../../../files/hz.pdf">洪泽区2024年报告.pdf</a></p>
      <p><a href="/files/hz.pdf#page=3">again</a></p>
      <p><a href="https://other.example.com/r.docx">  Word   版 </a></p>
      <p><a href="/dl?id=7"><b>&lt;img src=x&gt;</b> 报告（PDF）</a></p>
      <p><a href="/dl?id=8" title="年报.pdf"></a></p>
      <p><a href="/news.html">新闻</a><a href="mailto:x@a.gov.cn">x.pdf</a><a href="javascript:void(0)">y.pdf</a></p>`);
    expect(listFileLinks(doc)).toEqual([
      { url: 'http://www.example.gov.cn/files/hz.pdf', text: '洪泽区2024年报告.pdf', kind: 'pdf' },
      { url: 'https://other.example.com/r.docx', text: 'Word 版', kind: 'docx' },
      { url: 'http://www.example.gov.cn/dl?id=7', text: '<img src=x> 报告（PDF）', kind: 'pdf' },
      { url: 'http://www.example.gov.cn/dl?id=8', text: '年报.pdf', kind: 'pdf' },
    ]);
  });
  it('is bounded: at most `max` links, texts cut short; the reply passes the popup\'s schema', () => {
    const many = Array.from({ length: 80 }, (_, i) => `<a href="/f${i}.pdf">${'长'.repeat(300)}</a>`).join('');
    const links = listFileLinks(docOf(many));
    expect(links).toHaveLength(50);
    expect(links.every((l) => l.text.length === MAX_LINK_TEXT)).toBe(true);
    expect(FileLinksReply.safeParse({ links }).success).toBe(true);
    expect(FileLinksReply.safeParse({ links: [{ url: 'javascript:alert(1)', text: 'x', kind: 'pdf' }] }).success).toBe(false);
  });
});

describe('the report view address', () => {
  it('round-trips the file URL and kind; refuses what is not http(s)', () => {
    const src = 'http://www.example.gov.cn/附件/年报 2024.pdf?a=1&b=2#x';
    const path = reportPath(src, 'pdf');
    expect(path.startsWith('/report.html?src=')).toBe(true);
    expect(parseReportParams(path.slice(path.indexOf('?')))).toEqual({ src: new URL(src).href, kind: 'pdf' });
    expect(parseReportParams('?src=' + encodeURIComponent('https://a.cn/x'))).toEqual({ src: 'https://a.cn/x', kind: null });
    for (const bad of ['javascript:alert(1)', 'data:application/pdf;base64,AAAA', 'chrome://settings', 'file:///etc/passwd', '', 'x']) {
      expect(parseReportParams('?src=' + encodeURIComponent(bad)), bad).toBeNull();
    }
    expect(parseReportParams('')).toBeNull();
  });
  it('a tab showing a PDF is an outcome of its own (the popup offers the report view)', () => {
    expect(PageOutcome.safeParse({ kind: 'file', file: { url: 'http://a.gov.cn/r.pdf', kind: 'pdf' } }).success).toBe(true);
    expect(PageOutcome.safeParse({ kind: 'file', file: { url: 'file:///r.pdf', kind: 'pdf' } }).success).toBe(false);
  });
});
