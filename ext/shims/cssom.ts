/**
 * Stand-in for '@acemir/cssom' in the extension's build (aliased in wxt.config.ts). linkedom, which reads page
 * snapshots in the background (lib/extract/html-string.ts), imports its CSS parser for one thing: the `sheet` of a
 * <style> element, parsed when a script reads it. The extractor never does; the real parser (its browser build is
 * a script without exports, which the bundler rejects) would only add weight to the service worker.
 */
export function parse(): { cssRules: never[] } {
  return { cssRules: [] };
}
