// Worker-thread entry: the same tsx loader as cli/bin.mjs, then the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
