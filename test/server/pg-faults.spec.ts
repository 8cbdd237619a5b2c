/**
 * Faults with two instances on one PostgreSQL, under load: one instance
 * SIGKILLed mid-stream, and PostgreSQL itself stopped at once (as a crash
 * would) and started again. Clients behave as the studio's outbox does:
 * a request that failed or got a 503 is sent again with the same
 * Idempotency-Key, to whichever instance is up. Nothing acknowledged may be
 * lost and nothing stored twice.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { pgBin, startCluster, type Cluster } from '../../scripts/pg/cluster.ts';
import { pool, startChildServer, type ChildServer } from '../../scripts/load/child.ts';
import { NO_POSTGRES } from './pg.ts';
import { submission } from './support.ts';

const TOTAL = 120;

interface Job {
  key: string;
  body: string;
}

/** What the clients saw, beside the answers: every refusal must be a 503 with Retry-After, never a 500. */
interface Seen {
  unavailable: number;
  cutOff: number;
  other: string[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends until acknowledged, as the outbox does: the same key every time, the next live instance after a
 * failure, Retry-After honoured (capped at 200 ms to keep the test short).
 */
async function submit(servers: () => ChildServer[], job: Job, first: number, seen: Seen): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const live = servers();
    const server = live[(first + attempt) % live.length];
    try {
      const response = await fetch(`${server.api}/designs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': job.key },
        body: job.body,
      });
      const answer = (await response.json()) as { id?: string };
      if (response.status === 201 && answer.id) return answer.id;
      if (response.status === 503 && response.headers.get('retry-after')) {
        seen.unavailable++;
        await pause(Math.min(200, 1000 * Number(response.headers.get('retry-after'))));
      } else {
        seen.other.push(`${response.status} ${JSON.stringify(answer)}`);
        await pause(50);
      }
    } catch {
      seen.cutOff++;
      await pause(20);
    }
  }
  throw new Error(`${job.key}: never acknowledged`);
}

const jobsFor = (stem: string): Job[] =>
  Array.from({ length: TOTAL }, (_, i) => ({ key: `${stem}-${i}-${Date.now().toString(36)}`, body: JSON.stringify(submission({ author: { name: `${stem} ${i}` } })) }));

if (!pgBin() && !process.env.TEST_DATABASE_URL && process.env.CI !== 'true') {
  describe('faults on PostgreSQL with two instances', () => it(NO_POSTGRES, { skip: NO_POSTGRES }, () => {}));
} else {
  describe('faults on PostgreSQL with two instances', () => {
    // A cluster of this spec's own, whatever TEST_DATABASE_URL says: the restart test stops it. fsync on, so an
    // acknowledged commit has reached the disk before the crash, as in production.
    let cluster: Cluster;
    let dataDir: string;
    let servers: ChildServer[] = [];
    before(async () => {
      cluster = await startCluster({ fsync: true });
      dataDir = mkdtempSync(join(tmpdir(), 'cds-pg-faults-'));
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await cluster?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    /** Two fresh instances on a fresh database. */
    async function twoInstances(name: string): Promise<{ url: string; instances: ChildServer[] }> {
      const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = cluster.url.replace(/\/postgres$/, `/${name}`);
      const instances = await Promise.all([0, 1].map(() => startChildServer({ dataDir, env: { DATABASE_URL: url } })));
      servers.push(...instances);
      return { url, instances };
    }

    /** Every job once in the database, under the id its client was given. */
    async function assertStoredOnce(url: string, jobs: Job[], acked: Map<string, string>) {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [designs] = await sql`SELECT count(*)::int AS n, count(DISTINCT draft)::int AS drafts FROM designs`;
        assert.deepEqual({ ...designs }, { n: TOTAL, drafts: TOTAL }, 'one design per submission');
        const [previews] = await sql`SELECT count(*)::int AS n FROM previews`;
        assert.equal(previews.n, 2 * TOTAL);
        const keys = new Map((await sql<{ key: string; id: string }[]>`SELECT key, body->>'id' AS id FROM idempotency`).map((r) => [r.key, r.id]));
        assert.equal(keys.size, TOTAL);
        for (const job of jobs) assert.equal(keys.get(job.key), acked.get(job.key), job.key);
      } finally {
        await sql.end();
      }
    }

    it('loses nothing acknowledged and stores nothing twice when one instance is SIGKILLed mid-load', { timeout: 90_000 }, async (t) => {
      const { url, instances } = await twoInstances('cds_kill');
      const [survivor, victim] = instances;
      let live = [survivor, victim];
      const jobs = jobsFor('kill');
      const acked = new Map<string, string>();
      const seen: Seen = { unavailable: 0, cutOff: 0, other: [] };
      let killed: Promise<void> | undefined;
      await pool(jobs, 16, async (job, i) => {
        acked.set(job.key, await submit(() => live, job, i, seen));
        if (acked.size === 30 && !killed) {
          // The load balancer notices the dead instance a moment later: until then requests still reach it and fail.
          killed = victim.kill().then(() => void (live = [survivor]));
        }
      });
      await killed;
      assert.equal(await victim.exited, 'SIGKILL');
      assert.ok(seen.cutOff > 0, 'the kill cut requests off in flight');
      assert.deepEqual(seen.other, [], 'no other refusal');
      await assertStoredOnce(url, jobs, acked);
      t.diagnostic(`${seen.cutOff} requests cut off by the kill, all resent to the survivor`);
    });

    it('answers 503 with Retry-After while PostgreSQL is down, recovers by itself, and loses nothing acknowledged', { timeout: 90_000 }, async (t) => {
      const { url, instances } = await twoInstances('cds_restart');
      const jobs = jobsFor('restart');
      const acked = new Map<string, string>();
      const seen: Seen = { unavailable: 0, cutOff: 0, other: [] };
      let restarted: Promise<void> | undefined;
      let upAt = 0;
      let recoveredAt = 0;
      await pool(jobs, 16, async (job, i) => {
        acked.set(job.key, await submit(() => instances, job, i, seen));
        if (upAt && !recoveredAt) recoveredAt = performance.now();
        // Down for 1.5 s with 16 submissions in flight, then up again on the same port; the instances are not touched.
        if (acked.size === 30 && !restarted) restarted = cluster.restart({ downMs: 1500 }).then(() => void (upAt = performance.now()));
      });
      await restarted;
      // By itself and promptly: the client library's own backoff once kept requests waiting 20 s after the database was back.
      const recovery = recoveredAt - upAt;
      assert.ok(recoveredAt > 0 && recovery < 8_000, `the first acknowledgement came ${recovery.toFixed(0)} ms after PostgreSQL was up again`);
      assert.ok(seen.unavailable > 0, 'some requests were answered 503 while the database was down');
      assert.deepEqual(seen.other, [], 'every refusal was a 503 with Retry-After');
      await assertStoredOnce(url, jobs, acked);
      for (const server of instances) {
        const res = await fetch(`${server.api}/designs?status=pending&perPage=1`, { headers: { authorization: `Bearer ${server.adminToken}` } });
        assert.equal(res.status, 200, 'each instance serves again without a restart of its own');
      }
      t.diagnostic(`${seen.unavailable} answers were 503 while PostgreSQL was down, ${seen.cutOff} connections cut; acknowledging again ${recovery.toFixed(0)} ms after it was up`);
    });
  });
}
