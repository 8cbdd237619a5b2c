import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, json, metrics, report, startServer, submission, uniqueId, type TestServer } from './support.ts';

const beacon = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(body) });

describe('privacy on the reference backend', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const submit = async (over: Parameters<typeof submission>[0] = {}) => {
    const res = await server.call('/designs', json(submission(over), { 'idempotency-key': uniqueId('key-') }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };

  it('takes a submission without metrics (time on task switched off) and shows none for it', async () => {
    const { metrics: _, ...bare } = submission();
    const res = await server.call('/designs', json(bare, { 'idempotency-key': uniqueId('key-') }));
    assert.equal(res.status, 201);
    const detail = await server.call(`/designs/${res.body.id}`, admin());
    assert.equal(detail.status, 200);
    assert.equal(detail.body.consent.termsVersion, '2026-01');
    assert.equal('metrics' in detail.body, false);
    // Absent is the one way to say "none": an explicit null is a mistake worth a clear answer.
    const nulled = await server.call('/designs', json({ ...bare, metrics: null }, { 'idempotency-key': uniqueId('key-') }));
    assert.equal(nulled.status, 400);
    assert.match(nulled.body.message, /^metrics: /);
  });

  it('counts a design sent without metrics in no figures, but as the submission of a draft that reported', async () => {
    const fresh = await startServer();
    try {
      const measured = report({ total: metrics({ strokes: 3 }) });
      assert.equal((await fresh.call('/metrics', beacon(measured))).status, 204);
      for (const draft of [measured.draft, uniqueId('draft')]) {
        const { metrics: _, ...bare } = submission({ draft });
        assert.equal((await fresh.call('/designs', json(bare, { 'idempotency-key': uniqueId('key-') }))).status, 201);
      }
      const stats = (await fresh.call('/stats', admin())).body;
      assert.deepEqual(stats.funnel, { opened: 1, drew: 1, submitted: 1 });
      assert.equal(stats.engaged.drafts, 1);
      assert.equal(stats.designs.pending, 2);
    } finally {
      await fresh.close();
    }
  });
});
