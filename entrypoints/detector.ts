import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startContent } from '../ext/content-main';

/**
 * /detector.js, the content script: declared for government portals only (manifest `content_scripts` in
 * wxt.config.ts); elsewhere the background injects this same file after a toolbar click (activeTab + scripting).
 *
 * An unlisted script rather than a WXT content-script entrypoint: WXT's content-script wrapper brings its
 * ContentScriptContext and webextension-polyfill into every portal page (~2–4 ms of main thread, and a
 * CustomEvent dispatched on the page's document), none of which this script uses.
 */
export default defineUnlistedScript(() => startContent());
