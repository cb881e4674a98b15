import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * 年报核查 · Nianbao Audit — browser extension build (Chrome MV3, Firefox).
 *
 * Permissions, each for one reason (see docs in the reply / README):
 * - activeTab: audit the page of the current tab when the user clicks the toolbar button, on any site, without
 *   asking for access to all sites.
 * - scripting: inject the content script into that tab (scripting.executeScript) after the click.
 * - storage: options (storage.sync) and per-tab audit results that survive a service-worker restart
 *   (storage.session).
 * Host access: only *://*.gov.cn/*, the content script's own match (where reports are recognised by themselves),
 * also listed as host_permissions so that the background may inject the page reader there (scripting.executeScript
 * does not count content-script matches as access). No other hosts.
 */
export default defineConfig({
  // NIANBAO_PROFILE=1 builds readable bundles into .output/profile/ (for profiling; never what tests load)
  ...(process.env.NIANBAO_PROFILE ? { outDir: '.output/profile' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 1500, ...(process.env.NIANBAO_PROFILE ? { minify: false } : {}) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['activeTab', 'scripting', 'storage'],
    // the same hosts as the content script's match: lets the background inject the page reader (/reader.js:
    // extraction and highlighter) into a portal page once the content script has recognised a report there
    host_permissions: ['*://*.gov.cn/*'],
    // the content script (entrypoints/detector.ts): the cheap report detector, on portal pages only
    content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_idle' }],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-audit@nianbao-audit.invalid',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
