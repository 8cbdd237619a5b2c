/**
 * A print job's own thread: makes the file and sends it back, so that a
 * design that eats memory or time takes this thread down, never the server
 * (./run-thread.ts sets the limits and the clock).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makePrintFile } from './print-job.ts';

export interface ThreadInput {
  designJson: string;
  templatesDir: string;
}

export type ThreadOutput =
  { ok: true; pdf: Uint8Array; report: unknown } | { ok: false; code?: string; message: string };

const input = workerData.input as ThreadInput;
try {
  const { pdf, report } = await makePrintFile(input.designJson, input.templatesDir);
  const out: ThreadOutput = { ok: true, pdf, report };
  // Moved, not copied, when the PDF owns its whole buffer (a slice of a shared pool is copied instead).
  const whole = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength;
  parentPort!.postMessage(out, whole ? [pdf.buffer as ArrayBuffer] : []);
} catch (error) {
  const code = (error as { code?: unknown }).code;
  const out: ThreadOutput = {
    ok: false,
    code: typeof code === 'string' ? code : undefined,
    message: (error as Error).message ?? String(error),
  };
  parentPort!.postMessage(out);
}
