import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installReader } from '../ext/reader-main';

/**
 * /reader.js: the highlighter, injected by the background into a page's isolated world the first time the popup
 * asks to outline findings there (see ext/content-main.ts). Reading and auditing the page run in the background.
 */
export default defineUnlistedScript(() => installReader());
