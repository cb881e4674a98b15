// Loads the TypeScript CLI as plain JavaScript: cli/main.ts and cli/worker.ts are bundled by esbuild (installed with
// tsx, a dependency) into node_modules/.cache/nianbao-audit/<stamp>/, once, and again only when a source under cli/
// or lib/ changes. Dependencies (pdf.js, mammoth, zod) stay outside the bundle and load as they are; linkedom is
// bundled, with one edit (scripts/linkedom-lazy-events.mjs).
//
// Why not tsx's loader at run time: it transforms every module it sees, pdf.js's 4 MB included, with source maps,
// on every run — about 4 s before a PDF is read. A bundle loads in a few milliseconds; building it takes ~0.2 s.
// If esbuild cannot run, tsx's loader is the fallback.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildLazyEvents } from '../scripts/linkedom-lazy-events.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bare imports stay external (resolved from node_modules at run time), but for linkedom's own files. */
const externalsButLinkedom = {
  name: 'externals-but-linkedom',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (/^linkedom(\/|$)/.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

const CACHE = join(ROOT, 'node_modules', '.cache', 'nianbao-audit');
const SOURCES = ['cli', 'lib'].map((d) => join(ROOT, d));
const EXTRA = [join(ROOT, 'scripts', 'linkedom-lazy-events.mjs'), join(ROOT, 'package-lock.json')];

/** Newest modification time and file count under the sources: the bundle's stamp. */
function stamp() {
  let newest = 0;
  let files = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs|js|json)$/.test(e.name)) {
        files++;
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  for (const s of SOURCES) walk(s);
  // what goes into the bundle besides the sources: the linkedom edit, and linkedom itself (the lock file)
  for (const f of EXTRA) if (existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return `${Math.floor(newest)}-${files}`;
}

async function bundleDir() {
  const dir = join(CACHE, stamp());
  if (existsSync(join(dir, 'main.mjs'))) return dir;
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await build({
    entryPoints: { main: join(ROOT, 'cli', 'main.ts'), worker: join(ROOT, 'cli', 'worker.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // dependencies load as they are, except linkedom: bundled, with its node constructor made cheaper
    // (scripts/linkedom-lazy-events.mjs)
    plugins: [externalsButLinkedom, esbuildLazyEvents],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    // the bundle lives under node_modules/.cache: resolve the external packages from the project
    nodePaths: [join(ROOT, 'node_modules')],
  });
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process was faster: use its bundle
  }
  // bundles of older sources (left for ten minutes, in case another run still loads from one)
  for (const e of readdirSync(CACHE)) {
    const p = join(CACHE, e);
    if (p !== dir && Date.now() - statSync(p).mtimeMs > 600_000) rmSync(p, { recursive: true, force: true });
  }
  return dir;
}

/** URL of the bundled entry `main` or `worker` (or, without esbuild, of the TypeScript source under tsx's loader). */
export async function cliEntry(name) {
  try {
    mkdirSync(CACHE, { recursive: true });
    return pathToFileURL(join(await bundleDir(), `${name}.mjs`)).href;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return pathToFileURL(join(ROOT, 'cli', `${name}.ts`)).href;
  }
}
