/**
 * The print worker each server instance runs: it claims one job at a time
 * from the store, makes the file in a thread of its own (./run-thread.ts),
 * stores the PDF through the blob interface and the renderer's report with
 * the job. A failure is recorded with its reason and retried after a
 * growing wait until the job's attempts are spent, except for a design that
 * can never be made (past the print limits, or invalid): that fails at once. Which instance runs a
 * job is the store's decision (its claim), so any number can run this loop.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../src/errors.ts';
import { hostname } from 'node:os';
import { designBlobPrefix, type BlobInfo, type StoredJob } from '../store/jobs.ts';
import type { Store } from '../store/store.ts';
import { runPrintThread, STOPPED_REASON, type RunningThread } from './run-thread.ts';
import type { PrintJobSettings } from './settings.ts';

export const PRINT_JOB = 'print';

/** The renderer's refusals that depend on the design alone: the same design is refused again on every attempt. */
const FINAL_CODES: ReadonlySet<string> = new Set([ErrorCode.PrintTooLarge, ErrorCode.DesignInvalid]);

/** What a print job keeps as its result: where the PDF is, and the renderer's report. */
export interface PrintJobResult {
  pdf: BlobInfo;
  report: unknown;
  ms: number;
  /** The instance that made it (`PrintWorker.owner`). */
  madeBy: string;
}

interface Logger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface PrintWorkerOptions {
  store: Store;
  settings: PrintJobSettings;
  templatesDir: string;
  now: () => number;
  log: Logger;
}

export class PrintWorker {
  /** Names this instance in the jobs it holds: host, process and a random part (a restarted process is another owner). */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private thread: RunningThread | undefined;

  constructor(private readonly options: PrintWorkerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Work may be waiting (a design was approved here): look now rather than at the next poll. */
  poke(): void {
    this.wake?.();
  }

  /** Ends the loop; a job being made is cut off and queued again for the next instance or start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.thread?.cancel();
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { store, settings, now, log } = this.options;
    while (!this.stopped) {
      let job: StoredJob | undefined;
      try {
        job = await store.claimJob(this.owner, now(), settings.leaseMs);
      } catch (error) {
        // The database is out of reach (restarting): try again at the next poll.
        log.warn({ err: error }, 'print worker: could not claim a job');
      }
      if (job) await this.make(job);
      else await this.idle(settings.pollMs);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async make(job: StoredJob): Promise<void> {
    const { store, settings, now, log } = this.options;
    const started = now();
    try {
      const design = await store.getDesign(job.design);
      if (!design) throw new Error('the design is no longer stored');
      // Stopped while the claim or the design was on its way: no thread is started that close would wait for.
      if (this.stopped) throw new Error(STOPPED_REASON);
      this.thread = runPrintThread(
        { designJson: design.designJson, templatesDir: this.options.templatesDir },
        { timeoutMs: settings.timeoutMs, memoryMb: settings.memoryMb },
      );
      const { pdf, report } = await this.thread.done;
      // One key per attempt: an instance that lost its lease never overwrites the file the job's result names.
      const blob = await store.blobs.put(
        `${designBlobPrefix(job.design)}print-${job.attempts}.pdf`,
        pdf,
        'application/pdf',
      );
      const result: PrintJobResult = { pdf: blob, report, ms: now() - started, madeBy: this.owner };
      if (await store.completeJob(job.id, this.owner, result, now())) {
        log.info({ job: job.id, attempt: job.attempts, bytes: blob.size }, 'print job done');
      } else {
        await store.blobs.delete(blob.key);
        log.warn({ job: job.id }, 'print job: the lease was taken over before it finished; its file is dropped');
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const final = typeof code === 'string' && FINAL_CODES.has(code);
      await this.fail(job, (error as Error).message ?? String(error), final);
    } finally {
      this.thread = undefined;
    }
  }

  private async fail(job: StoredJob, reason: string, final = false): Promise<void> {
    const { store, settings, now, log } = this.options;
    // Stopping is not the job's fault: it goes back to the queue at once (the attempt still counts, which bounds a
    // job that keeps stopping the server).
    const retryInMs = this.stopped ? 0 : final ? null : settings.backoffMs * 2 ** (job.attempts - 1);
    try {
      const after = await store.failJob(job.id, this.owner, reason, now(), retryInMs);
      log.warn({ job: job.id, attempt: job.attempts, state: after?.state, reason }, 'print job failed');
    } catch (error) {
      // Out of reach: the lease runs out and the job is claimed again, as after a crash.
      log.error({ err: error, job: job.id }, 'print job: could not record its failure');
    }
  }
}
