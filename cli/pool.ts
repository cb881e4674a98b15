/**
 * A small worker pool for batch runs: each worker reads, audits and validates whole files and
 * sends the result back (as JSON text when that is all the output needs); the main thread
 * prints in input order. Used when there are many inputs and more than one core.
 */
import { Worker } from 'node:worker_threads';
import type { AuditResult } from '../lib/model/result';

export type Job = { id: number; input: string; asJson: boolean };
/** reason: the result is not-assessable (sent beside the JSON text, so that the main thread need not parse it) */
export type Done = { id: number; result?: AuditResult; json?: string; error?: string; reason?: { zh: string; en: string } };

export async function runPool(inputs: string[], jobs: number, asJson: boolean, onDone: (d: Done) => void): Promise<void> {
  const workerUrl = new URL('./worker.mjs', import.meta.url);
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, inputs.length) }, () => new Worker(workerUrl));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const feed = () => {
            if (next >= inputs.length) { void w.terminate().then(() => resolve()); return; }
            const id = next++;
            w.postMessage({ id, input: inputs[id]!, asJson } satisfies Job);
          };
          w.on('message', (d: Done) => { onDone(d); feed(); });
          w.on('error', reject);
          feed();
        }),
    ),
  );
}
