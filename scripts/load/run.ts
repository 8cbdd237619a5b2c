/**
 * `npm run load`: the real server (server/main.ts) as a child process on
 * loopback over a fresh SQLite file, then 2,000 metric beacons and 200
 * submissions, shuffled together, at most 48 in flight, each with its own
 * Idempotency-Key (or session). Then every one must be stored exactly once
 * (read back from the database itself and through GET /stats), and a
 * second pass resends all of them with the same keys: the same answers,
 * nothing stored twice. Prints req/s and p50/p95/p99/max per route and
 * writes bench/load-results.json.
 *
 * `--store postgres --instances 2` runs the same twice: first on SQLite, then
 * on N server processes over one throwaway PostgreSQL (requests spread over
 * them in turn, as a load balancer would), and prints the two side by side.
 *
 *   npm run load -- --beacons 2000 --submissions 200 --concurrency 48 --strokes 200 --out bench/load-results.json
 *   npm run load -- --store postgres --instances 2   # PostgreSQL beside SQLite; --alone skips the SQLite run
 *   npm run load -- --profile /tmp/prof    # the server's CPU profile, for Chrome DevTools
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateStrokes, toDesignDocument } from '../../bench/strokes.ts';
import { makePng, report, submission } from '../../test/server/support.ts';
import { pool, type ChildServer } from './child.ts';
import { compare, figures, table, type RouteFigures, type Sample } from './figures.ts';
import { startTarget, type StoreKind, type Target } from './targets.ts';

const { values: args } = parseArgs({
  options: {
    beacons: { type: 'string', default: '2000' },
    submissions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '48' },
    /** Pencil strokes in each submitted design (side view). */
    strokes: { type: 'string', default: '200' },
    /** Each preview's size; the pixels are noise, so the PNG weighs what a painted one does. */
    preview: { type: 'string', default: '320x140' },
    out: { type: 'string', default: 'bench/load-results.json' },
    /** A folder for the server's CPU profile (node --cpu-prof), written when it stops. */
    profile: { type: 'string' },
    /** sqlite (default) or postgres: with postgres, the SQLite run goes first and both are printed side by side. */
    store: { type: 'string', default: 'sqlite' },
    /** Server processes on the one PostgreSQL. */
    instances: { type: 'string', default: '1' },
    /** With --store postgres: leave out the SQLite run. */
    alone: { type: 'boolean', default: false },
  },
});
const N_BEACONS = Number(args.beacons);
const N_SUBMISSIONS = Number(args.submissions);
const CONCURRENCY = Number(args.concurrency);
const [PREVIEW_W, PREVIEW_H] = args.preview.split('x').map(Number);
const run = Date.now().toString(36);

interface Job {
  route: 'POST /metrics' | 'POST /designs';
  key: string;
  body: string;
}

/** Valid payloads, built before the clock starts: the spec's own builders, a generated design, noise previews. */
function buildJobs(): { beacons: Job[]; submissions: Job[] } {
  const beacons: Job[] = Array.from({ length: N_BEACONS }, (_, i) => {
    const r = report({ session: `load-${run}-s${i}`, draft: `load-${run}-d${i % 500}` });
    return { route: 'POST /metrics', key: r.session, body: JSON.stringify(r) };
  });
  const design = toDesignDocument(generateStrokes(Number(args.strokes), 7), { id: 'roadster', version: '1', views: ['side', 'top'] });
  const submissions: Job[] = Array.from({ length: N_SUBMISSIONS }, (_, i) => {
    const png = (seed: number) => makePng(PREVIEW_W, PREVIEW_H, undefined, { seed }).toString('base64');
    const sub = submission({
      draft: `load-${run}-draft${i}`,
      design,
      previews: [
        { view: 'side', png: png(2 * i + 1) },
        { view: 'top', png: png(2 * i + 2) },
      ],
      author: { name: `Load ${i}` },
    });
    return { route: 'POST /designs', key: `load-${run}-key-${i}`, body: JSON.stringify(sub) };
  });
  return { beacons, submissions };
}

