/**
 * What every `Store` must do, as one suite run against each backend
 * (store-sqlite.spec.ts, store-postgres.spec.ts). Races are run for real:
 * the same call many times at once, through two store objects on the same
 * database, as two server instances would make them.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CampaignInput } from '../../src/protocol/campaign.ts';
import type { NewDesign, NewIdempotentAnswer, Store, StoredCampaign } from '../../server/store/store.ts';
import { jobsContract } from './store-contract-jobs.ts';
import { makePng, metrics, report, submission, uniqueId } from './support.ts';

export interface StoreFactory {
  /** Two stores on one fresh database (two instances' view of it). */
  open(): Promise<{ a: Store; b: Store; close(): Promise<void> }>;
}

const png = makePng(8, 4);

export function design(over: Partial<NewDesign> = {}): NewDesign {
  const sub = submission();
  return {
    id: uniqueId('d'),
    draft: uniqueId('draft'),
    status: 'pending',
    author: 'Ada',
    template: { id: 'roadster', version: '1' },
    createdAt: new Date().toISOString(),
    designJson: JSON.stringify(sub.design),
    consent: sub.consent,
    metrics: metrics(),
    previews: [
      { view: 'side', width: 8, height: 4, png },
      { view: 'top', width: 8, height: 4, png },
    ],
    campaign: null,
    participant: null,
    ...over,
  };
}

const answer = (key: string, body: unknown = { id: key }, createdAt = 1_000): NewIdempotentAnswer => ({ key, hash: `h-${key}`, status: 201, body, createdAt });

