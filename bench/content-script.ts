/**
 * Main-thread cost of the extension in a page, in real Chromium (npx tsx bench/content-script.ts).
 *
 * For each page, N fresh tabs: the page is loaded under Chrome tracing and we add up, on the page's renderer, every
 * script evaluation and function call of the extension's:
 *   probe      the first look (ext/probe.ts), run by the background in the page's main world on every portal page
 *              (trace: the FunctionCall / EvaluateScript events of that injection, plus its own `nianbao:probe`
 *              measure when the trace cannot tell it apart);
 *   detector   /detector.js, injected into candidates only (isolated-world setup, compile, the detector itself:
 *              `detect` is its performance.measure);
 *   snapshot   serialising the DOM for the background (`nianbao:snapshot`);
 *   send       handing the snapshot to the background (`nianbao:send`).
 * Reading the page (the extractor on the snapshot) and the audit run in the background service worker, off the
 * page's main thread: shown apart (`bg read+audit`), for reference.
 *
 * Targets: < 30 ms on a report page; nothing measurable on pages that are not reports.
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
  probe: number;
  detector: number;
  snapshot: number;
  send: number;
  total: number;
  detect: number;
  /** reading the snapshot and the audit, in the service worker (off the page's main thread) */
  bgAudit: number;
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
  // for reference: reading the snapshot and the audit, in the service worker
  const bgAudit = isReport
    ? await serviceWorker(b).evaluate(() => performance.getEntriesByName('nianbao:audit').pop()?.duration ?? 0)
    : 0;
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, m.duration] as const));
  await page.close();

  const prefix = `chrome-extension://${b.extensionId}/`;
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
  const timed = trace.traceEvents.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  // the renderer's main thread: where /detector.js or the page's own document was evaluated
  const main = timed.find((e) => e.name === 'EvaluateScript' && urlOf(e).startsWith(prefix)) ?? timed.find((e) => e.name === 'ParseHTML');
  const onMain = timed.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  const ours = onMain.filter((e) => urlOf(e).startsWith(prefix));
  if (VERBOSE) {
    const names = new Map<string, number>();
    for (const e of onMain.filter((e) => e.name === 'EvaluateScript')) names.set(`${e.name} ${urlOf(e).slice(0, 80) || '(no url)'}`, (names.get(`${e.name} ${urlOf(e).slice(0, 80) || '(no url)'}`) ?? 0) + e.dur! / 1000);
    console.log('   ', url, Object.fromEntries([...names].map(([k, v]) => [k, +v.toFixed(2)])));
  }
  // the first look is a function injected by executeScript into the main world: a script evaluation without a URL
  // (the fixture pages have no inline scripts of their own, so nothing else evaluates without one)
  const probe = onMain.filter((e) => e.name === 'EvaluateScript' && !urlOf(e)).reduce((n, e) => n + e.dur! / 1000, 0);
  const detector = ours.filter((e) => e.name === 'EvaluateScript' && urlOf(e) === prefix + 'detector.js').reduce((n, e) => n + e.dur! / 1000, 0);
  const m = (name: string) => measures.filter(([n]) => n === name).reduce((s, [, d]) => s + d, 0);
  // the snapshot and the send run in a promise continuation (the settings' arrival), outside the evaluation
  const snapshot = m('nianbao:snapshot');
  const send = m('nianbao:send');
  return { probe, detector, snapshot, send, total: probe + detector + snapshot + send, detect: m('nianbao:detect'), bgAudit };
}

async function main() {
  ensureBuilt({ log: console.log });
  const srv = await startFixtureServer();
  const b = await launchWithExtension({ extraArgs: [srv.resolverRule] });
  const pages = process.env.BENCH_PAGES
    ? process.env.BENCH_PAGES.split(',').map((p) => ({ path: p, report: !/listing|news|notice/.test(p) }))
    : [
        ...listReports()
          .filter((p) => !/images/.test(p))
          .map((p) => ({ path: p, report: true })),
        { path: '/e2e/pingtan_2023_images.html', report: true },
        { path: '/e2e/notice.html', report: false },
        { path: '/e2e/listing.html', report: false },
        { path: '/e2e/news.html', report: false },
      ];
  try {
    // warm the browser once (first process start, disk cache)
    await measurePage(b, srv.portal(pages[0]!.path), pages[0]!.report);
    console.log(`Content-script main-thread time, ms (median of ${RUNS} fresh tabs; Chromium ${b.context.browser()?.version()})`);
    console.log('page'.padEnd(44) + '     probe  detector.js   snapshot      send      TOTAL  │  detect  bg read+audit');
    for (const p of pages) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measurePage(b, srv.portal(p.path), p.report));
      const med = (k: keyof Sample) => median(samples.map((s) => s[k]));
      console.log(
        `${(p.path + (p.report ? '' : ' (not a report)')).padEnd(44)}  ${fmt(med('probe'))}    ${fmt(med('detector'))}    ${fmt(med('snapshot'))}   ${fmt(med('send'))}    ${fmt(med('total'))}  │ ${fmt(med('detect'))}   ${fmt(med('bgAudit'))}`,
      );
    }
    console.log('\nprobe: the first look (ext/probe.ts) run in the page\'s main world on every portal page; detector.js: trace');
    console.log('  EvaluateScript of the content script, injected into candidates only (isolated-world setup, compile, and the');
    console.log('  detector: `detect` is its performance.measure); snapshot: serialising the DOM (performance.measure); send:');
    console.log('  handing it to the background. Off the page\'s main thread, for reference: bg read+audit, the extractor on');
    console.log('  the snapshot, mapping and rules in the service worker.');
    console.log('Targets: < 30 ms TOTAL on a report page, ~0 on pages that are not reports.');
  } finally {
    await b.close();
    await srv.close();
  }
}

void main();
