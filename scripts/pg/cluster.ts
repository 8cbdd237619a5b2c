/**
 * A throwaway PostgreSQL cluster for tests, load runs and CI: `initdb` into
 * a temporary folder, the server on a free loopback port (never a fixed
 * one) with its socket in that folder, stopped and removed when done.
 *
 * PostgreSQL refuses to run as root. As root (CI containers) every
 * PostgreSQL command runs as the `postgres` user through `runuser`, and
 * the folder is handed to that user; as anyone else they run as you.
 *
 *   eval "$(npx tsx scripts/pg/cluster.ts start)"   # exports TEST_DATABASE_URL and PG_CLUSTER_DIR
 *   npx tsx scripts/pg/cluster.ts stop "$PG_CLUSTER_DIR"
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres: the superuser, over TCP, no password (trust on loopback). */
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
  /** Stops the server at once (`-m immediate`, as a crash would) and starts it again on the same port. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Stops it at once; `start` brings it back on the same port. */
  kill(): void;
  start(): void;
}

/**
 * PostgreSQL's programs: `PG_BIN` (a folder without `initdb` means none, to try the
 * "no PostgreSQL" path), else Debian's newest /usr/lib/postgresql/<version>/bin, else the PATH.
 */
export function pgBin(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(debian, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 ? join(found.stdout.trim(), '..') : undefined;
}

const asRoot = () => userInfo().uid === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function run(bin: string, program: string, args: string[]): string {
  const command = asRoot() ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] as const : [join(bin, program), args] as const;
  return execFileSync(command[0], command[1], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `fsync: false` for tests (a crash of the machine loses nothing a test
 * needs); the load run keeps it on, as SQLite's `synchronous=FULL` is.
 */
export async function startCluster(options: { fsync?: boolean } = {}): Promise<Cluster> {
  const bin = pgBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb): apt-get install postgresql, or set PG_BIN');
  const dir = mkdtempSync(join(tmpdir(), 'cds-pg-'));
  if (asRoot()) {
    const { uid, gid } = userOf('postgres');
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  let port = 0;
  const settings = () => `-p ${port} -h 127.0.0.1 -k ${dir} -c max_connections=200${options.fsync === false ? ' -F' : ''}`;
  const start = () => void run(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings(), '-w', '-t', '30', 'start']);
  const halt = (mode: 'fast' | 'immediate') => void run(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  // Another process may take the probed port before the server binds it: try again on a fresh one.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (error) {
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      try {
        halt('fast');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async restart({ downMs = 0 } = {}) {
      halt('immediate');
      await new Promise((resolve) => setTimeout(resolve, downMs));
      start();
    },
    kill: () => halt('immediate'),
    start,
  };
}

function userOf(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Stops the cluster a `start` left running in `dir`. */
export function stopClusterIn(dir: string): void {
  const bin = pgBin();
  if (bin && existsSync(join(dir, 'data', 'postmaster.pid'))) run(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const cluster = await startCluster();
    console.log(`export TEST_DATABASE_URL=${cluster.url}`);
    console.log(`export PG_CLUSTER_DIR=${cluster.dir}`);
  } else if (command === 'stop' && dir) {
    stopClusterIn(dir);
  } else {
    console.error('usage: tsx scripts/pg/cluster.ts start | stop <dir>');
    process.exitCode = 2;
  }
}
