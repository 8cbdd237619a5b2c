/**
 * Print jobs and the production pack on the reference server (in-process,
 * real loopback HTTP, every exchange checked against docs/openapi.json):
 * approving a design makes its print PDF in the background, in a thread of
 * its own; the pack downloads with a manifest whose SHA-256s match the
 * bytes; a job that cannot succeed is tried a bounded number of times and
 * then shown failed with its reason, while the server keeps answering.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { AppOptions } from '../../server/app.ts';
import { PostgresStore } from '../../server/store/postgres.ts';
import type { ProductionStatus } from '../../src/protocol/production.ts';
import { listImages, poppler } from '../print/poppler.ts';
import { waitFor } from '../support/wait.ts';
import { drawnDesign, slowDesign, tooLargeDesign } from './print-fixtures.ts';
import { freshDatabase } from './pg.ts';
import { admin, json, startServer, storeInUse, submission, type TestServer } from './support.ts';

describe('print jobs and the production pack', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  // Retries and polls in test time, not production's seconds.
  const start = async (printJobs: AppOptions['printJobs'] = {}, dataDir?: string, more: Partial<AppOptions> = {}) => {
    const server = await startServer({ printJobs: { backoffMs: 50, pollMs: 50, ...printJobs }, ...more }, dataDir);
    servers.push(server);
    return server;
  };

  async function submit(server: TestServer, design = submission().design): Promise<string> {
    const sent = await server.call(
      '/designs',
      json(submission({ design }), { 'idempotency-key': `k-${Math.random()}` }),
    );
    assert.equal(sent.status, 201);
    return sent.body.id as string;
  }

  async function approve(server: TestServer, id: string): Promise<void> {
    assert.equal((await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }))).status, 200);
  }

  const production = async (server: TestServer, id: string) =>
    (await server.call(`/designs/${id}/production`, admin())).body as ProductionStatus;

  /** Polls the job's state as the dashboard does, until it is `state`. */
  const until = (server: TestServer, id: string, state: ProductionStatus['state']) =>
    waitFor(
      async () => {
        const status = await production(server, id);
        return status.state === state ? status : undefined;
      },
      `the print job ${state}`,
      30_000,
    );

  it(
    'makes the print PDF once a design is approved, and the pack holds it with checked SHA-256s',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      const design = drawnDesign();
      const id = await submit(server, design);
      assert.equal((await production(server, id)).state, 'none');
      const early = await server.call(`/designs/${id}/production.zip`, admin());
      assert.deepEqual([early.status, early.body.code], [409, 'not-approved']);
      await approve(server, id);
      const ready = await until(server, id, 'ready');
      assert.equal(ready.attempts, 1);
      assert.equal(ready.pack?.url, `/api/designs/${id}/production.zip`);

      const response = await server.call(`/designs/${id}/production.zip`, admin());
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/zip');
      assert.equal(response.headers.get('content-disposition'), `attachment; filename="production-${id}.zip"`);
      const files = unzipSync(new Uint8Array(response.body as Buffer));
      const manifest = JSON.parse(strFromU8(files['manifest.json'])) as {
        design: string;
        files: { path: string; size: number; sha256: string }[];
      };
      assert.equal(manifest.design, id);
      assert.deepEqual(manifest.files.map((f) => f.path).sort(), [
        'consent.json',
        'credit.json',
        'design.json',
        'print-report.json',
        `print/${id}.pdf`,
      ]);
      assert.deepEqual(
        Object.keys(files).sort(),
        [...manifest.files.map((f) => f.path), 'manifest.json'].sort(),
        'every file is listed',
      );
      for (const file of manifest.files) {
        const bytes = files[file.path];
        assert.equal(bytes.byteLength, file.size, file.path);
        assert.equal(createHash('sha256').update(bytes).digest('hex'), file.sha256, file.path);
      }
      const pdf = files[`print/${id}.pdf`];
      assert.match(poppler('pdfinfo', [], pdf), /Pages:\s+2/);
      assert.deepEqual(listImages(pdf), [], 'strokes stay vectors');
      const consent = JSON.parse(strFromU8(files['consent.json'])) as { termsVersion: string; acceptedAt: string };
      assert.deepEqual(
        [consent.termsVersion, consent.acceptedAt],
        [submission().consent.termsVersion, submission().consent.acceptedAt],
      );
      assert.equal(JSON.parse(strFromU8(files['credit.json'])).author, 'Ada');
      assert.deepEqual(JSON.parse(strFromU8(files['design.json'])), design, 'the document as stored');
      const report = JSON.parse(strFromU8(files['print-report.json'])) as { report: { views: { view: string }[] } };
      assert.deepEqual(
        report.report.views.map((v) => v.view),
        ['side', 'top'],
      );

      // Admin only: everyone else is told there is no such design.
      for (const path of ['production', 'production.zip']) {
        const anonymous = await server.call(`/designs/${id}/${path}`);
        assert.equal(anonymous.status, 404, path);
      }
      assert.equal((await server.call('/designs/no-such-design/production.zip', admin())).status, 404);
    },
  );

  it('answers 409 with Retry-After while the file is queued', async () => {
    const server = await start({ enabled: false });
    const id = await submit(server);
    await approve(server, id);
    const response = await server.call(`/designs/${id}/production.zip`, admin());
    assert.equal(response.status, 409);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.deepEqual(response.body, {
      code: 'print-not-ready',
      message: 'the print file is queued; ask again shortly',
    });
    assert.equal((await production(server, id)).state, 'queued');
  });

  it(
    'tries a job that times out three times, then shows it failed with the reason; the server keeps answering',
    { timeout: 60_000 },
    async () => {
      const server = await start({ timeoutMs: 100, leaseMs: 10_000 });
      const id = await submit(server, drawnDesign());
      await approve(server, id);
      const failed = await waitFor(
        async () => {
          // Between the attempts the API answers as ever.
          assert.equal((await server.call('/designs?status=approved')).status, 200);
          const status = await production(server, id);
          return status.state === 'failed' ? status : undefined;
        },
        'the job failed for good',
        30_000,
      );
      assert.equal(failed.attempts, 3);
      assert.equal(failed.error, 'timed out after 0.1 s');
      const zip = await server.call(`/designs/${id}/production.zip`, admin());
      assert.equal(zip.status, 409);
      assert.deepEqual(zip.body, {
        code: 'print-failed',
        message: 'the print file could not be made after 3 attempts: timed out after 0.1 s',
      });
    },
  );

  it(
    'fails a design the renderer refuses with its message, after the same bounded tries',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      const design = drawnDesign();
      design.template = { id: 'no-such-template', version: '1' };
      const id = await submit(server, design);
      await approve(server, id);
      const failed = await until(server, id, 'failed');
      assert.equal(failed.attempts, 3);
      assert.equal(failed.error, 'template "no-such-template": no such file in the templates folder');
      // Approving again is the team's "try again": the job is queued with its attempts counted afresh.
      await approve(server, id);
      const again = await production(server, id);
      assert.ok(['queued', 'making'].includes(again.state) && again.attempts <= 1, JSON.stringify(again));
      assert.equal((await until(server, id, 'failed')).attempts, 3);
    },
  );

  it("fails a design past the print limits at once, with the renderer's message: no retry can help it", async () => {
    const server = await start();
    const id = await submit(server, tooLargeDesign());
    await approve(server, id);
    const failed = await until(server, id, 'failed');
    assert.equal(failed.attempts, 1);
    assert.match(failed.error ?? '', /^print-too-large: design is too large to print: [\d,]+ image-layer pixels/);
    assert.equal((await server.call('/designs?status=approved')).status, 200);
  });

  it('fails a job whose thread runs past its heap limit, and the server lives on', { timeout: 60_000 }, async () => {
    // A limit far below what the renderer needs stands in for a design that eats memory: V8 ends the thread.
    const server = await start({ memoryMb: 8 });
    const id = await submit(server, drawnDesign());
    await approve(server, id);
    const failed = await until(server, id, 'failed');
    assert.deepEqual([failed.attempts, failed.error], [3, 'ran out of memory (limit 8 MB)']);
    assert.equal((await server.call(`/designs/${id}`, admin())).status, 200);
  });

  it(
    'stops its worker with the server: a job being made goes back to the queue and is made after the restart',
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cds-print-stop-'));
      // Both servers on one database: the same SQLite file, or one PostgreSQL database opened twice.
      const db = storeInUse() === 'postgres' ? await freshDatabase() : undefined;
      const store = async () => (db ? { store: await PostgresStore.open(db.url) } : {});
      try {
        const first = await start({}, dataDir, await store());
        const id = await submit(first, slowDesign());
        await approve(first, id);
        await until(first, id, 'making');
        const closing = performance.now();
        await servers.splice(servers.indexOf(first), 1)[0].close();
        const closeMs = performance.now() - closing;
        // Closed without waiting for the render (seconds): the thread was ended, not awaited.
        assert.ok(closeMs < 1_500, `closed in ${Math.round(closeMs)} ms`);

        const second = await start({}, dataDir, await store());
        const back = await production(second, id);
        assert.equal(back.error, 'the server stopped while making it');
        const ready = await until(second, id, 'ready');
        assert.equal(ready.attempts, 2);
      } finally {
        await Promise.all(servers.splice(0).map((server) => server.close()));
        await db?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
