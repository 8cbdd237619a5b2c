import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, json, metrics, report, startServer, submission, uniqueId, type TestServer } from './support.ts';

const beacon = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(body) });
const del = (init: RequestInit = {}): RequestInit => ({ ...init, method: 'DELETE' });

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

  it('erases one design with its previews and votes, with the admin token only', async () => {
    const draft = uniqueId('draft');
    const id = await submit({ draft });
    const kept = await submit({ draft });
    assert.equal((await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }))).status, 200);
    assert.equal((await server.call(`/designs/${id}/votes`, { method: 'POST' })).status, 201);
    assert.equal((await server.call('/metrics', beacon(report({ draft })))).status, 204);

    const refused = await server.call(`/designs/${id}`, del());
    assert.equal(refused.status, 401);
    assert.equal((await server.call(`/designs/${id}`)).status, 200, 'still there after a refused erasure');

    const erased = await server.call(`/designs/${id}`, admin(del()));
    assert.equal(erased.status, 200);
    assert.deepEqual(erased.body, { draft, designs: [id], sessions: 0 });
    assert.equal((await server.call(`/designs/${id}`, admin())).status, 404);
    assert.equal((await server.call(`/designs/${id}/preview/side.png`, admin())).status, 404);
    assert.equal((await server.call(`/designs/${id}/votes`, { method: 'POST' })).status, 404);
    assert.equal((await server.call(`/designs/${id}`, admin(del()))).status, 404, 'a second erasure finds nothing');
    // The other design of the draft, and the draft's figures, are not this route's to remove.
    assert.equal((await server.call(`/designs/${kept}`, admin())).status, 200);
    assert.equal((await server.call(`/drafts/${draft}`, admin(del()))).body.sessions, 1);
  });

  it('erases everything kept under a draft id: its designs, session reports and total', async () => {
    const fresh = await startServer();
    try {
      const draft = uniqueId('draft');
      const other = report({ total: metrics({ strokes: 1 }) });
      const body = JSON.stringify(submission({ draft }));
      const key = uniqueId('key-');
      const first = await fresh.call('/designs', json(body, { 'idempotency-key': key }));
      const second = await fresh.call('/designs', json(submission({ draft }), { 'idempotency-key': uniqueId('key-') }));
      const session = report({ draft });
      for (const r of [session, { ...session, seq: 2 }, report({ draft }), other]) {
        assert.equal((await fresh.call('/metrics', beacon(r))).status, 204);
      }
      const before = (await fresh.call('/stats', admin())).body;
      assert.equal(before.funnel.opened, 2);

      assert.equal((await fresh.call(`/drafts/${draft}`, del())).status, 401);
      const erased = await fresh.call(`/drafts/${draft}`, admin(del()));
      assert.equal(erased.status, 200);
      assert.deepEqual({ ...erased.body, designs: [...erased.body.designs].sort() }, { draft, designs: [first.body.id, second.body.id].sort(), sessions: 2 });
      for (const id of [first.body.id, second.body.id]) assert.equal((await fresh.call(`/designs/${id}`, admin())).status, 404);
      const after = (await fresh.call('/stats', admin())).body;
      assert.deepEqual(after.funnel, { opened: 1, drew: 1, submitted: 0 });
      assert.equal(after.designs.pending, 0);
      assert.equal(after.reports.sessions, 1);
      assert.equal((await fresh.call(`/drafts/${draft}`, admin(del()))).status, 404);

      // A late retry of an erased submission gets its old receipt and stores nothing again.
      const retry = await fresh.call('/designs', json(body, { 'idempotency-key': key }));
      assert.deepEqual([retry.status, retry.body.id, retry.headers.get('idempotent-replayed')], [201, first.body.id, 'true']);
      assert.equal((await fresh.call(`/designs/${first.body.id}`, admin())).status, 404);
    } finally {
      await fresh.close();
    }
  });
});
