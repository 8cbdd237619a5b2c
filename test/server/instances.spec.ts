/**
 * Several instances, one truth: two real server processes (server/main.ts,
 * as `npm start` runs it) on one PostgreSQL database, started at the same
 * moment on an empty database, then sent the same things at the same time.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { startChildServer, type ChildServer } from '../../scripts/load/child.ts';
import { PG_MIGRATIONS } from '../../server/store/postgres-schema.ts';
import { freshDatabase, NO_POSTGRES, postgresUrl, type TestDatabase } from './pg.ts';
import { submission } from './support.ts';

const DAY = 24 * 3600_000;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: boolean;
}

async function call(server: ChildServer, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.api}${path}`, init);
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

const asAdmin = (server: ChildServer, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${server.adminToken}` },
});

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

if (!(await postgresUrl())) {
  describe('two instances on one PostgreSQL', () => it(NO_POSTGRES, { skip: NO_POSTGRES }, () => {}));
} else {
  describe('two instances on one PostgreSQL', () => {
    let db: TestDatabase;
    let dataDir: string;
    let one: ChildServer;
    let two: ChildServer;
    /** Alternates between the instances, as a load balancer would. */
    const either = (i: number) => (i % 2 === 0 ? one : two);

    before(async () => {
      db = (await freshDatabase())!;
      dataDir = mkdtempSync(join(tmpdir(), 'cds-instances-'));
      // Started together on an empty database: both run the migrations' check at the same moment.
      const env = { DATABASE_URL: db.url, TRUST_PROXY: '1' };
      [one, two] = await Promise.all([startChildServer({ dataDir, env }), startChildServer({ dataDir, env })]);
    });
    after(async () => {
      await Promise.all([one?.stop(), two?.stop()]);
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const rows = async <T>(text: string): Promise<T[]> => {
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        return [...(await sql.unsafe(text))] as T[];
      } finally {
        await sql.end();
      }
    };

    it('migrated the empty database once, though both started at the same moment', async () => {
      const steps = PG_MIGRATIONS.map((_, i) => ({ version: i + 1 }));
      assert.deepEqual(await rows('SELECT version FROM schema_migrations ORDER BY version'), steps);
    });

    it('stores one design when the same Idempotency-Key reaches both at once; the others replay it', async () => {
      const body = JSON.stringify(submission());
      const key = `twin-key-${Date.now().toString(36)}`;
      const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => call(either(i), '/designs', postJson(body, { 'idempotency-key': key }))));
      assert.ok(answers.every((a) => a.status === 201), JSON.stringify(answers.map((a) => a.status)));
      assert.equal(new Set(answers.map((a) => a.body.id)).size, 1, 'one id for all');
      assert.equal(answers.filter((a) => !a.replayed).length, 1, 'one stored, the rest replayed');
      assert.deepEqual(await rows(`SELECT count(*)::int AS n FROM idempotency WHERE key = '${key}'`), [{ n: 1 }]);
      const designs = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM designs WHERE id = '${answers[0].body.id as string}'`);
      assert.deepEqual(designs, [{ n: 1 }]);
    });

    it('counts one vote per person per design across both, and one network cap with one daily salt', async () => {
      const created = await call(one, '/designs', postJson(submission(), { 'idempotency-key': `vote-key-${Date.now().toString(36)}` }));
      const id = created.body.id as string;
      assert.equal((await call(two, `/designs/${id}/approve`, asAdmin(two, { method: 'POST' }))).status, 200);

      // One person (one cookie) voting on both instances at once.
      const cookie = `cds_voter=${'V'.repeat(22)}`;
      const same = await Promise.all(
        Array.from({ length: 10 }, (_, i) => call(either(i), `/designs/${id}/votes`, { method: 'POST', headers: { cookie, 'x-forwarded-for': `198.51.100.${i}` } })),
      );
      assert.equal(same.filter((a) => a.status === 201).length, 1, 'counted once');
      assert.ok(same.every((a) => a.status === 201 || a.body.reason === 'already-voted'));

      // Twelve fresh browsers behind one address, spread over both: the cap (5) holds only if both hash the
      // address with the same salt of the day and count in one place.
      const network = await Promise.all(
        Array.from({ length: 12 }, (_, i) => call(either(i), `/designs/${id}/votes`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' } })),
      );
      assert.equal(network.filter((a) => a.status === 201).length, 5, JSON.stringify(network.map((a) => a.body)));
      assert.ok(network.every((a) => a.status === 201 || a.body.reason === 'ip-cap'));
      assert.equal((await rows<{ day: string }>('SELECT day FROM vote_salts')).length, 1, 'one salt, made once');
      const votes = await call(two, `/designs/${id}`);
      assert.equal(votes.body.votes, 6);
    });

    it('moves a campaign on once when both are asked at the same moment', async () => {
      const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
      const input = {
        name: 'Two instances',
        template: 'roadster',
        brief: { title: 'Paint it', text: 'Your way.', rules: [] },
        terms: { version: '2026-01', licence: 'You grant the brand a licence to show your design.', reward: 'Fame.' },
        schedule: { entries: at(-1), voting: at(10), judging: at(20), results: at(30) },
        hideVotes: false,
        criteria: [{ id: 'craft', name: 'Craft', weight: 1 }],
        communityWeight: 0.5,
      };
      const campaign = await call(one, '/campaigns', asAdmin(one, postJson(input)));
      assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
      const moves = await Promise.all(
        [one, two, one, two].map((server) => call(server, `/campaigns/${campaign.body.id as string}/advance`, asAdmin(server, postJson({ from: 'entries' })))),
      );
      assert.deepEqual(moves.map((m) => m.status).sort(), [200, 409, 409, 409]);
      assert.equal((await call(two, `/campaigns/${campaign.body.id as string}`)).body.phase, 'voting');
    });
  });
}