/** Deterministic shuffle, so both routes are in flight together all along. */
function shuffle<T>(items: T[]): T[] {
  let seed = 12345;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Answer {
  status: number;
  replayed: boolean;
  id?: string;
}

async function send(server: ChildServer, job: Job, route: string, samples: Sample[]): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${server.api}${job.route === 'POST /designs' ? '/designs' : '/metrics'}`, {
      method: 'POST',
      headers: job.route === 'POST /designs' ? { 'content-type': 'application/json', 'idempotency-key': job.key } : { 'content-type': 'text/plain' },
      body: job.body,
    });
    const text = await response.text();
    samples.push({ route, status: response.status, ms: performance.now() - started });
    const id = response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as { id?: string }).id : undefined;
    return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', id };
  } catch {
    samples.push({ route, status: 0, ms: performance.now() - started });
    return { status: 0, replayed: false };
  }
}

/**
 * CPU seconds a process has used (Linux /proc; utime + stime at 100 ticks a
 * second), NaN elsewhere. On a shared machine wall-clock figures swing with
 * the neighbours; CPU time per request much less.
 */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Requests go to the instances in turn, as a round-robin load balancer would send them. */
async function phase(servers: ChildServer[], jobs: Job[], label: (job: Job) => string) {
  const samples: Sample[] = [];
  const started = performance.now();
  const serversCpu = () => servers.reduce((sum, server) => sum + cpuSeconds(server.pid), 0);
  const serverCpu = serversCpu();
  const clientCpu = process.cpuUsage();
  const answers = (await pool(jobs, CONCURRENCY, (job, i) => send(servers[i % servers.length], job, label(job), samples))) as Answer[];
  const client = process.cpuUsage(clientCpu);
  return {
    samples,
    answers,
    seconds: (performance.now() - started) / 1000,
    serverCpuSeconds: serversCpu() - serverCpu,
    clientCpuSeconds: (client.user + client.system) / 1e6,
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    loadavg: os.loadavg().map((v) => Number(v.toFixed(2))),
    totalMemMB: Math.round(os.totalmem() / 2 ** 20),
    freeMemMB: Math.round(os.freemem() / 2 ** 20),
  };
}

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

interface Run {
  label: string;
  rows: RouteFigures[];
  result: Record<string, unknown>;
}

async function loadRun(store: StoreKind, instances: number, jobs: { beacons: Job[]; submissions: Job[] }, bodyBytes: number): Promise<Run> {
  const { beacons, submissions } = jobs;
  const before = machine();
  const target: Target = await startTarget(store, instances, args.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(args.profile)}`] : []);
  const servers = target.servers;
  console.log(`\n== ${target.label}: server pid ${servers.map((s) => s.pid).join(', ')} at ${servers.map((s) => s.api).join(', ')}`);
  console.log(
    `${N_BEACONS} beacons + ${N_SUBMISSIONS} submissions (${(bodyBytes / 1024).toFixed(0)} KiB each: ${args.strokes} strokes, 2 previews ${args.preview}), ` +
      `${CONCURRENCY} in flight; ${before.cpus} × ${before.cpuModel}, load average ${before.loadavg.join(' ')}`,
  );
  try {
    const all = shuffle([...beacons, ...submissions]);
    const first = await phase(servers, all, (job) => job.route);
    const againJobs = shuffle([...submissions, ...beacons]);
    const again = await phase(servers, againJobs, (job) => `${job.route} (again)`);

    // Exactly once, from the database itself.
    const count = async (sql: string) => Number((await target.rows(sql))[0]?.n ?? 0);
    const firstOf = new Map(all.map((job, i) => [job, first.answers[i]]));
    const acked = submissions.map((job) => firstOf.get(job)!);
    const againOf = new Map(againJobs.map((job, i) => [job, again.answers[i]]));

    check(beacons.every((job) => firstOf.get(job)!.status === 204), `all ${N_BEACONS} beacons answered 204`);
    check(acked.every((a) => a.status === 201 && !a.replayed && a.id), `all ${N_SUBMISSIONS} submissions answered 201, none as a replay`);
    check(new Set(acked.map((a) => a.id)).size === N_SUBMISSIONS, `${N_SUBMISSIONS} distinct design ids`);
    const designs = await count('SELECT count(*) AS n FROM designs');
    check(designs === N_SUBMISSIONS, `designs table: ${designs} rows`);
    check((await count('SELECT count(*) AS n FROM (SELECT draft FROM designs GROUP BY draft HAVING count(*) > 1) AS twice')) === 0, 'no draft stored twice');
    const previews = await count('SELECT count(*) AS n FROM previews');
    check(previews === 2 * N_SUBMISSIONS, `previews table: ${previews} rows`);
    const keyed = new Map((await target.rows('SELECT key, body FROM idempotency')).map((row) => [row.key as string, (row.body as { id: string }).id]));
    check(
      submissions.every((job, i) => keyed.get(job.key) === acked[i].id),
      'each Idempotency-Key kept once, pointing at the id it was answered with',
    );
    const sessions = new Set((await target.rows('SELECT session FROM metric_sessions')).map((r) => r.session as string));
    check(sessions.size === N_BEACONS && beacons.every((job) => sessions.has(job.key)), `metric_sessions: every one of ${N_BEACONS} sessions, once`);
    check((await count(target.acceptedSql)) === N_BEACONS, `reports accepted counter: ${N_BEACONS}, the repeats not counted`);

    check(beacons.every((job) => againOf.get(job)!.status === 204), 'every repeated beacon answered 204');
    check(
      submissions.every((job, i) => {
        const a = againOf.get(job)!;
        return a.status === 201 && a.replayed && a.id === acked[i].id;
      }),
      'every resent submission replayed: 201, Idempotent-Replayed, the same id',
    );
    for (const server of servers) {
      const stats = (await (await fetch(`${server.api}/stats`, { headers: { authorization: `Bearer ${server.adminToken}` } })).json()) as {
        reports: { accepted: number; sessions: number };
        designs: { pending: number };
      };
      check(stats.reports.accepted === N_BEACONS && stats.reports.sessions === N_BEACONS && stats.designs.pending === N_SUBMISSIONS, `GET /stats agrees: ${JSON.stringify({ reports: stats.reports, pending: stats.designs.pending })}`);
    }

    const rows = [
      figures('POST /metrics', first.samples, 204, first.seconds),
      figures('POST /designs', first.samples, 201, first.seconds),
      figures('POST /metrics (again)', again.samples, 204, again.seconds),
      figures('POST /designs (again)', again.samples, 201, again.seconds),
    ];
    const after = machine();
    console.log('');
    console.log(table(rows));
    console.log('');
    console.log(
      `first pass: ${all.length} requests in ${first.seconds.toFixed(2)} s = ${(all.length / first.seconds).toFixed(0)} req/s, ` +
        `${((bodyBytes * N_SUBMISSIONS) / 2 ** 20 / first.seconds).toFixed(1)} MiB/s of submissions; ` +
        `again: ${(all.length / again.seconds).toFixed(0)} req/s. Load average after: ${after.loadavg.join(' ')}`,
    );
    for (const [name, pass] of [['first pass', first], ['again', again]] as const) {
      console.log(
        `${name}: server${servers.length > 1 ? 's' : ''} used ${pass.serverCpuSeconds.toFixed(1)} CPU s (${((1000 * pass.serverCpuSeconds) / all.length).toFixed(1)} ms a request, ` +
          `${((100 * pass.serverCpuSeconds) / pass.seconds).toFixed(0)}% of one core over ${pass.seconds.toFixed(1)} s); the load generator ${pass.clientCpuSeconds.toFixed(1)} CPU s` +
          (store === 'postgres' ? ' (PostgreSQL\'s own processes not counted)' : ''),
      );
    }
    const result = {
      store,
      instances,
      machine: { before, after },
      passes: Object.fromEntries(
        (['first', 'again'] as const).map((name) => {
          const pass = name === 'first' ? first : again;
          return [name, { requests: all.length, seconds: pass.seconds, serverCpuSeconds: pass.serverCpuSeconds, clientCpuSeconds: pass.clientCpuSeconds }];
        }),
      ),
      routes: rows,
    };
    return { label: target.label, rows, result };
  } finally {
    await target.stop();
  }
}

