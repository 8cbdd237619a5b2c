/**
 * Runs one print job in a worker thread with a memory limit and a clock:
 * past the time the thread is terminated and the job fails with
 * "timed out after N s"; past the heap limit V8 ends the thread and the job
 * fails with "ran out of memory". The server's own thread never runs the
 * renderer.
 */
import { Worker } from 'node:worker_threads';
import type { ThreadInput, ThreadOutput } from './thread.ts';

export interface ThreadLimits {
  timeoutMs: number;
  /** The thread's JavaScript heap (V8's old generation), in MB. */
  memoryMb: number;
}

export interface RunningThread {
  done: Promise<{ pdf: Uint8Array; report: unknown }>;
  /** Ends the thread now (the server is stopping); `done` rejects. */
  cancel(): void;
}

/** Why a job's attempt ended when its server stopped. */
export const STOPPED_REASON = 'the server stopped while making it';

const boot = new URL('./thread-boot.mjs', import.meta.url);
const entry = new URL('./thread.ts', import.meta.url).href;

export function runPrintThread(input: ThreadInput, limits: ThreadLimits): RunningThread {
  const worker = new Worker(boot, {
    workerData: { entry, input },
    resourceLimits: {
      maxOldGenerationSizeMb: limits.memoryMb,
      maxYoungGenerationSizeMb: Math.min(64, limits.memoryMb / 4),
    },
  });
  let failure: Error | undefined;
  const done = new Promise<{ pdf: Uint8Array; report: unknown }>((resolve, reject) => {
    const timer = setTimeout(() => {
      failure = new Error(`timed out after ${formatSeconds(limits.timeoutMs)} s`);
      void worker.terminate();
    }, limits.timeoutMs);
    worker.once('message', (out: ThreadOutput) => {
      if (out.ok) resolve({ pdf: out.pdf, report: out.report });
      else reject(Object.assign(new Error(out.code ? `${out.code}: ${out.message}` : out.message), { code: out.code }));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      failure ??=
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`ran out of memory (limit ${limits.memoryMb} MB)`)
          : error;
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      // After a message this changes nothing; without one, it says why the thread ended.
      reject(failure ?? new Error('the print thread ended without an answer'));
    });
  });
  return {
    done,
    cancel() {
      failure ??= new Error(STOPPED_REASON);
      void worker.terminate();
    },
  };
}

function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
