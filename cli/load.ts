import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const FETCH_TIMEOUT_MS = 30_000;
const FETCH_MAX_BYTES = 60 * 1024 * 1024;

/** The bytes of a file, or of a URL fetched with Node's fetch (the only network request the tool makes). */
export async function loadInput(input: string): Promise<{ bytes: Uint8Array; contentType?: string }> {
  if (!/^https?:\/\//i.test(input)) return { bytes: new Uint8Array(await readFile(resolve(input))) };
  const res = await fetch(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > FETCH_MAX_BYTES) throw new Error(`too large (${len} bytes)`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > FETCH_MAX_BYTES) throw new Error(`too large (${bytes.length} bytes)`);
  return { bytes, contentType: res.headers.get('content-type') ?? undefined };
}
