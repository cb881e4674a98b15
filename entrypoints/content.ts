import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../ext/content-main';

/**
 * Declared for government portals only; elsewhere the background injects this same file after a toolbar
 * click (activeTab + scripting).
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "script started" note into every portal page
  noScriptStartedPostMessage: true,
  main() {
    startContent();
  },
});
