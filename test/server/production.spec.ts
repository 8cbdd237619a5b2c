/**
 * Print jobs and the production pack on the reference server (in-process,
 * real loopback HTTP, in-memory SQLite): approving a design makes its print
 * PDF in the background, in a thread of its own; the pack downloads with a
 * manifest whose SHA-256s match the bytes; a job that cannot succeed is
 * tried a bounded number of times and then shown failed with its reason,
 * while the server keeps answering.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { startTestServer, type TestServer } from '../../server/testing.ts';
import { listImages, poppler } from '../print/poppler.ts';
import { paint, stroke } from '../print/designs.ts';
import { submission } from './support.ts';
import { waitFor } from '../support/wait.ts';

async function submit(server: TestServer, design = submission().design): Promise<string> {
  const response = await fetch(`${server.endpoint}/designs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` },
    body: JSON.stringify(submission({ design })),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

const admin = (server: TestServer, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { authorization: `Bearer ${server.adminToken}` },
});

async function approve(server: TestServer, id: string): Promise<void> {
  const response = await fetch(`${server.endpoint}/designs/${id}/approve`, admin(server, { method: 'POST' }));
  assert.equal(response.status, 200);
}

async function production(
  server: TestServer,
  id: string,
): Promise<{ state: string; attempts: number; error: string | null; pack?: { url: string } }> {
  return (await fetch(`${server.endpoint}/designs/${id}/production`, admin(server))).json() as never;
}

/** A roadster design with a few pencil strokes on the side. */
function drawnDesign() {
  const design = submission().design;
  design.views[0].layers = [
    paint('paint-side', [
      stroke('pencil', '#d02020', 12, [
        [100, 100],
        [300, 180],
        [500, 120],
      ]),
      stroke('marker', '#2040d0', 30, [
        [120, 300],
        [600, 320],
      ]),
    ]),
  ];
  return design;
}

describe('print jobs and the production pack', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer(options);
    servers.push(server);
    return server;
  };

  it(
    'makes the print PDF once a design is approved, and the pack holds it with checked SHA-256s',
    { timeout: 60_000 },
    async () => {
      const server = await start();
      const design = drawnDesign();
      const id = await submit(server, design);
      assert.equal((await production(server, id)).state, 'none');
      const early = await fetch(`${server.endpoint}/designs/${id}/production.zip`, admin(server));
      assert.deepEqual([early.status, ((await early.json()) as { code: string }).code], [409, 'not-approved']);
      await approve(server, id);
      const ready = await waitFor(
        async () => {
          const status = await production(server, id);
          return status.state === 'ready' ? status : undefined;
        },
        'the print job is ready',
        30_000,
      );
      assert.equal(ready.attempts, 1);
      assert.equal(ready.pack?.url, `/api/designs/${id}/production.zip`);

      const response = await fetch(`${server.endpoint}/designs/${id}/production.zip`, admin(server));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/zip');
      assert.match(
        response.headers.get('content-disposition') ?? '',
        new RegExp(`attachment; filename="production-${id}.zip"`),
      );
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
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
      const consent = JSON.parse(strFromU8(files['consent.json'])) as { termsVersion: string };
      assert.equal(consent.termsVersion, submission().consent.termsVersion);
      assert.equal(JSON.parse(strFromU8(files['credit.json'])).author, 'Ada');
      assert.deepEqual(JSON.parse(strFromU8(files['design.json'])), design, 'the document as stored');
      const report = JSON.parse(strFromU8(files['print-report.json'])) as { report: { views: { view: string }[] } };
      assert.deepEqual(
        report.report.views.map((v) => v.view),
        ['side', 'top'],
      );

      // Admin only: everyone else is told there is no such design.
      for (const path of ['production', 'production.zip']) {
        const anonymous = await fetch(`${server.endpoint}/designs/${id}/${path}`);
        assert.equal(anonymous.status, 404, path);
      }
    },
  );

  it('answers 409 with Retry-After while the file is queued', async () => {
    const server = await start({ printJobs: { enabled: false } });
    const id = await submit(server);
    await approve(server, id);
    const response = await fetch(`${server.endpoint}/designs/${id}/production.zip`, admin(server));
    assert.equal(response.status, 409);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.deepEqual(await response.json(), {
      code: 'print-not-ready',
      message: 'the print file is queued; ask again shortly',
    });
    assert.equal((await production(server, id)).state, 'queued');
  });

  it(
    'tries a job that times out three times, then shows it failed with the reason; the server keeps answering',
    { timeout: 60_000 },
    async () => {
      const server = await start({ printJobs: { timeoutMs: 100, leaseMs: 10_000 } });
      const id = await submit(server, drawnDesign());
      await approve(server, id);
      const attempts = new Set<number>();
      const failed = await waitFor(
        async () => {
          const status = await production(server, id);
          attempts.add(status.attempts);
          // Between the attempts the API answers as ever.
          assert.equal((await fetch(`${server.endpoint}/designs?status=approved`)).status, 200);
          return status.state === 'failed' ? status : undefined;
        },
        'the job failed for good',
        30_000,
      );
      assert.equal(failed.attempts, 3);
      assert.equal(failed.error, 'timed out after 0.1 s');
      const zip = await fetch(`${server.endpoint}/designs/${id}/production.zip`, admin(server));
      assert.equal(zip.status, 409);
      assert.deepEqual(await zip.json(), {
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
      const failed = await waitFor(
        async () => {
          const status = await production(server, id);
          return status.state === 'failed' ? status : undefined;
        },
        'the job failed for good',
        30_000,
      );
      assert.equal(failed.attempts, 3);
      assert.equal(failed.error, 'template "no-such-template": no such file in the templates folder');
    },
  );
});
