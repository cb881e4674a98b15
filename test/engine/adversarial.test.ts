import { describe, expect, it } from 'vitest';
import { auditBytesSync } from '../../lib/node/audit-bytes';
import { AuditResult } from '../../lib/model/result';

const enc = (s: string) => new TextEncoder().encode(s);
function run(bytes: Uint8Array, uri: string) {
  const t0 = performance.now();
  const r = auditBytesSync({ bytes, uri });
  const ms = performance.now() - t0;
  expect(() => AuditResult.parse(r)).not.toThrow();
  return { r, ms };
}
const noErrors = (r: AuditResult) => r.findings.filter((f) => f.severity === 'error' && f.outcome === 'fail');

describe('adversarial inputs finish quickly with not-assessable or a clear result, never a throw', () => {
  it('an empty file', () => {
    const { r } = run(new Uint8Array(0), 'empty.txt');
    expect(r.status).toBe('not-assessable');
    expect(r.reason!.zh).toMatch(/空/);
  });
  it('binary junk', () => {
    const junk = new Uint8Array(100_000);
    let x = 12345;
    for (let i = 0; i < junk.length; i++) { x = (x * 1103515245 + 12345) >>> 0; junk[i] = x >>> 24; }
    const { r, ms } = run(junk, 'junk.txt');
    expect(r.status).toBe('not-assessable');
    expect(ms).toBeLessThan(10_000); // a hang guard
  });
  it('a page with no report', () => {
    const { r } = run(enc('<html><head><title>首页</title></head><body><div id="nav">首页 新闻 政务公开</div><p>欢迎访问本网站。</p></body></html>'), 'home.html');
    expect(r.status).toBe('not-assessable');
    expect(r.reason!.en).toMatch(/does not look like/);
  });
  it('garbled HTML', () => {
    const { r } = run(enc('<html><body><table><tr><td>一、总体情况<td><table><tr><p>二、主动公开政府信息情况</b></i></tr></td></td></div>'), 'garbled.html');
    expect(noErrors(r)).toEqual([]);
  });
  it('a 5 MB page', () => {
    const para = '<p>' + '政府信息公开工作稳步推进，'.repeat(40) + '</p>\n';
    const html = `<html><body><div class="TRS_Editor">${para.repeat(Math.ceil(5_000_000 / para.length))}</div></body></html>`;
    const { r, ms } = run(enc(html), 'big.html');
    expect(r.status).toBe('not-assessable');
    expect(ms).toBeLessThan(15_000);
  });
  it('colspan="100000" and rowspan="65534"', () => {
    const html = `<html><body><div class="TRS_Editor"><p>一、总体情况</p><table><tr><td colspan="100000" rowspan="65534">勾稽关系 本年新收政府信息公开申请数量 自然人</td><td>1</td></tr><tr><td>2</td></tr></table></div></body></html>`;
    const { ms } = run(enc(html), 'span.html');
    expect(ms).toBeLessThan(5000);
  });
  it('a 10,000-row table', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `<tr><td>第${i}行</td><td>${i}</td><td>${i * 2}</td></tr>`).join('');
    const html = `<html><body><div class="TRS_Editor"><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>自然人</td></tr>${rows}</table></div></body></html>`;
    const { ms } = run(enc(html), 'rows.html');
    expect(ms).toBeLessThan(10_000);
  });
  it('deeply nested tables', () => {
    const depth = 300;
    const html = `<html><body><div class="TRS_Editor">${'<table><tr><td>'.repeat(depth)}一、总体情况${'</td></tr></table>'.repeat(depth)}</div></body></html>`;
    const { ms } = run(enc(html), 'nested.html');
    expect(ms).toBeLessThan(5000);
  });
  it('a 10,000-line text table', () => {
    const text = '三、收到和处理政府信息公开申请情况\n' + Array.from({ length: 10_000 }, (_, i) => `第${i}行\t${i}\t${i}`).join('\n');
    const { r, ms } = run(enc(text), 'rows.txt');
    expect(noErrors(r)).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });
});
