import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installReader } from '../ext/reader-main';

/**
 * /reader.js: the page's part of an audit (extractHtml) and the highlighter, injected by the background into a
 * page's isolated world only when the content script has found a report there or an audit is asked for (see
 * ext/content-main.ts). The audit itself runs in the background (ext/background-main.ts).
 */
export default defineUnlistedScript(() => installReader());
