/**
 * `npm start`: the demo and the reference backend on one port. Settings come
 * from the environment (docs/server.md); without ADMIN_TOKEN a fresh one is
 * made and printed, since the dashboard is useless without it.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { voteIpCapFrom } from './api/gallery.ts';
import { createApp } from './app.ts';
import { PostgresStore } from './store/postgres.ts';
import { isClientWriteRace } from './store/postgres-sql.ts';
import { seedDemo } from './demo/seed.ts';
import { printJobSettingsFrom } from './jobs/settings.ts';

const env = process.env;
const port = Number(env.PORT ?? 8080);
const host = env.HOST ?? 'localhost';
const adminToken = env.ADMIN_TOKEN || randomBytes(24).toString('base64url');
// The demo's own two sites (social.html frames one inside the other) plus whatever the brand lists.
const corsOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...(env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean)];
const rateLimit = env.RATE_LIMIT_MAX === '0' ? false : { max: Number(env.RATE_LIMIT_MAX ?? 600), timeWindowMs: Number(env.RATE_LIMIT_WINDOW_MS ?? 60_000) };

// DATABASE_URL=postgres://… puts every instance on one PostgreSQL; without it, the SQLite file in DATA_DIR.
if (env.DATABASE_URL) {
  // Survives the PostgreSQL client's one known crash when the database restarts (server/store/postgres-sql.ts);
  // anything else still ends the process as an uncaught exception does, so a supervisor restarts it.
  process.on('uncaughtException', (error) => {
    if (isClientWriteRace(error)) return void console.warn('postgres client: a write after its connection closed was dropped');
    console.error(error);
    process.exit(1);
  });
}
const store = env.DATABASE_URL ? await PostgresStore.open(env.DATABASE_URL, { max: Number(env.DATABASE_POOL_MAX ?? 10) }) : undefined;
const app = await createApp({ adminToken, dataDir: env.DATA_DIR ?? 'data', store, corsOrigins, rateLimit, trustProxy: env.TRUST_PROXY === '1', publicUrl: env.PUBLIC_URL || undefined, voteIpCap: voteIpCapFrom(env), demoParticipants: true, printJobs: printJobSettingsFrom(env) });
// One campaign open for entries with a few drawn entries, so a newcomer's gallery is not empty (DEMO_SEED=0: none).
const demoCampaign = env.DEMO_SEED === '0' ? undefined : await seedDemo(app, adminToken);
await app.listen({ port, host });
// PORT=0 takes any free port: print the one it got.
const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${(app.server.address() as AddressInfo).port}`;
// social.html frames the studio from the other loopback name: another site on the same machine.
const other = url.includes('//localhost:') ? url.replace('//localhost:', '//127.0.0.1:') : url.replace('//127.0.0.1:', '//localhost:');
console.log(`co-design-studio demo: ${url}/`);
console.log(`  social app (studio framed from ${other}): ${url}/social.html`);
console.log(`  gallery: ${url}/gallery`);
console.log(`  dashboard (asks for the ADMIN_TOKEN): ${url}/dashboard`);
console.log(`  share pages: ${url}/d/<design id> (approved designs)`);
if (demoCampaign) console.log(`  demo campaign: ${url}/?campaign=${demoCampaign}, results: ${url}/results/${demoCampaign}`);
console.log(`  jury: ${url}/jury#key=<key> (the dashboard makes the links)`);
console.log(`  API (endpoint): ${url}/api`);
console.log(`  templates: ${url}/templates/roadster.json, ${url}/templates/sneaker.json, ${url}/templates/skate-deck.json`);
console.log(`  data: ${store ? `PostgreSQL at ${describeDatabase(env.DATABASE_URL!)}` : `${env.DATA_DIR ?? 'data'}/co-design.sqlite`}`);
if (!env.ADMIN_TOKEN) console.log(`  ADMIN_TOKEN (made for this run; set ADMIN_TOKEN to keep one): ${adminToken}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}

/** Host, port and database of a URL, never its password. */
function describeDatabase(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}${port ? `:${port}` : ''}${pathname}`;
}
