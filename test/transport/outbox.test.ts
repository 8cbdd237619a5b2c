/**
 * The outbox against the real reference backend on loopback, failing on
 * cue: exactly one stored submission through 5xx, 429, a lost reply, a
 * loss of network and a reload, two tabs; no retry on a final 400; a
 * tampered record never sent.
 */
import { expect } from '@open-wc/testing';
import { get, promisifyRequest, set } from 'idb-keyval';
import { openDraftsStore } from '../../src/drafts/store.ts';
import { postSubmission } from '../../src/transport/http.ts';
import { Outbox, type OutboxOptions } from '../../src/transport/outbox.ts';
import type { OutboxEvent } from '../../src/transport/outbox-events.ts';
import { OUTBOX_FORMAT, type OutboxRecord } from '../../src/transport/outbox-record.ts';
import { readSetAside } from '../../src/transport/outbox-store.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio } from '../support/studio.ts';
import { nextEvent, waitFor } from '../support/wait.ts';
import { clearOutbox, fixtureSubmission, openOutboxTab, setApiOffline, studioSubmission } from './support.ts';

const FAST: OutboxOptions = { backoff: { baseMs: 100, capMs: 1000 }, random: () => 0.5 };

function log(outbox: Outbox): OutboxEvent[] {
  const events: OutboxEvent[] = [];
  for (const type of ['queued', 'sending', 'sent', 'failed', 'retrying', 'set-aside'] as const) outbox.addEventListener(type, (e) => events.push(e));
  return events;
}

/** The types in order, each run of progress events shown once. */
const types = (events: OutboxEvent[]) => events.map((e) => e.type).filter((t, i, all) => t !== 'sending' || all[i - 1] !== 'sending');

