// A worker thread does not inherit tsx's loader: this plain module registers it, then loads the thread's TypeScript.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
