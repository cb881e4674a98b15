#!/usr/bin/env node
// The `nianbao-audit` command. The built-ins that pdf.js's legacy build replaces with slower polyfills are kept
// first thing (lib/extract/pdf-node-natives.ts puts them back), then the CLI is loaded as a bundle (cli/bundle.mjs),
// so that `npm ci` is all the setup it needs.
globalThis[Symbol.for('nianbao-audit.natives')] ??= { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
const { cliEntry } = await import('./bundle.mjs');
const { main } = await import(await cliEntry('main'));
process.exitCode = await main(process.argv.slice(2));
