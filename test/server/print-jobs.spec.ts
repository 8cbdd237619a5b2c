/**
 * Print jobs across processes: the real server (server/main.ts) as child
 * processes. One killed with SIGKILL in the middle of a job makes it again
 * after a restart, once the dead process's lease runs out; two instances on
 * one PostgreSQL make every job exactly once between them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import postgres from 'postgres';
import { startChildServer, type ChildServer } from '../../scripts/load/child.ts';
import { paint, stroke } from '../print/designs.ts';
import { slowDesign } from './print-fixtures.ts';
import { waitFor } from '../support/wait.ts';
import { freshDatabase, NO_POSTGRES, postgresUrl } from './pg.ts';
import { submission } from './support.ts';

interface Production {
  state: string;
  attempts: number;
  error: string | null;
}

const asAdmin = (server: ChildServer, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { authorization: `Bearer ${server.adminToken}` },
});

async function submitAndApprove(server: ChildServer, design = submission().design): Promise<string> {
  const response = await fetch(`${server.api}/designs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `print-${Math.random()}` },
    body: JSON.stringify(submission({ design })),
  });
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  assert.equal((await fetch(`${server.api}/designs/${id}/approve`, asAdmin(server, { method: 'POST' }))).status, 200);
  return id;
}

const production = async (server: ChildServer, id: string) =>
  (await (await fetch(`${server.api}/designs/${id}/production`, asAdmin(server))).json()) as Production;

// Short polls and backoff; a lease a little past the timeout, so the restarted server takes the job soon.
const JOB_ENV = {
  PRINT_JOB_POLL_MS: '100',
  PRINT_JOB_BACKOFF_MS: '100',
  PRINT_JOB_TIMEOUT_MS: '30000',
  PRINT_JOB_LEASE_MS: '35000',
};

describe('print jobs across processes', () => {
  it(
    'a server killed mid-job makes the job again after a restart, and finishes it',
    { timeout: 150_000 },
    async (t) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cds-print-kill-'));
      let second: ChildServer | undefined;
      try {
        const first = await startChildServer({ dataDir, env: JOB_ENV });
        const id = await submitAndApprove(first, slowDesign());
        await waitFor(async () => (await production(first, id)).state === 'making', 'the job being made', 20_000, 20);
        await first.kill();
        assert.equal(await first.exited, 'SIGKILL');

        second = await startChildServer({ dataDir, env: JOB_ENV });
        const held = await production(second, id);
        // Still held by the dead process until its lease runs out: proof that the kill landed mid-job.
        assert.deepEqual([held.state, held.attempts], ['making', 1]);
        const started = Date.now();
        const ready = await waitFor(
          async () => {
            const status = await production(second!, id);
            return status.state === 'ready' ? status : undefined;
          },
          'the job made after the restart',
          100_000,
          200,
        );
        assert.equal(ready.attempts, 2, 'made again once, by the restarted server');
        const zip = await fetch(`${second.api}/designs/${id}/production.zip`, asAdmin(second));
        assert.equal(zip.status, 200);
        t.diagnostic(`ready ${Math.round((Date.now() - started) / 1000)} s after the restart`);
      } finally {
        await second?.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );

  it('two instances on one PostgreSQL make each of many jobs exactly once', { timeout: 120_000 }, async (t) => {
    if (!(await postgresUrl())) return t.skip(NO_POSTGRES);
    const db = (await freshDatabase())!;
    const dataDir = mkdtempSync(join(tmpdir(), 'cds-print-two-'));
    const env = { ...JOB_ENV, DATABASE_URL: db.url };
    const servers = await Promise.all([startChildServer({ dataDir, env }), startChildServer({ dataDir, env })]);
    try {
      const design = submission().design;
      design.views[0].layers = [
        paint('p', [
          stroke('pencil', '#208040', 20, [
            [50, 50],
            [700, 400],
          ]),
        ]),
      ];
      // Approved on both instances at once, as a team of moderators behind a load balancer would.
      const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => submitAndApprove(servers[i % 2], design)));
      await waitFor(
        async () => (await Promise.all(ids.map((id) => production(servers[0], id)))).every((p) => p.state === 'ready'),
        'every job ready',
        90_000,
        200,
      );
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        const jobs = await sql<{ attempts: number; made_by: string }[]>`
          SELECT attempts, result->>'madeBy' AS made_by FROM jobs WHERE kind = 'print' ORDER BY id`;
        assert.equal(jobs.length, ids.length);
        assert.ok(
          jobs.every((job) => job.attempts === 1),
          'each job claimed once',
        );
        // One file per job: no job was made twice (a second making would store print-2.pdf).
        const [{ n }] = await sql<{ n: string }[]>`SELECT count(*) AS n FROM blobs`;
        assert.equal(Number(n), ids.length);
        const byInstance = new Map<string, number>();
        for (const job of jobs) byInstance.set(job.made_by, (byInstance.get(job.made_by) ?? 0) + 1);
        t.diagnostic(`jobs per instance: ${[...byInstance.values()].join(' + ')}`);
      } finally {
        await sql.end();
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
