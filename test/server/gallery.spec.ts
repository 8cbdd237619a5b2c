import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, json, startServer, submission, type TestServer } from './support.ts';

describe('gallery, moderation and votes', () => {
  let server: TestServer;
  const ids: string[] = [];
  before(async () => {
    server = await startServer();
    for (let i = 0; i < 5; i++) {
      const res = await server.call('/designs', json(submission({ author: { name: `Painter ${i}` } }), { 'idempotency-key': `gallery-key-${i}` }));
      assert.equal(res.status, 201);
      ids.push(res.body.id);
    }
  });
  after(() => server.close());

  it('refuses moderation without the admin token, or with a wrong one', async () => {
    const none = await server.call(`/designs/${ids[0]}/approve`, { method: 'POST' });
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    const wrong = await server.call(`/designs/${ids[0]}/approve`, { method: 'POST', headers: { authorization: 'Bearer not-the-token' } });
    assert.equal(wrong.status, 401);
    assert.equal((await server.call('/stats')).status, 401);
    assert.equal((await server.call('/designs?status=pending')).status, 401);
  });

  it('lists only approved designs, paginated', async () => {
    assert.equal((await server.call('/designs')).body.total, 0);
    for (const id of ids.slice(0, 3)) {
      const res = await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }));
      assert.deepEqual(res.body, { id, status: 'approved' });
    }
    assert.equal((await server.call(`/designs/${ids[3]}/reject`, admin({ method: 'POST' }))).body.status, 'rejected');
    assert.equal((await server.call(`/designs/${ids[4]}/hide`, admin({ method: 'POST' }))).body.status, 'hidden');

    const first = await server.call('/designs?perPage=2');
    assert.equal(first.body.total, 3);
    assert.equal(first.body.items.length, 2);
    const second = await server.call('/designs?perPage=2&page=2');
    assert.equal(second.body.items.length, 1);
    const listed = [...first.body.items, ...second.body.items].map((d: { id: string }) => d.id).sort();
    assert.deepEqual(listed, ids.slice(0, 3).sort());
    assert.ok(first.body.items.every((d: { status: string }) => d.status === 'approved'));
    assert.equal((await server.call('/designs?perPage=500')).status, 400);
  });

  it('shows an unapproved design, its consent and its previews only with the token', async () => {
    assert.equal((await server.call(`/designs/${ids[3]}`)).status, 404);
    assert.equal((await server.call(`/designs/${ids[3]}/preview/side.png`)).status, 404);
    const detail = await server.call(`/designs/${ids[3]}`, admin());
    assert.equal(detail.status, 200);
    assert.ok(detail.body.consent && detail.body.metrics);
    const pub = await server.call(`/designs/${ids[0]}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.consent, undefined);
    assert.equal(pub.body.design.format, 'co-design-document');
    assert.equal((await server.call('/designs/nope')).status, 404);
  });

  it('serves previews as inert PNGs with nosniff', async () => {
    const res = await server.call(`/designs/${ids[0]}/preview/side.png`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.deepEqual([...(res.body as Buffer).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal((await server.call(`/designs/${ids[0]}/preview/back.png`)).status, 404);
    assert.equal((await server.call(`/designs/${ids[0]}/preview/side.html`)).status, 404);
    // JSON answers are nosniff too.
    assert.equal((await server.call('/designs')).headers.get('x-content-type-options'), 'nosniff');
  });

  it('counts one vote per voter (cookie), and none for designs not in the gallery', async () => {
    const firstVote = await server.call(`/designs/${ids[1]}/votes`, { method: 'POST' });
    assert.equal(firstVote.status, 201);
    assert.deepEqual(firstVote.body, { votes: 1, counted: true });
    const cookie = firstVote.headers.get('set-cookie')!.split(';')[0];
    assert.match(cookie, /^cds_voter=[A-Za-z0-9_-]{22}$/);
    assert.match(firstVote.headers.get('set-cookie')!, /HttpOnly/);

    const again = await server.call(`/designs/${ids[1]}/votes`, { method: 'POST', headers: { cookie } });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { votes: 1, counted: false });
    assert.equal(again.headers.get('set-cookie'), null);

    const otherVoter = await server.call(`/designs/${ids[1]}/votes`, { method: 'POST' });
    assert.deepEqual(otherVoter.body, { votes: 2, counted: true });
    assert.equal((await server.call(`/designs/${ids[3]}/votes`, { method: 'POST', headers: { cookie } })).status, 404);

    const top = await server.call('/designs?sort=top');
    assert.equal(top.body.items[0].id, ids[1]);
    assert.equal(top.body.items[0].votes, 2);
  });
});
