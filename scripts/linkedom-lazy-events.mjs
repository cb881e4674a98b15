// A build-time edit of linkedom (the DOM that reads HTML in the CLI and in the extension's service worker): every
// node it creates registers an empty listener Map in one module-wide WeakMap, in its EventTarget constructor. A report
// page makes thousands of nodes, nobody listens to any of them, and the garbage collector pays for each WeakMap entry
// (ephemerons): about a fifth of the CLI's batch time. The edit creates the Map when a listener is first added.
//
// Used by cli/bundle.mjs (esbuild) and wxt.config.ts (Vite). If linkedom's file changes so that the edit no longer
// applies, the file is left as it is (correct, only slower) and test/cli.test.ts says so.
import { readFile } from 'node:fs/promises';

export const EVENT_TARGET_FILE = /[\\/]linkedom[\\/](?:esm|cjs)[\\/]interface[\\/]event-target\.js$/;

const EDITS = [
  ['    wm.set(this, new Map);\n', ''],
  ['    const map = wm.get(this);\n    if (!map.has(type)) \n', '    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n    if (!map.has(type)) \n'],
  ['    const map = wm.get(this);\n    if (map.has(type)) {', '    const map = wm.get(this);\n    if (map && map.has(type)) {'],
];

/** The edited source, or null when one of the edits does not apply (then use the file unchanged). */
export function lazyEventTargets(code) {
  let out = code;
  for (const [from, to] of EDITS) {
    if (!out.includes(from)) return null;
    out = out.replace(from, to);
  }
  return out;
}

/** esbuild plugin */
export const esbuildLazyEvents = {
  name: 'linkedom-lazy-events',
  setup(build) {
    build.onLoad({ filter: EVENT_TARGET_FILE }, async (args) => {
      const code = lazyEventTargets(await readFile(args.path, 'utf8'));
      return code === null ? undefined : { contents: code, loader: 'js' };
    });
  },
};

/** Vite / Rollup plugin */
export function viteLazyEvents() {
  return {
    name: 'linkedom-lazy-events',
    transform(code, id) {
      if (!EVENT_TARGET_FILE.test(id.split('?')[0])) return null;
      const out = lazyEventTargets(code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
