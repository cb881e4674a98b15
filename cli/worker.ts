import { parentPort } from 'node:worker_threads';
import { auditInput } from '../lib/node/audit-file';
import { loadInput } from './load';
import type { Done, Job } from './pool';

parentPort!.on('message', async (job: Job) => {
  let msg: Done;
  try {
    const { bytes, contentType } = await loadInput(job.input);
    msg = { id: job.id, result: await auditInput({ bytes, uri: job.input, contentType }) };
  } catch (e) {
    msg = { id: job.id, error: (e as Error).message };
  }
  parentPort!.postMessage(msg);
});