describe('outbox against the reference backend', () => {
  let api: ApiServer | undefined;
  const outboxes: Outbox[] = [];
  const open = async (options: OutboxOptions = FAST) => {
    const outbox = await Outbox.open(options);
    outboxes.push(outbox);
    return outbox;
  };
  beforeEach(() => clearOutbox());
  afterEach(async () => {
    for (const o of outboxes.splice(0)) o.close();
    if (api) await setApiOffline(api.endpoint, false);
    await api?.stop();
    api = undefined;
  });

  it('retries 503, 503 and 429 (Retry-After: 1) and stores a painted design exactly once', async () => {
    const studio = await mountStudio();
    const [x, y] = geometry(studio.editor.manifest!.views[0]).centre(60);
    await studio.tool('pencil');
    await studio.drag([[x - 80, y - 20], [x, y + 10], [x + 80, y - 10]], { steps: 6 });
    const submission = await studioSubmission(studio);
    studio.remove();
    expect(submission.design.views.some((v) => v.layers.length > 0)).to.equal(true);

    api = await startApiServer({ faults: { designs: [503, 503, { status: 429, retryAfter: 1 }, 'ok', 'ok'] } });
    const outbox = await open();
    const events = log(outbox);
    const { id, key } = await outbox.enqueue(submission, api.endpoint);

    // Written with its key before any attempt: a reload from here on resends with the same key.
    const stored = (await get(['outbox', id], openDraftsStore())) as OutboxRecord;
    expect([stored.key, stored.state, stored.attempts]).to.deep.equal([key, 'queued', 0]);
    expect((await api.state()).faults.applied).to.have.length(0);

    const done = (await outbox.deliver(id))!;
    expect([done.state, done.attempts, done.replayed]).to.deep.equal(['sent', 4, false]);
    expect(done.body).to.equal(undefined);

    const state = await api.state();
    expect(state.designs.map((d) => [d.id, d.draft])).to.deep.equal([[done.receipt!.id, 'draftStudio']]);
    expect(state.faults.pending.designs).to.deep.equal(['ok']);
    const at = state.faults.applied.map((a) => a.at);
    expect(at).to.have.length(4);
    // Backoff of 150, 300, 600 ms (random 0.5): the second between attempts and the 429's Retry-After beat it.
    for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).to.be.at.least(1000);
    expect(types(events)).to.deep.equal(['queued', 'sending', 'retrying', 'sending', 'retrying', 'sending', 'retrying', 'sending', 'sent']);
    const retries = events.filter((e) => e.type === 'retrying');
    expect(retries.map((e) => e.error?.code)).to.deep.equal(['fault', 'fault', 'fault']);
    expect(retries.map((e) => (e.error as { status: number }).status)).to.deep.equal([503, 503, 429]);
    expect(events.at(-1)!.receipt).to.deep.equal(done.receipt);
  });

  it('gets the replayed answer when the server commits and the reply is lost: one design', async () => {
    api = await startApiServer({ faults: { designs: ['commit-then-drop-connection'] } });
    const outbox = await open();
    const events = log(outbox);
    const { id } = await outbox.enqueue(fixtureSubmission(), api.endpoint);
    const done = (await outbox.deliver(id))!;
    expect([done.state, done.attempts, done.replayed]).to.deep.equal(['sent', 2, true]);
    const lost = events.find((e) => e.type === 'retrying')!;
    expect([lost.error?.code, (lost.error as { status: number }).status]).to.deep.equal(['network-error', 0]);
    const { designs } = await api.state();
    expect(designs.map((d) => d.id)).to.deep.equal([done.receipt!.id]);
  });

  it('queues while offline, survives a reload, and delivers once when back online', async () => {
    api = await startApiServer({ faults: { designs: ['ok', 'ok', 'ok'] } });
    await setApiOffline(api.endpoint, true);
    expect(navigator.onLine).to.equal(false);
    // Offline for real: the request fails in the network stack, the server never sees it.
    const probe = await postSubmission(api.endpoint, fixtureSubmission('probe'), { key: 'probe-key-1' });
    expect([probe.outcome, probe.status]).to.deep.equal(['retry', 0]);

    const first = await open();
    void first.start();
    const { id, key } = await first.enqueue(fixtureSubmission(), api.endpoint);
    const waiting = nextEvent<OutboxEvent>(first, 'retrying');
    const firstRun = first.deliver(id);
    expect((await waiting).reason).to.equal('offline');
    first.close(); // the page goes away
    expect((await firstRun)!.state).to.equal('queued');

    // The reload: a new outbox over the same store, flushing at start-up, still offline.
    const second = await open();
    const sent = nextEvent<OutboxEvent>(second, 'sent');
    const secondEvents = log(second);
    void second.start();
    await waitFor(() => secondEvents.length > 0, 'the reloaded outbox trying at start-up');
    expect(secondEvents.map((e) => [e.type, e.reason])).to.deep.equal([['retrying', 'offline']]);

    const back = nextEvent(window, 'online');
    await setApiOffline(api.endpoint, false);
    await back;
    const event = await sent;
    expect(event.id).to.equal(id);
    expect(event.replayed).to.equal(false);
    const state = await api.state();
    expect(state.designs).to.have.length(1);
    expect(state.faults.applied).to.have.length(1);
    const stored = (await get(['outbox', id], openDraftsStore())) as OutboxRecord;
    expect([stored.state, stored.key, stored.receipt?.id]).to.deep.equal(['sent', key, state.designs[0].id]);
  });

  it('takes a 400 as final: no retry, the server\'s message kept, the body kept', async () => {
    api = await startApiServer({ faults: { designs: ['ok', 'ok'] } });
    const outbox = await open();
    const events = log(outbox);
    // Valid base64, not a PNG: only the server's PNG check refuses it.
    const { id } = await outbox.enqueue(fixtureSubmission('draftA', 'AAAAAAAAAAAAAAAA'), api.endpoint);
    const done = (await outbox.deliver(id))!;
    expect([done.state, done.attempts]).to.deep.equal(['failed', 1]);
    expect(done.lastError).to.deep.include({ code: 'preview-invalid', status: 400 });
    expect(done.lastError!.message).to.match(/^previews\[0\]\.png: /);
    expect(types(events)).to.deep.equal(['queued', 'sending', 'failed']);
    expect(events.at(-1)!.error).to.deep.equal(done.lastError);

    const stored = (await get(['outbox', id], openDraftsStore())) as OutboxRecord;
    expect(JSON.parse(stored.body!)).to.deep.equal(fixtureSubmission('draftA', 'AAAAAAAAAAAAAAAA'));
    // A later flush leaves a failed record alone.
    await outbox.flush();
    const state = await api.state();
    expect([state.designs.length, state.faults.applied.length]).to.deep.equal([0, 1]);
    expect((await outbox.list()).map((r) => [r.id, r.state])).to.deep.equal([[id, 'failed']]);
  });

  it('sets a hostile or corrupted record aside and never sends it', async () => {
    api = await startApiServer({ faults: { designs: ['ok'] } });
    const store = openDraftsStore();
    const good = { format: OUTBOX_FORMAT, version: 1, key: 'k'.repeat(32), endpoint: api.endpoint, draft: 'draftA', state: 'queued', createdAt: 1, attempts: 0, notBefore: 0 };
    const hostileDesign = { ...fixtureSubmission(), design: { ...fixtureSubmission().design, views: [{ view: 'side', layers: [{ type: 'iframe', src: 'https://evil.example/' }] }] } };
    await set(['outbox', 'evil1'], { ...good, id: 'evil1', body: JSON.stringify(hostileDesign) }, store);
    await set(['outbox', 'evil2'], { ...good, id: 'evil2', endpoint: 'javascript:alert(1)', body: JSON.stringify(fixtureSubmission()) }, store);
    await set(['outbox', 'evil3'], 'not a record', store);
    await set(['outbox', 'evil4'], { ...good, id: 'other', body: JSON.stringify(fixtureSubmission()) }, store);
    await set(['outbox', 'evil5'], { ...good, id: 'evil5', body: JSON.stringify(fixtureSubmission()).replace('{', '{"__proto__":{"polluted":true},') }, store);

    const outbox = await open();
    const events = log(outbox);
    await outbox.flush();
    expect(events.filter((e) => e.type === 'set-aside').map((e) => e.id).sort()).to.deep.equal(['evil1', 'evil2', 'evil3', 'evil4', 'evil5']);
    expect(events.some((e) => e.type === 'sending')).to.equal(false);
    const state = await api.state();
    expect([state.designs.length, state.faults.applied.length]).to.deep.equal([0, 0]);
    const aside = await readSetAside(store);
    expect(aside).to.have.length(5);
    expect(aside.find((a) => (a.key as string[])[1] === 'evil1')!.value.reason).to.match(/^body\.design: /);
    expect(aside.find((a) => (a.key as string[])[1] === 'evil3')!.value.value).to.equal('not a record');
    const keys = await store('readonly', (s) => promisifyRequest(s.getAllKeys(IDBKeyRange.bound(['outbox'], ['outbox', []]))));
    expect(keys).to.have.length(0);
  });

  it('delivers once when two tabs flush at the same moment', async () => {
    api = await startApiServer({ faults: { designs: [{ delayMs: 800 }, 'ok', 'ok'] } });
    const outbox = await open();
    const { id } = await outbox.enqueue(fixtureSubmission(), api.endpoint);
    const tab = await openOutboxTab();
    try {
      const [here, there] = await Promise.all([
        outbox.flush(),
        tab.eval<string[]>('outbox.flush().then((records) => records.map((r) => r.state))'),
      ]);
      // One of them sent it; the other found it held and left it.
      expect([...here.map((r) => r.state), ...there].sort()).to.deep.equal(['queued', 'sent']);
      await outbox.flush();
      await tab.eval('outbox.flush().then(() => true)');
      const state = await api.state();
      expect([state.designs.length, state.faults.applied.length]).to.deep.equal([1, 1]);
      expect(((await get(['outbox', id], openDraftsStore())) as OutboxRecord).state).to.equal('sent');
    } finally {
      await tab.close();
    }
  });

  it('delivers once from two outboxes without Web Locks (the IndexedDB lease)', async () => {
    api = await startApiServer({ faults: { designs: [{ delayMs: 500 }, 'ok', 'ok'] } });
    const a = await open({ ...FAST, locks: null });
    const b = await open({ ...FAST, locks: null });
    const { id } = await a.enqueue(fixtureSubmission(), api.endpoint);
    const results = await Promise.all([a.deliver(id), b.deliver(id)]);
    expect(results.map((r) => r!.state).sort()).to.deep.equal(['queued', 'sent']);
    const state = await api.state();
    expect([state.designs.length, state.faults.applied.length]).to.deep.equal([1, 1]);
    const stored = (await get(['outbox', id], openDraftsStore())) as OutboxRecord;
    expect([stored.state, stored.lease]).to.deep.equal(['sent', undefined]);
  });

  it('falls back to an in-memory outbox with the same API when IndexedDB is unavailable', async () => {
    api = await startApiServer();
    const broken = () => Promise.reject(new DOMException('denied', 'UnknownError'));
    const outbox = await open({ ...FAST, store: broken });
    expect(outbox.persistent).to.equal(false);
    const { id, persistent } = await outbox.enqueue(fixtureSubmission(), api.endpoint);
    expect(persistent).to.equal(false);
    expect((await outbox.deliver(id))!.state).to.equal('sent');
    expect((await api.state()).designs).to.have.length(1);
  });
});