const campaignInput = { name: 'Spring' } as unknown as CampaignInput;
const campaign = (id = uniqueId('c')): StoredCampaign => ({
  id,
  input: campaignInput,
  secret: randomBytes(32).toString('base64url'),
  movedTo: null,
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
});

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let a: Store;
    let b: Store;
    let close: () => Promise<void>;
    before(async () => ({ a, b, close } = await factory.open()));
    after(() => close());
    /** Alternates between the two stores, so half of every race comes from the "other instance". */
    const either = (i: number) => (i % 2 === 0 ? a : b);

    it('keeps a design as sent: document text, consent, metrics (or none) and previews', async () => {
      const d = design();
      assert.deepEqual(await a.createDesign(d, answer(uniqueId('k')), 0), { created: true });
      const stored = await b.getDesign(d.id);
      assert.equal(stored?.designJson, d.designJson);
      assert.deepEqual(stored?.consent, d.consent);
      assert.deepEqual(stored?.metrics, d.metrics);
      assert.deepEqual(stored?.previews, [
        { view: 'side', width: 8, height: 4 },
        { view: 'top', width: 8, height: 4 },
      ]);
      assert.deepEqual((await b.getPreview(d.id, 'top'))?.png, png);
      assert.equal(await b.getPreview(d.id, 'front'), undefined);
      const none = design({ metrics: null });
      await a.createDesign(none, answer(uniqueId('k')), 0);
      assert.equal((await b.getDesign(none.id))?.metrics, null);
      assert.equal(await b.getDesign('no-such-id'), undefined);
    });

    it('stores one design when the same Idempotency-Key arrives many times at once, and hands the rest its answer', async () => {
      const key = uniqueId('race');
      const twins = Array.from({ length: 12 }, (_, i) => design({ draft: `race-${key}` , id: `${key}-${i}` }));
      const outcomes = await Promise.all(twins.map((d, i) => either(i).createDesign(d, answer(key, { id: d.id }), 0)));
      const created = outcomes.flatMap((o, i) => (o.created ? [twins[i].id] : []));
      assert.equal(created.length, 1, 'exactly one twin stored');
      for (const o of outcomes) if (!o.created) assert.deepEqual(o.existing.body, { id: created[0] });
      assert.deepEqual((await a.findIdempotent(key, 0))?.body, { id: created[0] });
      const stored = await Promise.all(twins.map((d) => b.getDesign(d.id)));
      assert.equal(stored.filter(Boolean).length, 1);
    });

    it('finds a key only while it is younger than `since`, takes an expired one over, and purges old ones', async () => {
      const key = uniqueId('ttl');
      await a.createDesign(design(), answer(key, { first: true }, 1_000), 0);
      assert.equal((await b.findIdempotent(key, 1_000))?.createdAt, 1_000);
      assert.equal(await b.findIdempotent(key, 1_001), undefined);
      const again = await b.createDesign(design(), answer(key, { second: true }, 5_000), 2_000);
      assert.deepEqual(again, { created: true });
      assert.deepEqual((await a.findIdempotent(key, 0))?.body, { second: true });
      const old = uniqueId('old');
      await a.createDesign(design(), answer(old, {}, 10), 0);
      assert.ok((await b.purgeIdempotent(11)) >= 1);
      assert.equal(await a.findIdempotent(old, 0), undefined);
      assert.ok(await a.findIdempotent(key, 0), 'a younger key stays');
    });

    it('lists current designs by status, newest or most voted first, a page at a time, and counts them', async () => {
      const c = campaign();
      await a.createCampaign(c);
      const ds = [0, 1, 2].map((i) => design({ campaign: c.id, createdAt: `2026-02-0${i + 1}T00:00:00.000Z` }));
      for (const d of ds) await a.createDesign(d, answer(uniqueId('k')), 0);
      for (const d of ds) assert.equal(await b.setStatus(d.id, 'approved'), true);
      assert.equal(await b.setStatus('no-such-id', 'approved'), false);
      for (const voter of ['v1', 'v2']) await a.addVote(ds[0].id, voter, 1);
      const newest = await b.listDesigns({ status: 'approved', sort: 'new', offset: 0, limit: 10, campaign: c.id });
      assert.deepEqual(newest.items.map((s) => s.id), [ds[2].id, ds[1].id, ds[0].id]);
      assert.equal(newest.total, 3);
      const top = await b.listDesigns({ status: 'approved', sort: 'top', offset: 0, limit: 2, campaign: c.id });
      assert.deepEqual(top.items.map((s) => [s.id, s.votes]), [[ds[0].id, 2], [ds[2].id, 0]]);
      assert.equal(top.total, 3);
      const page2 = await b.listDesigns({ status: 'approved', sort: 'new', offset: 2, limit: 2, campaign: c.id });
      assert.deepEqual(page2.items.map((s) => s.id), [ds[0].id]);
      const counts = await a.countByStatus();
      assert.ok(counts.approved >= 3 && Object.keys(counts).sort().join() === 'approved,hidden,pending,rejected');
    });

    it('keeps one current entry per participant, also when two arrive at once on two instances', async () => {
      const c = campaign();
      await a.createCampaign(c);
      const first = design({ campaign: c.id, participant: 'p1', createdAt: '2026-03-01T00:00:00.000Z' });
      await a.createDesign(first, answer(uniqueId('k')), 0);
      const rivals = [0, 1, 2, 3].map((i) => design({ campaign: c.id, participant: 'p1', createdAt: `2026-03-02T00:00:0${i}.000Z` }));
      await Promise.all(rivals.map((d, i) => either(i).createDesign(d, answer(uniqueId('k')), 0)));
      const entry = await b.entryOf(c.id, 'p1');
      assert.equal(entry.versions, 5);
      assert.ok(entry.current && rivals.some((d) => d.id === entry.current!.id));
      const listed = await a.listDesigns({ status: 'pending', sort: 'new', offset: 0, limit: 10, campaign: c.id });
      assert.deepEqual(listed.items.map((s) => s.id), [entry.current!.id], 'one current entry listed');
      const replaced = await Promise.all([first, ...rivals].map((d) => a.getDesign(d.id)));
      assert.equal(replaced.filter((d) => d!.replacedBy === null).length, 1);
      assert.deepEqual(await a.entryOf(c.id, 'nobody'), { current: undefined, versions: 0 });
    });

    it('counts one vote per voter, at once on two instances too, and caps a network', async () => {
      const d = design();
      await a.createDesign(d, answer(uniqueId('k')), 0);
      const same = await Promise.all(Array.from({ length: 10 }, (_, i) => either(i).addVote(d.id, 'voter-1', i)));
      assert.equal(same.filter((o) => o?.counted).length, 1);
      assert.ok(same.every((o) => o!.counted || o!.reason === 'already-voted'));
      const capped = await Promise.all(Array.from({ length: 10 }, (_, i) => either(i).addVote(d.id, `net-voter-${i}`, i, { hash: 'net-1', cap: 3 })));
      assert.equal(capped.filter((o) => o?.counted).length, 3);
      assert.ok(capped.every((o) => o!.counted || o!.reason === 'ip-cap'));
      assert.equal((await b.getDesign(d.id))?.votes, 4);
      assert.equal(await a.addVote('no-such-id', 'voter-1', 1), undefined);
    });

    it('makes one salt a day for every instance, and forgets the day before with its hashes', async () => {
      const salts = await Promise.all(Array.from({ length: 8 }, (_, i) => either(i).voteSalt('2030-01-01')));
      assert.equal(salts[0].length, 32);
      assert.ok(salts.every((s) => s.equals(salts[0])), 'one salt for all');
      const d = design();
      await a.createDesign(d, answer(uniqueId('k')), 0);
      await a.addVote(d.id, 'salted', 1, { hash: 'h-of-day-1', cap: 1 });
      const next = await b.voteSalt('2030-01-02');
      assert.ok(!next.equals(salts[0]));
      // The old day's hash is gone: the cap no longer sees that vote.
      assert.equal((await a.addVote(d.id, 'salted-2', 2, { hash: 'h-of-day-1', cap: 1 }))?.counted, true);
      assert.ok((await a.voteSalt('2030-01-02')).equals(next));
    });

    it("keeps each session's newest report once, at once on two instances too, and the draft's longest total", async () => {
      const r = report({ seq: 2 });
      const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => either(i).recordReport(r, i)));
      assert.deepEqual(outcomes.filter((o) => o === 'accepted').length, 1);
      assert.equal(await a.recordReport({ ...r, seq: 1 }, 9), 'duplicate');
      const longer = { ...r, session: uniqueId('session'), total: metrics({ wallMs: 999_000 }), submitted: true };
      assert.equal(await b.recordReport(longer, 10), 'accepted');
      assert.equal(await a.recordReport({ ...r, seq: 3, total: metrics({ wallMs: 1 }) }, 11), 'accepted');
      const figures = (await a.draftFigures()).find((f) => f.draft === r.draft);
      assert.deepEqual([figures?.total.wallMs, figures?.submitted], [999_000, true]);
      assert.deepEqual((await b.sessionReports(r.draft)).map((x) => [x.session, x.seq]), [[longer.session, 2], [r.session, 3]]);
      const counts = await a.reportCounts();
      assert.ok(counts.accepted >= 3 && counts.sessions >= 2);
    });

    it('erases a design with its previews and votes, and a draft with its time on task', async () => {
      const draft = uniqueId('erase');
      const [one, two] = [design({ draft, createdAt: '2026-04-01T00:00:00.000Z' }), design({ draft, createdAt: '2026-04-02T00:00:00.000Z' })];
      for (const d of [one, two]) await a.createDesign(d, answer(uniqueId('k')), 0);
      await a.addVote(one.id, 'v', 1);
      await b.recordReport(report({ draft }), 1);
      assert.deepEqual(await b.deleteDesign(one.id), { draft, designs: [one.id], sessions: 0 });
      assert.equal(await a.getPreview(one.id, 'side'), undefined);
      assert.equal(await a.deleteDesign(one.id), undefined);
      const accepted = (await a.reportCounts()).accepted;
      assert.deepEqual(await a.deleteDraft(draft), { draft, designs: [two.id], sessions: 1 });
      assert.equal((await b.reportCounts()).accepted, accepted, 'reports accepted before stay counted');
      assert.equal((await b.draftFigures()).some((f) => f.draft === draft), false);
      assert.equal(await b.deleteDraft(draft), undefined);
    });

    it('moves a campaign on by compare-and-set: of many moves at once, one wins', async () => {
      const c = campaign();
      await a.createCampaign(c);
      assert.deepEqual((await b.getCampaign(c.id))?.input, campaignInput);
      const moves = await Promise.all(Array.from({ length: 8 }, (_, i) => either(i).moveCampaign(c.id, null, 'voting', `2026-05-0${i + 1}`)));
      assert.equal(moves.filter(Boolean).length, 1);
      assert.equal((await a.getCampaign(c.id))?.movedTo, 'voting');
      assert.equal(await b.moveCampaign(c.id, 'voting', 'judging', 'later'), true);
      assert.equal(await b.moveCampaign('no-such-id', null, 'voting', 'later'), false);
      const updated = await a.updateCampaign(c.id, { name: 'Summer' } as unknown as CampaignInput, 'now');
      assert.deepEqual([updated?.input, updated?.updatedAt, updated?.movedTo], [{ name: 'Summer' }, 'now', 'judging']);
      assert.equal(await a.updateCampaign('no-such-id', campaignInput, 'now'), undefined);
      assert.ok((await b.listCampaigns()).some((x) => x.id === c.id));
      assert.deepEqual(await a.winnersOf(c.id), []);
      assert.equal(await a.setWinners(c.id, ['x', 'y'], 'now'), true);
      assert.deepEqual(await b.winnersOf(c.id), ['x', 'y']);
      assert.equal(await a.setWinners('no-such-id', ['x'], 'now'), false);
    });

    it("keeps jurors by key hash, their own scores (the latest), and revocation", async () => {
      const c = campaign();
      await a.createCampaign(c);
      const juror = { id: uniqueId('j'), campaign: c.id, name: 'Jo', keyHash: uniqueId('hash'), createdAt: '2026-06-01', revokedAt: null };
      await a.addJuror(juror);
      assert.deepEqual(await b.jurorByKey(juror.keyHash), juror);
      assert.equal(await b.jurorByKey('unknown'), undefined);
      await a.setScores(juror.id, 'design-1', [{ criterion: 'fit', score: 3 }], 't1');
      await b.setScores(juror.id, 'design-1', [{ criterion: 'fit', score: 5 }], 't2');
      assert.deepEqual(await a.scoresOf(c.id), [{ juror: juror.id, design: 'design-1', scores: [{ criterion: 'fit', score: 5 }], updatedAt: 't2' }]);
      assert.deepEqual((await b.listJurors(c.id)).map((j) => [j.id, j.scored]), [[juror.id, 1]]);
      assert.equal(await a.revokeJuror(c.id, juror.id, 'r1'), true);
      assert.equal(await b.revokeJuror(c.id, juror.id, 'r2'), true);
      assert.equal((await a.jurorByKey(juror.keyHash))?.revokedAt, 'r1', 'the first revocation time stays');
      assert.equal(await a.revokeJuror('other', juror.id, 'r3'), false);
    });

    jobsContract(() => ({ a, b }), design, (key) => answer(key));
  });
}
