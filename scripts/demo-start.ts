/**
 * npm start — the extension on a demo government portal.
 *
 * 1. builds the extension (wxt build → .output/chrome-mv3);
 * 2. serves the demo portal from test/fixtures on 127.0.0.1 (scripts/serve-fixtures.ts);
 * 3. with a display ($DISPLAY / $WAYLAND_DISPLAY): launches Chromium with the extension loaded and
 *    *.gov.cn mapped to the demo server, on the portal's home page — open a report, the badge shows its errors;
 *    without one: prints how to load the unpacked extension by hand, and runs the CLI on the demo reports.
 *
 *   PORT=8731 · CHROMIUM_PATH=/usr/bin/chromium · --serve (no display: keep the portal up after the CLI)
 */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { existsSync } from 'node:fs';
import { CHROMIUM, EXT_DIR, ROOT, ensureBuilt, launchWithExtension } from '../test/e2e/harness';
import { FIXTURE_DIRS, PORTAL_HOST, listReports, startFixtureServer } from './serve-fixtures';

async function main() {
  console.log('年报核查 · Nianbao Audit — demo\n');
  ensureBuilt({ force: true, log: (s) => console.log(s) });
  console.log(`extension built: ${relative(ROOT, EXT_DIR)}\n`);

  const srv = await startFixtureServer(Number(process.env.PORT ?? 8731));
  const reports = listReports();
  console.log(`demo portal: http://127.0.0.1:${srv.port}/  (as http://${PORTAL_HOST}/ in the browser below)`);
  for (const r of reports) console.log(`  ${srv.portal(r)}`);
  console.log();

  const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (hasDisplay && existsSync(CHROMIUM)) {
    const b = await launchWithExtension({ headless: false, extraArgs: [srv.resolverRule], viewport: null });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(srv.portal('/'));
    console.log(`Chromium is open with the extension (id ${b.extensionId}). Open a report: the toolbar badge shows its`);
    console.log('errors; click the 年报核查 button for the findings. Close the browser (or Ctrl-C) to stop.');
    const stop = async () => {
      await b.close();
      await srv.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    b.context.on('close', () => void srv.close().then(() => process.exit(0)));
    return;
  }

  console.log('No display here, so no browser is started. To try the extension yourself:');
  console.log(`  1. chrome://extensions → Developer mode → "Load unpacked" → ${EXT_DIR}`);
  console.log('     (Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" →');
  console.log(`      ${join(ROOT, '.output', 'firefox-mv2', 'manifest.json')})`);
  console.log('  2. open any report on a *.gov.cn portal: it is recognised and audited by itself; elsewhere, click the');
  console.log('     toolbar button. To use this demo portal as a gov.cn site, start Chromium with');
  console.log(`       ${srv.resolverRule}`);
  console.log(`     and open http://${PORTAL_HOST}/ (npm start -- --serve keeps the portal running).\n`);

  const files = reports.map((r) => {
    const [, dir, f] = r.split('/');
    return relative(ROOT, join(FIXTURE_DIRS[dir!]!, f!));
  });
  console.log(`Meanwhile, the same audit from the command line:\n  npx nianbao-audit ${files.join(' ')}\n`);
  const cli = spawnSync(process.execPath, [join(ROOT, 'cli', 'bin.mjs'), ...files], { cwd: ROOT, stdio: 'inherit' });
  if (cli.error) console.error(`could not run the CLI: ${cli.error.message}`);

  if (process.argv.includes('--serve')) {
    console.log(`\nServing the demo portal on http://127.0.0.1:${srv.port}/ — Ctrl-C to stop.`);
    process.on('SIGINT', () => void srv.close().then(() => process.exit(0)));
    return;
  }
  await srv.close();
}

void main();
