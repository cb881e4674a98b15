/**
 * Main-thread cost of the extension's content script in real Chromium (npx tsx bench/content-script.ts).
 *
 * For each page, N fresh tabs: the page is loaded under Chrome tracing and we add up, on the page's renderer,
 * the script evaluation (trace EvaluateScript) of /detector.js (the content script, declared for *.gov.cn; holds
 * only the detector) and of /reader.js (extraction + highlighter, injected only once a report is recognised), and the
 * content script's own performance.measure entries for reading the page (`nianbao:extract`, run in a microtask
 * outside both evaluations) and for handing the extraction to the background (`nianbao:send`). `nianbao:detect`
 * is shown apart (it is inside the evaluation of detector.js). The audit itself runs in the background service
 * worker, off the page's main thread: its time (`nianbao:audit` in the worker) is shown apart, for reference.
 *
 * Targets: < 30 ms on a report page; ~0 on pages that are not reports.
 *   BENCH_RUNS=5 (default) · BENCH_PAGES=/corpus/pingtan_2023.html,/e2e/news.html · BENCH_VERBOSE=1
 */
import { ensureBuilt, launchWithExtension, serviceWorker, waitForBadge, tabIdOf, type ExtensionBrowser } from '../test/e2e/harness';
import { listReports, startFixtureServer } from '../scripts/serve-fixtures';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VERBOSE = process.env.BENCH_VERBOSE === '1';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; type?: string }; fileName?: string };
}

interface Sample {
  contentEval: number;
  readerEval: number;
  extract: number;
  send: number;
  total: number;
  detect: number;
  /** the audit in the service worker (off the page's main thread) */
  bgAudit: number;
  again: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
const fmt = (n: number) => n.toFixed(1).padStart(7);

async function measurePage(b: ExtensionBrowser, url: string, isReport: boolean): Promise<Sample> {
  const browser = b.context.browser()!;
  const page = await b.context.newPage();
  await page.goto('about:blank');
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute'] });
  await page.goto(url, { waitUntil: 'load' });
  let tabId = -1;
  if (isReport) await waitForBadge(b, (tabId = await tabIdOf(b, page)), 20_000);
  else await page.waitForTimeout(600);
  await page.waitForTimeout(200);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  // for reference: the audit in the service worker, and the same reading of the page again (reader loaded, warm)
  const bgAudit = isReport
    ? await serviceWorker(b).evaluate(() => performance.getEntriesByName('nianbao:audit').pop()?.duration ?? 0)
    : 0;
  const again = isReport
    ? await serviceWorker(b).evaluate(
        async (id) => {
          const r = (await (globalThis as any).chrome.tabs.sendMessage(id, { type: 'content:audit', fresh: true }, { frameId: 0 })) as { page?: { ms?: number } };
          return r?.page?.ms ?? 0;
        },
        tabId,
      )
    : 0;
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, m.duration] as const));
  await page.close();

  const prefix = `chrome-extension://${b.extensionId}/`;
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
  const ours = trace.traceEvents.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && urlOf(e).startsWith(prefix));
  if (VERBOSE) {
    const names = new Map<string, number>();
    for (const e of ours) names.set(`${e.name} ${urlOf(e).slice(prefix.length)}`, (names.get(`${e.name} ${urlOf(e).slice(prefix.length)}`) ?? 0) + e.dur! / 1000);
    console.log('   ', url, Object.fromEntries([...names].map(([k, v]) => [k, +v.toFixed(2)])));
  }
  const evalOf = (file: string) => ours.filter((e) => e.name === 'EvaluateScript' && urlOf(e) === prefix + file).reduce((n, e) => n + e.dur! / 1000, 0);
  const m = (name: string) => measures.filter(([n]) => n === name).reduce((s, [, d]) => s + d, 0);
  const contentEval = evalOf('detector.js');
  const readerEval = evalOf('reader.js');
  // reading the page runs in a promise continuation (a microtask of the reader's arrival), outside both evaluations
  const extract = m('nianbao:extract');
  const send = m('nianbao:send');
  return { contentEval, readerEval, extract, send, total: contentEval + readerEval + extract + send, detect: m('nianbao:detect'), bgAudit, again };
}

async function main() {
  ensureBuilt({ log: console.log });
  const srv = await startFixtureServer();
  const b = await launchWithExtension({ extraArgs: [srv.resolverRule] });
  const pages = process.env.BENCH_PAGES
    ? process.env.BENCH_PAGES.split(',').map((p) => ({ path: p, report: !/listing|news/.test(p) }))
    : [
        ...listReports()
          .filter((p) => !/images/.test(p))
          .map((p) => ({ path: p, report: true })),
        { path: '/e2e/pingtan_2023_images.html', report: true },
        { path: '/e2e/listing.html', report: false },
        { path: '/e2e/news.html', report: false },
      ];
  try {
    // warm the browser once (first process start, disk cache)
    await measurePage(b, srv.portal(pages[0]!.path), pages[0]!.report);
    console.log(`Content-script main-thread time, ms (median of ${RUNS} fresh tabs; Chromium ${b.context.browser()?.version()})`);
    console.log('page'.padEnd(44) + ' detector.js   reader.js    extract       send      TOTAL  │  detect  bg audit  extract again');
    for (const p of pages) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measurePage(b, srv.portal(p.path), p.report));
      const med = (k: keyof Sample) => median(samples.map((s) => s[k]));
      console.log(
        `${(p.path + (p.report ? '' : ' (not a report)')).padEnd(44)}  ${fmt(med('contentEval'))}    ${fmt(med('readerEval'))}    ${fmt(med('extract'))}    ${fmt(med('send'))}    ${fmt(med('total'))}  │ ${fmt(med('detect'))}   ${fmt(med('bgAudit'))}        ${fmt(med('again'))}`,
      );
    }
    console.log('\ndetector.js: trace EvaluateScript of the content script (isolated-world setup, compile, and the detector:');
    console.log('  `detect` is its performance.measure); reader.js: EvaluateScript of the injected reader (compile + module');
    console.log('  initialisation); extract: extractHtml in the page (performance.measure); send: serialising the extraction');
    console.log('  to the background. Not on the page\'s main thread, for reference: bg audit, the audit (validation, mapping,');
    console.log('  rules) in the service worker; extract again: a second reading of the same page (reader loaded, code warm).');
    console.log('Targets: < 30 ms TOTAL on a report page, ~0 on pages that are not reports.');
  } finally {
    await b.close();
    await srv.close();
  }
}

void main();
