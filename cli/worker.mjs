// Worker-thread entry when the CLI runs from its TypeScript sources (tsx; `npm run audit`). The bundled CLI has its
// own worker.mjs beside its main.mjs (cli/bundle.mjs).
globalThis[Symbol.for('nianbao-audit.natives')] ??= { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
const { register } = await import('tsx/esm/api');
register();
await import('./worker.ts');
