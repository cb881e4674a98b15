import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { viteLazyEvents } from './scripts/linkedom-lazy-events.mjs';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * pdf.js files shipped inside the extension (no remote code): the worker of the modern build, the cMaps (without
 * them every string in a non-embedded Chinese font is lost), the standard fonts, the ICC profiles and the wasm
 * image decoders (JPEG 2000, JBIG2: scans). They go to /pdfjs/ in the build; ext/pdfjs.ts points pdf.js at them.
 */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const out = [{ absoluteSrc: join(root, 'build', 'pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' }];
  for (const [dir, keep] of [['cmaps', /\.bcmap$|^LICENSE/], ['standard_fonts', /./], ['iccs', /./], ['wasm', /\.wasm$|^LICENSE/]] as const) {
    for (const f of readdirSync(join(root, dir)).sort()) {
      if (keep.test(f)) out.push({ absoluteSrc: join(root, dir, f), relativeDest: `pdfjs/${dir}/${f}` });
    }
  }
  return out;
}

/**
 * 年报核查 · Nianbao Audit — browser extension build (Chrome MV3, Firefox).
 *
 * Permissions, each for one reason (see docs in the reply / README):
 * - activeTab: audit the page of the current tab when the user clicks the toolbar button, on any site, without
 *   asking for access to all sites.
 * - scripting: the background's first look at a portal page once it has loaded (ext/probe.ts: a function run in the
 *   page's main world that returns the page's metadata and titles), then the content script (/detector.js) for
 *   candidates only, and the highlighter (/reader.js) when the popup first outlines findings; after a toolbar click
 *   elsewhere, the same scripts in that tab. No content script is declared in the manifest: declared scripts would
 *   cost every portal page an isolated world and a script file, reports or not.
 * - storage: options (storage.sync) and per-tab audit results that survive a service-worker restart
 *   (storage.session).
 * Host access: only *://*.gov.cn/* (where reports are recognised by themselves, and where report files are fetched
 * without asking). No other hosts.
 *
 * PDF and Word files (the report view, report.html?src=…) are fetched by the extension itself, from its own page:
 * - on *.gov.cn the host permission above covers the fetch;
 * - a PDF open in a tab on any other site: the toolbar click's activeTab grant covers the tab's origin (Chromium
 *   lets the extension's pages fetch from it while the grant lasts), and so do attachments on that same origin;
 * - an attachment on yet another origin (a portal linking to a file host elsewhere): nothing is granted ahead of
 *   time. optional_host_permissions lists http/https so that the report view can ask, when its fetch is refused,
 *   for that one origin only (permissions.request({ origins: ['https://host/*'] }) from the user's click on "Allow
 *   access to host" in the report view; a request from the popup would close the popup). Declining leaves a plain
 *   message and nothing else changes. Optional permissions show no warning at install and grant nothing by
 *   themselves. (Firefox MV2: optional_permissions, the same thing.)
 */
export default defineConfig({
  // NIANBAO_PROFILE=1 builds readable bundles into .output/profile/ (for profiling; never what tests load)
  ...(process.env.NIANBAO_PROFILE ? { outDir: '.output/profile' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  vite: () => ({
    // linkedom's nodes without a listener map each (scripts/linkedom-lazy-events.mjs)
    plugins: [preact(), viteLazyEvents()],
    // linkedom's CSS parser is never used by the extractor (see ext/shims/cssom.ts)
    resolve: { alias: { '@acemir/cssom': fileURLToPath(new URL('./ext/shims/cssom.ts', import.meta.url)) } },
    build: { chunkSizeWarningLimit: 1500, ...(process.env.NIANBAO_PROFILE ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    // government portals: the first look, the content script and the highlighter are injected there without a click
    host_permissions: ['*://*.gov.cn/*'],
    // asked for one origin at a time, at the user's click in the report view, only for a file on another site
    // than the tab's (see above)
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-audit@nianbao-audit.invalid',
              // 128: scripting.executeScript into the page's main world (the first look), and the modern pdf.js build
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
