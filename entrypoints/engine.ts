import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installEngine } from '../ext/engine-main';

/**
 * /engine.js: the audit engine and highlighter, injected by the background into a page's isolated world only
 * when the content script has found a report there or an audit is asked for (see ext/content-main.ts).
 */
export default defineUnlistedScript(() => installEngine());
