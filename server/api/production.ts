/**
 * Production files of approved designs, for the campaign team only: the
 * print job's state (the dashboard polls it) and the production pack. A
 * caller without the admin token gets 404, as for any design it may not see.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProductionState, type ProductionStatus } from '../../src/protocol/production.ts';
import { jobId, type StoredJob } from '../store/jobs.ts';
import { productionPack } from '../jobs/pack.ts';
import { PRINT_JOB, type PrintJobResult } from '../jobs/worker.ts';
import type { ApiContext } from './context.ts';
import { ApiHttpError, isAdmin, notFound } from './http.ts';

const STATES: Record<StoredJob['state'], ProductionState> = {
  queued: ProductionState.Queued,
  running: ProductionState.Making,
  done: ProductionState.Ready,
  failed: ProductionState.Failed,
};

/** Seconds the dashboard or a script waits before asking again while the files are being made. */
const NOT_READY_RETRY_S = 5;

export function productionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  async function designFor(request: FastifyRequest<{ Params: { id: string } }>) {
    if (!isAdmin(request, ctx.adminToken)) throw notFound();
    const design = await ctx.store.getDesign(request.params.id);
    if (!design) throw notFound();
    return design;
  }

  const status = (design: string, job: StoredJob | undefined): ProductionStatus => ({
    design,
    state: job ? STATES[job.state] : ProductionState.None,
    attempts: job?.attempts ?? 0,
    maxAttempts: job?.maxAttempts ?? 0,
    error: job?.error ?? null,
    updatedAt: job ? new Date(job.updatedAt).toISOString() : null,
    ...(job?.state === 'done'
      ? {
          pack: {
            url: `${ctx.prefix}/designs/${design}/production.zip`,
            pdfBytes: (job.result as PrintJobResult).pdf.size,
          },
        }
      : {}),
  });

  app.get<{ Params: { id: string } }>('/designs/:id/production', async (request): Promise<ProductionStatus> => {
    const design = await designFor(request);
    return status(design.id, await ctx.store.getJob(jobId(PRINT_JOB, design.id)));
  });

  app.get<{ Params: { id: string } }>('/designs/:id/production.zip', async (request, reply) => {
    const design = await designFor(request);
    const job = await ctx.store.getJob(jobId(PRINT_JOB, design.id));
    if (!job)
      throw new ApiHttpError(409, 'not-approved', 'print files are made once the design is approved; it has none yet');
    if (job.state === 'failed') {
      throw new ApiHttpError(
        409,
        'print-failed',
        `the print file could not be made after ${job.attempts} attempts: ${job.error}`,
      );
    }
    if (job.state !== 'done') {
      const making = job.state === 'running' ? `being made (attempt ${job.attempts} of ${job.maxAttempts})` : 'queued';
      throw new ApiHttpError(409, 'print-not-ready', `the print file is ${making}; ask again shortly`, {
        'Retry-After': String(NOT_READY_RETRY_S),
      });
    }
    const result = job.result as PrintJobResult;
    const blob = await ctx.store.blobs.get(result.pdf.key);
    // Checked on the way out: the pack's manifest must never vouch for bytes other than those the job made.
    if (!blob || blob.sha256 !== result.pdf.sha256) {
      throw new ApiHttpError(500, 'print-file-lost', 'the stored print file is missing or damaged');
    }
    const zip = productionPack(design, job, blob.bytes, result.report);
    return reply
      .header('Content-Type', 'application/zip')
      .header('Content-Disposition', `attachment; filename="production-${design.id}.zip"`)
      .header('Cache-Control', 'private, no-store')
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