async function main() {
  const jobs = buildJobs();
  const bodyBytes = jobs.submissions.reduce((n, j) => n + Buffer.byteLength(j.body), 0) / jobs.submissions.length;
  const store = args.store as StoreKind;
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`--store sqlite or postgres, not ${store}`);
  const plan: [StoreKind, number][] = store === 'postgres' && !args.alone ? [['sqlite', 1], ['postgres', Number(args.instances)]] : [[store, Number(args.instances)]];
  const runs: Run[] = [];
  for (const [kind, instances] of plan) runs.push(await loadRun(kind, instances, jobs, bodyBytes));
  if (runs.length === 2) {
    console.log(`\n== side by side, one machine, one run (req/s, p50 / p95 / p99 ms)\n`);
    console.log(compare(runs[0], runs[1]));
  }

  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  const params = { beacons: N_BEACONS, submissions: N_SUBMISSIONS, concurrency: CONCURRENCY, strokes: Number(args.strokes), preview: args.preview, submissionBytes: Math.round(bodyBytes) };
  const checks = { passed: failures.length === 0, failures };
  // One run keeps the file's earlier shape; two put both under `runs`.
  const result = runs.length === 1 ? { at: new Date().toISOString(), params, ...runs[0].result, checks } : { at: new Date().toISOString(), params, runs: runs.map((r) => r.result), checks };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out}`);
  if (failures.length) {
    console.error(`${failures.length} check(s) failed`);
    process.exitCode = 1;
  }
}

await main();
