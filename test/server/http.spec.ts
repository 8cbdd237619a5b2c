import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startChildServer } from '../../scripts/load/child.ts';
import { FaultQueue } from '../../server/faults.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import type { NewDesign } from '../../server/store/store.ts';
import { admin, json, makePng, report, startServer, submission } from './support.ts';

const SITE = 'https://brand.example';

describe('CORS', () => {
  it('echoes an allowed origin exactly, with Vary: Origin and no credentials', async () => {
    const server = await startServer({ corsOrigins: [SITE, 'http://localhost:8080'] });
    try {
      const res = await server.call('/metrics', { method: 'POST', headers: { origin: SITE, 'content-type': 'text/plain' }, body: JSON.stringify(report()) });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), SITE);
      assert.match(res.headers.get('vary') ?? '', /Origin/i);
      assert.equal(res.headers.get('access-control-allow-credentials'), null);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);

      const preflight = await fetch(`${server.api}/designs`, {
        method: 'OPTIONS',
        headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), SITE);
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      assert.ok(allowed.includes('content-type') && allowed.includes('idempotency-key'), allowed);
      assert.equal(preflight.headers.get('access-control-allow-credentials'), null);

      for (const origin of ['https://evil.example', 'https://brand.example.evil.com', 'null', 'https://BRAND.example']) {
        const other = await server.call('/designs', { headers: { origin } });
        assert.equal(other.headers.get('access-control-allow-origin'), null, origin);
      }
    } finally {
      await server.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After (and CORS headers) past the limit', async () => {
    const server = await startServer({ rateLimit: { max: 3, timeWindowMs: 60_000 }, corsOrigins: [SITE] });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await server.call('/designs', { headers: { origin: SITE } })).status, 200);
      const limited = await server.call('/designs', { headers: { origin: SITE } });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'rate-limited');
      assert.match(limited.headers.get('retry-after') ?? '', /^[1-9][0-9]*$/);
      assert.equal(limited.headers.get('access-control-allow-origin'), SITE);
    } finally {
      await server.close();
    }
  });
});

describe('rate limit, per client', () => {
  it('limits each client on its own, stores nothing it refuses, and says when to retry', async () => {
    const server = await startServer({ rateLimit: { max: 2, timeWindowMs: 30_000 }, trustProxy: true });
    try {
      const as = (ip: string, init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': ip } });
      assert.equal((await server.call('/designs', as('203.0.113.1'))).status, 200);
      assert.equal((await server.call('/metrics', as('203.0.113.1', json(report())))).status, 204);
      const limited = await server.call('/designs', as('203.0.113.1', json(submission(), { 'idempotency-key': 'limited-key-1' })));
      assert.equal(limited.status, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 30, `Retry-After: ${retryAfter}`);
      assert.equal((await server.call('/metrics', as('203.0.113.1', json(report())))).status, 429);
      // Another client is not held back by the first.
      const other = await server.call('/designs?status=pending', as('198.51.100.9', admin()));
      assert.equal(other.status, 200);
      assert.equal(other.body.total, 0, 'the limited submission was not stored');
      assert.equal((await server.call('/stats', as('198.51.100.9', admin()))).body.reports.accepted, 1, 'the limited beacon was not stored');
    } finally {
      await server.close();
    }
  });

  it('holds in the real server (server/main.ts) as RATE_LIMIT_MAX sets it', { timeout: 30_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cds-limit-'));
    const server = await startChildServer({ dataDir, env: { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000' } });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 7; i++) {
        last = await fetch(`${server.api}/designs`);
        await last.arrayBuffer();
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      assert.match(last!.headers.get('retry-after') ?? '', /^[1-9][0-9]*$/);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('persistence', () => {
  it('keeps designs, votes, idempotency keys and metrics across a restart on the same SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cds-restart-'));
    try {
      const first = await startServer({}, dir);
      const sub = JSON.stringify(submission());
      const created = await first.call('/designs', json(sub, { 'idempotency-key': 'restart-key-1' }));
      await first.call(`/designs/${created.body.id}/approve`, admin({ method: 'POST' }));
      await first.call(`/designs/${created.body.id}/votes`, { method: 'POST' });
      await first.call('/metrics', json(report()));
      await first.close();

      const second = await startServer({}, dir);
      try {
        const listed = await second.call('/designs');
        assert.deepEqual(
          listed.body.items.map((d: { id: string; votes: number }) => [d.id, d.votes]),
          [[created.body.id, 1]],
        );
        const replay = await second.call('/designs', json(sub, { 'idempotency-key': 'restart-key-1' }));
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(replay.body, created.body);
        assert.equal((await second.call('/stats', admin())).body.reports.accepted, 1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite store, group commit', () => {
  it('commits writes of one turn together, yet a write that fails rolls back alone', async () => {
    const store = new SqliteStore(':memory:');
    try {
      const design = (id: string, draft: string): NewDesign => {
        const sub = submission({ draft });
        return {
          id,
          draft,
          status: 'pending',
          author: 'Ada',
          template: { id: 'roadster', version: '1' },
          createdAt: '2026-01-02T03:04:05Z',
          designJson: JSON.stringify(sub.design),
          consent: sub.consent,
          metrics: sub.metrics ?? null,
          previews: [{ view: 'side', width: 64, height: 32, png: makePng(64, 32) }],
          campaign: null,
          participant: null,
        };
      };
      const answer = (key: string) => ({ key, hash: 'h', status: 201, body: { id: key }, createdAt: 1 });
      // Three writes in one turn: the second reuses the first's id, so its insert throws inside the shared transaction.
      const results = await Promise.allSettled([
        store.createDesign(design('same-id', 'draft-a'), answer('group-key-a'), 0),
        store.createDesign(design('same-id', 'draft-b'), answer('group-key-b'), 0),
        store.recordReport(report(), 1),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.equal((await store.getDesign('same-id'))?.draft, 'draft-a');
      assert.equal(await store.findIdempotent('group-key-b', 0), undefined, "the failed write's key was rolled back with it");
      assert.equal((await store.reportCounts()).accepted, 1);
    } finally {
      await store.close();
    }
  });
});

describe('faults on cue', () => {
  it('fails as told: 503, 429 with Retry-After, a lost answer after commit, then replays once', async () => {
    const faults = new FaultQueue({ designs: [503, { status: 429, retryAfter: 1 }, 'commit-then-drop-connection'] });
    const server = await startServer({ faults });
    try {
      const body = JSON.stringify(submission());
      const send = () => server.call('/designs', json(body, { 'idempotency-key': 'fault-key-0001' }));
      assert.equal((await send()).status, 503);
      const limited = await send();
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('retry-after'), '1');
      await assert.rejects(send(), /fetch failed/);
      const replay = await send();
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.equal((await server.call('/designs?status=pending', admin())).body.total, 1);
      assert.deepEqual(
        faults.applied.map((f) => f.fault),
        [503, { status: 429, retryAfter: 1 }, 'commit-then-drop-connection'],
      );
    } finally {
      await server.close();
    }
  });

  it('drops a beacon without storing it, and refuses unknown faults', async () => {
    const faults = new FaultQueue({ metrics: ['drop-connection', 'ok'] });
    const server = await startServer({ faults });
    try {
      await assert.rejects(server.call('/metrics', json(report())), /fetch failed/);
      assert.equal((await server.call('/metrics', json(report()))).status, 204);
      assert.equal((await server.call('/stats', admin())).body.reports.accepted, 1);
      assert.throws(() => faults.push('designs', 'explode' as never), /unknown fault/);
    } finally {
      await server.close();
    }
  });
});
