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
    assert.deepEqual(again.body, { votes: 1, counted: false, reason: 'already-voted' });
    assert.equal(again.headers.get('set-cookie'), null);

    const otherVoter = await server.call(`/designs/${ids[1]}/votes`, { method: 'POST' });
    assert.deepEqual(otherVoter.body, { votes: 2, counted: true });
    assert.equal((await server.call(`/designs/${ids[3]}/votes`, { method: 'POST', headers: { cookie } })).status, 404);

    const top = await server.call('/designs?sort=top');
    assert.equal(top.body.items[0].id, ids[1]);
    assert.equal(top.body.items[0].votes, 2);
  });
});

describe('per-network vote cap (VOTE_IP_CAP, default 5)', () => {
  const DAY = 24 * 3600_000;
  let clock = Date.parse('2026-05-01T10:00:00Z');
  let server: TestServer;
  const ids: string[] = [];
  before(async () => {
    // trustProxy: the tests speak for many clients through X-Forwarded-For, as a proxy in front would.
    server = await startServer({ trustProxy: true, now: () => clock });
    for (let i = 0; i < 2; i++) {
      const res = await server.call('/designs', json(submission(), { 'idempotency-key': `cap-key-${i}-${Date.now()}` }));
      await server.call(`/designs/${res.body.id}/approve`, admin({ method: 'POST' }));
      ids.push(res.body.id);
    }
  });
  after(() => server.close());

  /** A vote from a fresh browser (no cookie: cleared, or a private window) at `ip`. */
  const vote = (id: string, ip: string) => server.call(`/designs/${id}/votes`, { method: 'POST', headers: { 'x-forwarded-for': ip } });

  it('counts at most 5 voters from one address per design per day, and says why the sixth did not count', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await vote(ids[0], '203.0.113.7');
      assert.equal(res.status, 201);
      assert.deepEqual(res.body, { votes: i, counted: true });
    }
    const sixth = await vote(ids[0], '203.0.113.7');
    assert.equal(sixth.status, 200);
    assert.deepEqual(sixth.body, { votes: 5, counted: false, reason: 'ip-cap' });
    // The cap is per design and per address.
    assert.equal((await vote(ids[1], '203.0.113.7')).status, 201);
    assert.deepEqual((await vote(ids[0], '198.51.100.2')).body, { votes: 6, counted: true });
    // A voter who had voted is told so, not blamed on the cap.
    const first = await vote(ids[1], '198.51.100.3');
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    const again = await server.call(`/designs/${ids[1]}/votes`, { method: 'POST', headers: { 'x-forwarded-for': '198.51.100.3', cookie } });
    assert.deepEqual(again.body, { votes: 2, counted: false, reason: 'already-voted' });
  });

  it('treats an IPv6 /64 as one network, and an IPv4-mapped address as IPv4', async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await vote(ids[1], `2001:db8:1:2::${i.toString(16)}`)).status, 201);
    assert.deepEqual((await vote(ids[1], '2001:db8:1:2:ffff:ee:dd:cc')).body.reason, 'ip-cap');
    assert.equal((await vote(ids[1], '2001:db8:1:3::1')).status, 201);
    // 203.0.113.7 voted once for ids[1] above: four more, then the cap, however the address is written.
    for (let i = 0; i < 4; i++) assert.equal((await vote(ids[1], '::ffff:203.0.113.7')).status, 201);
    assert.equal((await vote(ids[1], '203.0.113.7')).body.reason, 'ip-cap');
  });

  it('starts afresh the next day, and keeps no address in clear nor any earlier day\'s salt or hashes', async () => {
    assert.equal((await vote(ids[0], '203.0.113.7')).body.reason, 'ip-cap');
    clock += DAY;
    const nextDay = await vote(ids[0], '203.0.113.7');
    assert.equal(nextDay.status, 201);

    for (const name of await server.tables()) {
      const dump = JSON.stringify(await server.rows(`SELECT * FROM "${name}"`), (_key, value) => (typeof value === 'bigint' ? String(value) : value));
      for (const address of ['203.0.113.7', '198.51.100', '2001:db8']) assert.ok(!dump.includes(address), `${address} in ${name}`);
    }
    assert.deepEqual(await server.rows('SELECT day FROM vote_salts'), [{ day: '2026-05-02' }]);
    const [hashed] = await server.rows('SELECT count(*) AS n FROM votes WHERE network IS NOT NULL');
    assert.equal(Number(hashed.n), 1, "only today's vote keeps a hash");
  });
});

describe('VOTE_IP_CAP=0', () => {
  it('turns the per-network cap off', async () => {
    const saved = process.env.VOTE_IP_CAP;
    process.env.VOTE_IP_CAP = '0';
    const server = await startServer();
    try {
      const res = await server.call('/designs', json(submission(), { 'idempotency-key': `cap-off-${Date.now()}` }));
      await server.call(`/designs/${res.body.id}/approve`, admin({ method: 'POST' }));
      for (let i = 1; i <= 8; i++) assert.deepEqual((await server.call(`/designs/${res.body.id}/votes`, { method: 'POST' })).body, { votes: i, counted: true });
    } finally {
      if (saved === undefined) delete process.env.VOTE_IP_CAP;
      else process.env.VOTE_IP_CAP = saved;
      await server.close();
    }
  });
});
