import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pool, startChildServer, type ChildServer } from '../../scripts/load/child.ts';
import { submission } from './support.ts';

const TOTAL = 120;
const KILL_AFTER = 30;

interface Outcome {
  status: number;
  id?: string;
  replayed: boolean;
}

async function post(server: ChildServer, key: string, body: string): Promise<Outcome> {
  const response = await fetch(`${server.api}/designs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body,
  });
  const answer = (await response.json()) as { id?: string };
  return { status: response.status, id: answer.id, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

describe('SIGKILL under load', () => {
  it('loses no acknowledged submission, and stores each once when the rest are resent with their keys', { timeout: 60_000 }, async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cds-kill-'));
    const jobs = Array.from({ length: TOTAL }, (_, i) => ({ key: `kill-key-${i}-${Date.now().toString(36)}`, body: JSON.stringify(submission({ author: { name: `Kill ${i}` } })) }));
    try {
      const first = await startChildServer({ dataDir });
      const acked = new Map<string, string>();
      let killing: Promise<void> | undefined;
      let dead = false;
      void first.exited.then(() => (dead = true));
      let cutOff = 0;
      // Sending goes on at 16 in flight until the process is gone, so the kill always lands mid-stream:
      // some bodies half uploaded, some validated, some queued for the commit.
      await pool(
        jobs,
        16,
        async (job) => {
          try {
            const outcome = await post(first, job.key, job.body);
            if (outcome.status === 201 && outcome.id) acked.set(job.key, outcome.id);
            if (acked.size >= KILL_AFTER && !killing) killing = first.kill();
          } catch (error) {
            // Not acknowledged: cut off with the server, or (after its death, before we hear of it) refused.
            if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') cutOff++;
          }
        },
        () => dead,
      );
      await killing;
      assert.equal(await first.exited, 'SIGKILL');
      const unanswered = jobs.filter((job) => !acked.has(job.key));
      assert.ok(cutOff > 0, 'the kill cut requests off in flight');
      assert.ok(acked.size >= KILL_AFTER, `${acked.size} acknowledged before the kill`);
      assert.ok(unanswered.length > 0, 'some submissions were not acknowledged');

      const second = await startChildServer({ dataDir });
      try {
        // Every acknowledged key replays its first answer: the design survived the kill.
        for (const [key, id] of acked) {
          const job = jobs.find((j) => j.key === key)!;
          const replay = await post(second, key, job.body);
          assert.deepEqual([replay.status, replay.id, replay.replayed], [201, id, true], key);
        }
        // The rest go again with their own keys: each is stored now, or was committed just before the kill and replays.
        const resent = await Promise.all(unanswered.map((job) => post(second, job.key, job.body)));
        assert.ok(resent.every((r) => r.status === 201 && r.id), JSON.stringify(resent.filter((r) => r.status !== 201)));
        const replayedAfterKill = resent.filter((r) => r.replayed).length;

        const ids = new Set([...acked.values(), ...resent.map((r) => r.id!)]);
        assert.equal(ids.size, TOTAL, 'one design per key');
        const listed = new Set<string>();
        for (let page = 1; listed.size < TOTAL + 1; page++) {
          const res = (await (await fetch(`${second.api}/designs?status=pending&perPage=100&page=${page}`, { headers: { authorization: `Bearer ${second.adminToken}` } })).json()) as {
            items: { id: string }[];
            total: number;
          };
          assert.equal(res.total, TOTAL, 'exactly one stored design per submission');
          for (const item of res.items) listed.add(item.id);
          if (res.items.length < 100) break;
        }
        assert.deepEqual([...listed].sort(), [...ids].sort());
        t.diagnostic(`killed with ${acked.size} acknowledged, ${cutOff} cut off in flight; ${replayedAfterKill} of the unacknowledged had been committed before the kill`);
      } finally {
        await second.stop();
      }

      // And in the file: one design and one key per submission, nothing half-written.
      const db = new Database(join(dataDir, 'co-design.sqlite'), { readonly: true, fileMustExist: true });
      try {
        assert.equal((db.prepare('SELECT count(*) AS n FROM designs').get() as { n: number }).n, TOTAL);
        assert.equal((db.prepare('SELECT count(DISTINCT draft) AS n FROM designs').get() as { n: number }).n, TOTAL);
        assert.equal((db.prepare('SELECT count(*) AS n FROM previews').get() as { n: number }).n, 2 * TOTAL);
        assert.equal((db.prepare('SELECT count(*) AS n FROM idempotency').get() as { n: number }).n, TOTAL);
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      } finally {
        db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
