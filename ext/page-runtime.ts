/**
 * The few extension APIs the page side needs (the content script; /reader.js needs none), used directly rather
 * than through wxt/browser: that import brings webextension-polyfill (and WXT's content-script context), whose
 * set-up costs every portal page ~2–4 ms of main thread before anything of ours runs.
 *
 * Firefox (MV2) has the promise-based `browser`; Chrome (MV3) has `chrome`, whose methods return promises when
 * given no callback. Replies to messages go through sendResponse (return true), which both understand.
 */

type Sender = { id?: string };
type Listener = (msg: unknown, sender: Sender, sendResponse: (r: unknown) => void) => boolean | undefined;

interface PageApi {
  runtime: {
    id?: string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(cb: Listener): void };
  };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>> } };
}

export function pageApi(): PageApi {
  const g = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };
  return g.browser?.runtime?.id ? g.browser : g.chrome!;
}

/**
 * Listen for messages; `handle` returns a promise of the reply, or undefined when the message is not for us (no
 * reply: other listeners may answer).
 */
export function onMessage(api: PageApi, handle: (msg: unknown, sender: Sender) => Promise<unknown> | undefined): void {
  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    const p = handle(msg, sender);
    if (!p) return undefined;
    p.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
