/**
 * The built-ins that pdf.js's legacy build replaces when it loads in Node 20, captured before it loads
 * (./pdf-node.ts imports this module first; ES modules are evaluated in import order).
 *
 * The legacy build bundles core-js polyfills. On Node 20 some of them are forced over the native functions
 * (core-js feature tests for edge cases such as `push` onto a non-writable length fail there): Array.prototype.push,
 * JSON.stringify and JSON.parse become JavaScript re-implementations, three times slower, for the whole process —
 * the engine, the CLI's JSON output, everything. pdf.js does not depend on those edge cases, so ./pdf-node.ts puts
 * the natives back. (Polyfills that only add missing functions, such as Promise.withResolvers, stay.)
 */
interface Natives {
  push: typeof Array.prototype.push;
  stringify: typeof JSON.stringify;
  parse: typeof JSON.parse;
}

/**
 * The first capture in the process wins, under a global symbol: entry points (cli/bin.mjs, the CLI's worker) take
 * it before importing anything, because a bundler hoists a bundle's own imports — pdf.js included — above this
 * module's code.
 */
const KEY = Symbol.for('nianbao-audit.natives');
const g = globalThis as unknown as Record<symbol, Natives | undefined>;
export const NATIVES: Natives = (g[KEY] ??= { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse });

/** Put the captured natives back where a polyfill replaced them. */
export function restoreNatives(): void {
  if (Array.prototype.push !== NATIVES.push) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVES.push, writable: true, configurable: true, enumerable: false });
  }
  if (JSON.stringify !== NATIVES.stringify) {
    Object.defineProperty(JSON, 'stringify', { value: NATIVES.stringify, writable: true, configurable: true, enumerable: false });
  }
  if (JSON.parse !== NATIVES.parse) {
    Object.defineProperty(JSON, 'parse', { value: NATIVES.parse, writable: true, configurable: true, enumerable: false });
  }
}
