// the built-ins pdf.js's legacy build polyfills over: kept before anything loads it (see lib/extract/pdf-node-natives.ts)
(globalThis as Record<symbol, unknown>)[Symbol.for('nianbao-audit.natives')] ??= { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
import { parentPort } from 'node:worker_threads';
import { auditInput } from '../lib/node/audit-file';
import { AuditResult } from '../lib/model/result';
import { loadInput } from './load';
import type { Done, Job } from './pool';

parentPort!.on('message', async (job: Job) => {
  let msg: Done;
  try {
    const { bytes, contentType } = await loadInput(job.input);
    // every exported document is validated before it is written
    const result = AuditResult.parse(await auditInput({ bytes, uri: job.input, contentType }));
    msg = job.asJson
      ? { id: job.id, json: JSON.stringify(result), ...(result.status === 'not-assessable' && result.reason ? { reason: result.reason } : {}) }
      : { id: job.id, result };
  } catch (e) {
    msg = { id: job.id, error: (e as Error).message };
  }
  parentPort!.postMessage(msg);
});
