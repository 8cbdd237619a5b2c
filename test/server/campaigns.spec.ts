import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignInput } from '../../src/protocol/campaign.ts';
import { campaignInput, DAY, T0 } from './campaign-fixtures.ts';
import { signParticipant } from '../../server/campaigns/token.ts';
import { admin, json, startServer, submission, uniqueId, type TestServer } from './support.ts';

const input = campaignInput;

describe('campaigns', () => {
  let server: TestServer;
  let clock = T0;
  before(async () => {
    server = await startServer({ now: () => clock });
  });
  after(() => server.close());

  async function create(over: Partial<CampaignInput> = {}) {
    const res = await server.call('/campaigns', admin(json(input(over))));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; secret: string; phase: string };
  }
  const token = (c: { id: string; secret: string }, sub: string, name = sub, exp = T0 / 1000 + 3600) =>
    signParticipant(c.secret, { campaign: c.id, sub, name, exp });
  const enter = (campaign: string, participant?: string, over = {}) =>
    server.call('/designs', json(submission({ campaign, ...(participant ? { participant } : {}), ...over }), { 'idempotency-key': uniqueId('key-') }));
  const advance = (id: string, from: string) => server.call(`/campaigns/${id}/advance`, admin(json({ from })));

  it('is created by the team only, and shows its secret only to the team', async () => {
    assert.equal((await server.call('/campaigns', json(input()))).status, 401);
    const c = await create();
    assert.equal(c.phase, 'entries');
    assert.match(c.secret, /^[A-Za-z0-9_-]{43}$/);
    const open = await server.call(`/campaigns/${c.id}`);
    assert.equal(open.body.secret, undefined);
    assert.equal(open.body.phaseEndsAt, input().schedule.voting);
    assert.equal((await server.call(`/campaigns/${c.id}`, admin())).body.secret, c.secret);
    const list = await server.call('/campaigns');
    assert.ok(list.body.items.some((item: { id: string; secret?: string }) => item.id === c.id && item.secret === undefined));
  });

  it('refuses a schedule out of order, saying which rule', async () => {
    const bad = input();
    bad.schedule = { ...bad.schedule, voting: bad.schedule.results };
    const res = await server.call('/campaigns', admin(json(bad)));
    assert.equal(res.status, 400);
    assert.match(res.body.message, /each phase must start after the one before/);
  });

  it('keeps one entry per participant: a second submission replaces the first, both versions kept', async () => {
    const c = await create();
    const first = await enter(c.id, token(c, 'p-1', 'Ada L.'));
    assert.equal(first.status, 201);
    assert.equal(first.body.campaign, c.id);
    const second = await enter(c.id, token(c, 'p-1', 'Ada L.'));
    assert.equal(second.status, 201);
    assert.equal(second.body.replaced, first.body.id);
    const other = await enter(c.id, token(c, 'p-2'));
    assert.equal(other.status, 201);
    assert.equal(other.body.replaced, undefined);

    const entry = await server.call(`/campaigns/${c.id}/entry`, json({ participant: token(c, 'p-1') }));
    assert.deepEqual({ entered: entry.body.entered, id: entry.body.design.id, versions: entry.body.versions }, { entered: true, id: second.body.id, versions: 2 });
    assert.deepEqual((await server.call(`/campaigns/${c.id}/entry`, json({ participant: token(c, 'p-3') }))).body, { entered: false, versions: 0 });

    const pending = await server.call(`/designs?status=pending&campaign=${c.id}&perPage=100`, admin());
    assert.deepEqual(pending.body.items.map((d: { id: string }) => d.id).sort(), [second.body.id, other.body.id].sort());
    // The credit is the name the host vouched for, not the one typed in the studio.
    assert.equal(pending.body.items.find((d: { id: string }) => d.id === second.body.id).author, 'Ada L.');
    // The earlier version stays readable for the team.
    assert.equal((await server.call(`/designs/${first.body.id}`, admin())).status, 200);
  });

  it('refuses a forged, expired or other campaign\'s token, and a token without a campaign', async () => {
    const c = await create();
    const other = await create();
    const forged = signParticipant(Buffer.alloc(32, 7).toString('base64url'), { campaign: c.id, sub: 'p-9', name: 'Mallory', exp: T0 / 1000 + 3600 });
    const cases: [string, string, RegExp][] = [
      ['forged', forged, /signature does not match/],
      ['expired', token(c, 'p-9', 'Late', T0 / 1000 - 1), /expired at/],
      ['other campaign', token(other, 'p-9'), /for another campaign/],
      ['garbage', 'not-a-token', /is not a "cdsp1/],
    ];
    for (const [what, participant, message] of cases) {
      const res = await enter(c.id, participant);
      assert.equal(res.status, 403, what);
      assert.equal(res.body.code, 'participant-invalid', what);
      assert.match(res.body.message, message, what);
    }
    const stray = await server.call('/designs', json(submission({ participant: token(c, 'p-9') }), { 'idempotency-key': uniqueId('key-') }));
    assert.equal(stray.status, 400);
    assert.equal(stray.body.code, 'participant-without-campaign');
    assert.equal((await server.call(`/designs?status=pending&campaign=${c.id}`, admin())).body.total, 0);
  });

  it('refuses entries for another template, with old terms, or to an unknown campaign', async () => {
    const c = await create({ template: 'sneaker' });
    assert.equal((await enter(c.id)).body.code, 'campaign-template');
    const d = await create();
    const old = await enter(d.id, undefined, { consent: { termsVersion: '2025-07', licence: 'old', acceptedAt: '2026-01-02T03:05:00Z' } });
    assert.deepEqual([old.status, old.body.code], [409, 'terms-outdated']);
    assert.deepEqual([(await enter('no-such-campaign')).status, (await enter('no-such-campaign')).body.code], [422, 'campaign-unknown']);
  });

  it('moves forward by hand one step per click, and refuses entries after close with the reason', async () => {
    const c = await create();
    assert.equal((await enter(c.id, token(c, 'p-1'))).status, 201);
    const moved = await advance(c.id, 'entries');
    assert.equal(moved.body.phase, 'voting');
    assert.equal(moved.body.movedTo, 'voting');
    // A second click on the same "entries" button does not move it again.
    const twice = await advance(c.id, 'entries');
    assert.deepEqual([twice.status, twice.body.code], [409, 'phase-changed']);
    const late = await enter(c.id, token(c, 'p-1'));
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'campaign-closed');
    assert.match(late.body.message, /^entries for "Paint the Roadster" closed at /);
    for (const from of ['voting', 'judging']) assert.equal((await advance(c.id, from)).status, 200);
    assert.deepEqual([(await advance(c.id, 'results')).status, (await advance(c.id, 'results')).body.code], [409, 'campaign-finished']);
  });

  it('follows its schedule by itself', async () => {
    const c = await create();
    clock = T0 + 11 * DAY;
    try {
      assert.equal((await server.call(`/campaigns/${c.id}`)).body.phase, 'voting');
      assert.equal((await enter(c.id)).body.code, 'campaign-closed');
    } finally {
      clock = T0;
    }
    const later = await create({ schedule: { ...input().schedule, entries: new Date(T0 + DAY).toISOString() } });
    assert.equal(later.phase, 'upcoming');
    const early = await enter(later.id);
    assert.deepEqual([early.status, early.body.code], [409, 'campaign-not-open']);
  });

  it('takes votes only in the voting phase, one per participant, and hides counts until results when asked', async () => {
    const c = await create({ hideVotes: true });
    const entry = await enter(c.id, token(c, 'maker'));
    await server.call(`/designs/${entry.body.id}/approve`, admin({ method: 'POST' }));
    const vote = (participant?: string) => server.call(`/designs/${entry.body.id}/votes`, participant ? json({ participant }) : { method: 'POST' });

    const early = await vote();
    assert.deepEqual([early.status, early.body.code], [409, 'voting-closed']);
    assert.match(early.body.message, /opens at/);
    await advance(c.id, 'entries');

    const a = await vote(token(c, 'voter-a'));
    assert.deepEqual([a.status, a.body], [201, { votes: null, counted: true }]);
    const again = await vote(token(c, 'voter-a'));
    assert.deepEqual([again.status, again.body], [200, { votes: null, counted: false, reason: 'already-voted' }]);
    assert.equal((await vote(token(c, 'voter-b'))).status, 201);
    const forged = await vote(signParticipant(Buffer.alloc(32).toString('base64url'), { campaign: c.id, sub: 'x', name: 'x', exp: T0 / 1000 + 60 }));
    assert.equal(forged.status, 403);

    const listed = await server.call(`/designs?campaign=${c.id}&sort=top`);
    assert.equal(listed.body.items[0].votes, null);
    assert.equal((await server.call(`/designs?campaign=${c.id}`, admin())).body.items[0].votes, 2);

    await advance(c.id, 'voting');
    const closed = await vote(token(c, 'voter-c'));
    assert.deepEqual([closed.status, closed.body.code], [409, 'voting-closed']);
    await advance(c.id, 'judging');
    assert.equal((await server.call(`/designs/${entry.body.id}`)).body.votes, 2);
  });

  it('lists a campaign\'s entries apart from others in the gallery', async () => {
    const c = await create();
    const inside = await enter(c.id);
    const outside = await server.call('/designs', json(submission(), { 'idempotency-key': uniqueId('key-') }));
    for (const id of [inside.body.id, outside.body.id]) await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }));
    const page = await server.call(`/designs?campaign=${c.id}`);
    assert.deepEqual(page.body.items.map((d: { id: string }) => d.id), [inside.body.id]);
    assert.equal(page.body.items[0].campaign, c.id);
  });
});
