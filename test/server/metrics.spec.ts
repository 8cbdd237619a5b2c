import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, json, metrics, report, startServer, submission, type TestServer } from './support.ts';

const beacon = (body: unknown): RequestInit => ({
  method: 'POST',
  // What navigator.sendBeacon sends for a string.
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('POST /metrics and GET /stats', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const stats = async () => (await server.call('/stats', admin())).body;

  it('takes text/plain beacons (and application/json) with 204', async () => {
    assert.equal((await server.call('/metrics', beacon(report()))).status, 204);
    assert.equal((await server.call('/metrics', json(report()))).status, 204);
    assert.equal((await stats()).reports.accepted, 2);
  });

  it('is idempotent by (session, seq) and keeps the newest report', async () => {
    const before = await stats();
    const first = report({ seq: 1, total: metrics({ engagedMs: 1000, wallMs: 2000, visibleMs: 1500 }) });
    const newer = { ...first, seq: 2, total: metrics({ engagedMs: 5000, wallMs: 8000, visibleMs: 6000 }) };
    for (const body of [first, first, newer, first, newer]) assert.equal((await server.call('/metrics', beacon(body))).status, 204);
    const after = await stats();
    assert.equal(after.reports.accepted, before.reports.accepted + 2);
    assert.equal(after.reports.sessions, before.reports.sessions + 1);
    assert.equal(after.engaged.totalMs - before.engaged.totalMs, 5000);
  });

  it('refuses bad reports with 400, over 60 KiB with 413, other types with 415', async () => {
    const bad = await server.call('/metrics', beacon({ ...report(), seq: -1 }));
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /^seq: expected an integer/);
    const twice = report();
    twice.total.tools = [twice.total.tools[0], twice.total.tools[0]];
    assert.match((await server.call('/metrics', beacon(twice))).body.message, /^total\.tools: expected each tool at most once/);
    assert.equal((await server.call('/metrics', beacon({ ...report(), extra: 'x'.repeat(61 * 1024) }))).status, 413);
    const form = await server.call('/metrics', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    assert.equal(form.status, 415);
  });

  it('aggregates the funnel, the engaged-time distribution and time per tool', async () => {
    const fresh = await startServer();
    try {
      const minute = 60_000;
      // Opened only; drew but left; drew and submitted (beacon says so, submission too).
      const opened = report({ total: metrics({ engagedMs: 5_000, strokes: 0, tools: [] }) });
      const drew = report({ total: metrics({ engagedMs: 3 * minute, tools: [{ tool: 'pencil', engagedMs: 3 * minute, visibleMs: 3 * minute, wallMs: 3 * minute }] }) });
      const sub = submission({
        metrics: metrics({ engagedMs: 45 * minute, wallMs: 60 * minute, visibleMs: 50 * minute, tools: [{ tool: 'spray', engagedMs: 45 * minute, visibleMs: 50 * minute, wallMs: 60 * minute }] }),
      });
      const submitted = report({ draft: sub.draft, submitted: true, total: metrics({ engagedMs: 40 * minute, wallMs: 50 * minute }) });
      for (const r of [opened, drew, submitted]) assert.equal((await fresh.call('/metrics', beacon(r))).status, 204);
      assert.equal((await fresh.call('/designs', json(sub, { 'idempotency-key': 'stats-key-1' }))).status, 201);

      const s = (await fresh.call('/stats', admin())).body;
      assert.deepEqual(s.funnel, { opened: 3, drew: 2, submitted: 1 });
      assert.equal(s.designs.pending, 1);
      assert.equal(s.engaged.drafts, 3);
      // The submission covers more wall-clock time than the last beacon, so its figures count.
      assert.equal(s.engaged.totalMs, 5_000 + 3 * minute + 45 * minute);
      assert.equal(s.engaged.medianMs, 3 * minute);
      const bucket = (ms: number) => s.engaged.buckets.find((b: { fromMs: number; toMs: number | null }) => ms >= b.fromMs && (b.toMs === null || ms < b.toMs));
      assert.equal(bucket(5_000).drafts, 1);
      assert.equal(bucket(3 * minute).drafts, 1);
      assert.equal(bucket(45 * minute).drafts, 1);
      assert.equal(s.engaged.buckets.reduce((n: number, b: { drafts: number }) => n + b.drafts, 0), 3);
      assert.deepEqual(
        s.tools.map((t: { tool: string; engagedMs: number }) => [t.tool, t.engagedMs]),
        [
          ['spray', 45 * minute],
          ['pencil', 3 * minute],
        ],
      );
      assert.equal(s.tools[0].share, 45 / 48);
    } finally {
      await fresh.close();
    }
  });
});
