/**
 * The job queue and blob part of the store contract (store-contract.ts runs it
 * for every store). Claims race for real: many at once, through two store
 * objects on one database, as two instances' workers make them. Times are
 * passed in, so a lease runs out when the test says so.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { it } from 'node:test';
import { designBlobPrefix, jobId } from '../../server/store/jobs.ts';
import type { NewDesign, NewIdempotentAnswer, Store } from '../../server/store/store.ts';
import { uniqueId } from './support.ts';

const KIND = 'print';
const LEASE = 1_000;

export function jobsContract(
  stores: () => { a: Store; b: Store },
  design: () => NewDesign,
  answer: (key: string) => NewIdempotentAnswer,
): void {
  const either = (i: number) => (i % 2 === 0 ? stores().a : stores().b);
  /** Stored designs to hang jobs on (a job refers to its design). */
  async function designs(n: number): Promise<string[]> {
    const made = Array.from({ length: n }, design);
    for (const d of made) await stores().a.createDesign(d, answer(uniqueId('k')), 0);
    return made.map((d) => d.id);
  }
  /** Every due job at `now`, taken one after the other, finished: the next test starts with an empty queue. */
  async function drain(now: number): Promise<void> {
    for (
      let job = await stores().a.claimJob('drain', now, LEASE);
      job;
      job = await stores().a.claimJob('drain', now, LEASE)
    ) {
      await stores().a.completeJob(job.id, 'drain', {}, now);
    }
  }

  it('queues one job per design and kind, also when many ask at once', async () => {
    const [id] = await designs(1);
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => either(i).enqueueJob(id, KIND, 1_000, 3)));
    assert.equal(outcomes.filter((o) => o.created).length, 1);
    for (const { job } of outcomes)
      assert.deepEqual([job.id, job.state, job.attempts, job.maxAttempts], [jobId(KIND, id), 'queued', 0, 3]);
    assert.equal((await stores().b.getJob(jobId(KIND, id)))?.design, id);
    await drain(1_000);
  });

  it('hands each job to exactly one of many concurrent claimers', async () => {
    const ids = await designs(12);
    for (const id of ids) await stores().a.enqueueJob(id, KIND, 2_000, 3);
    const claimed: string[] = [];
    // Eight claimers, half on each store object, each taking jobs until none is left.
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const owner = `claimer-${i}`;
        for (
          let job = await either(i).claimJob(owner, 2_000, LEASE);
          job;
          job = await either(i).claimJob(owner, 2_000, LEASE)
        ) {
          assert.deepEqual([job.state, job.owner, job.attempts, job.leaseUntil], ['running', owner, 1, 2_000 + LEASE]);
          claimed.push(job.id);
          assert.equal(await either(i + 1).completeJob(job.id, owner, { by: owner }, 2_000), true);
        }
      }),
    );
    assert.deepEqual([...claimed].sort(), ids.map((id) => jobId(KIND, id)).sort(), 'every job claimed once');
    const done = await stores().b.jobsOf(ids, KIND);
    assert.ok(done.every((job) => job.state === 'done' && job.attempts === 1 && job.owner === null));
  });

  it('claims a job again once its lease runs out, and only the new holder may finish it', async () => {
    const [id] = await designs(1);
    await stores().a.enqueueJob(id, KIND, 3_000, 3);
    const first = await stores().a.claimJob('killed', 3_000, LEASE);
    assert.equal(first?.design, id);
    assert.equal(await stores().b.claimJob('other', 3_000 + LEASE - 1, LEASE), undefined, 'held while the lease lasts');
    const again = await stores().b.claimJob('restarted', 3_000 + LEASE + 1, LEASE);
    assert.deepEqual([again?.id, again?.owner, again?.attempts], [first!.id, 'restarted', 2]);
    assert.equal(
      await stores().a.completeJob(first!.id, 'killed', { late: true }, 4_500),
      false,
      'the old holder is fenced off',
    );
    assert.equal(await stores().a.failJob(first!.id, 'killed', 'late', 4_500, 0), undefined);
    assert.equal(await stores().b.completeJob(first!.id, 'restarted', { pages: 2 }, 4_600), true);
    const done = await stores().a.getJob(first!.id);
    assert.deepEqual([done?.state, done?.result, done?.attempts], ['done', { pages: 2 }, 2]);
  });

  it('retries a failing job after its backoff up to its bound, then keeps it failed with the reason', async () => {
    const [id] = await designs(1);
    await stores().a.enqueueJob(id, KIND, 10_000, 3);
    let now = 10_000;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const job = await either(attempt).claimJob('w', now, LEASE);
      assert.equal(job?.attempts, attempt);
      const after = await either(attempt + 1).failJob(job!.id, 'w', `boom ${attempt}`, now, 500);
      assert.equal(after?.state, attempt < 3 ? 'queued' : 'failed');
      assert.equal(after?.error, `boom ${attempt}`);
      if (attempt < 3)
        assert.equal(await stores().a.claimJob('w', now + 499, LEASE), undefined, 'not before its backoff');
      now += 500;
    }
    assert.equal(await stores().b.claimJob('w', now + 60_000, LEASE), undefined, 'a failed job is never claimed again');
    assert.deepEqual(
      [(await stores().a.getJob(jobId(KIND, id)))?.state, (await stores().a.getJob(jobId(KIND, id)))?.attempts],
      ['failed', 3],
    );
    // Until the team asks for another go: queued again, its attempts counted afresh, the last reason kept.
    const again = await stores().b.requeueJob(jobId(KIND, id), now + 1);
    assert.deepEqual([again?.state, again?.attempts, again?.error, again?.runAfter], ['queued', 0, 'boom 3', now + 1]);
    assert.equal(await stores().a.requeueJob(jobId(KIND, id), now + 2), undefined, 'only a failed job is put back');
    const retried = await stores().a.claimJob('w', now + 1, LEASE);
    assert.deepEqual([retried?.id, retried?.attempts], [jobId(KIND, id), 1]);
    await stores().a.completeJob(retried!.id, 'w', {}, now + 1);
  });

  it('fails a job for good at once when told no retry can help, attempts left or not', async () => {
    const [id] = await designs(1);
    await stores().a.enqueueJob(id, KIND, 15_000, 3);
    const job = await stores().b.claimJob('w', 15_000, LEASE);
    const after = await stores().a.failJob(job!.id, 'w', 'too large', 15_001, null);
    assert.deepEqual([after?.state, after?.attempts, after?.error], ['failed', 1, 'too large']);
    assert.equal(await stores().b.claimJob('w', 15_000 + 60_000, LEASE), undefined, 'never claimed again');
  });

  it('fails a job whose lease ran out on its last attempt, saying so', async () => {
    const [id] = await designs(1);
    await stores().a.enqueueJob(id, KIND, 20_000, 2);
    await stores().a.claimJob('dies-1', 20_000, LEASE);
    await stores().b.claimJob('dies-2', 20_000 + LEASE + 1, LEASE);
    assert.equal(await stores().a.claimJob('next', 20_000 + 3 * LEASE, LEASE), undefined);
    const job = await stores().b.getJob(jobId(KIND, id));
    assert.equal(job?.state, 'failed');
    assert.match(job?.error ?? '', /stopped before it finished \(2 of 2 attempts\)/);
  });

  it('keeps blobs by key with size and SHA-256, and erasing a design removes its jobs and files', async () => {
    const [id] = await designs(1);
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const key = `${designBlobPrefix(id)}print.pdf`;
    const info = await stores().a.blobs.put(key, bytes, 'application/pdf');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    assert.deepEqual(info, { key, size: 70_000, sha256, contentType: 'application/pdf' });
    const got = await stores().b.blobs.get(key);
    assert.deepEqual([got?.size, got?.sha256, got?.contentType], [70_000, sha256, 'application/pdf']);
    assert.ok(got?.bytes.equals(Buffer.from(bytes)));
    await stores().b.blobs.put(key, new Uint8Array([1, 2, 3]), 'application/pdf');
    assert.equal((await stores().a.blobs.get(key))?.size, 3, 'a put replaces');
    const other = `other/${uniqueId('k')}`;
    await stores().a.blobs.put(other, new Uint8Array([9]), 'text/plain');
    assert.equal(await stores().a.blobs.delete(other), true);
    assert.equal(await stores().a.blobs.delete(other), false);
    assert.equal(await stores().b.blobs.get(other), undefined);

    await stores().a.enqueueJob(id, KIND, 30_000, 3);
    await stores().b.deleteDesign(id);
    assert.equal(await stores().a.getJob(jobId(KIND, id)), undefined);
    assert.equal(await stores().a.blobs.get(key), undefined);
  });
}
