/**
 * The real server (`server/main.ts`) as a child process on loopback, for the
 * load run and the kill test: what `npm start` runs, configured only through
 * its environment, so nothing in-process flatters the figures.
 *
 * It runs as `node --import tsx server/main.ts` rather than through the
 * `tsx` command: the command forks a second node process, and a SIGKILL sent
 * to the first would leave the server itself running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  /** e.g. http://127.0.0.1:41234/api */
  api: string;
  adminToken: string;
  dataDir: string;
  pid: number;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** SIGKILL: no close hooks, no checkpoint, what a crash or an OOM kill does. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own orderly close. */
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  dataDir: string;
  adminToken?: string;
  /** Extra environment, e.g. `{ RATE_LIMIT_MAX: '600' }`; the rate limit is off unless set here. */
  env?: Record<string, string>;
  /** Milliseconds to wait for the server's start line. */
  timeoutMs?: number;
  /** Node flags for the server process, e.g. `['--cpu-prof', '--cpu-prof-dir=…']`. */
  nodeArgs?: string[];
}

/** A port that was free a moment ago (main.ts prints the port it was given, so port 0 would not tell us which). */
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

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  // Another process may take the probed port before the child binds it: try again on a fresh one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(options, await freePort());
    } catch (error) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function launch(options: ChildServerOptions, port: number): Promise<ChildServer> {
  const adminToken = options.adminToken ?? 'load-admin-token-0123456789';
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      ADMIN_TOKEN: adminToken,
      RATE_LIMIT_MAX: '0',
      // SQLite unless the caller gives a database: a DATABASE_URL in the caller's own environment is not inherited.
      DATABASE_URL: '',
      // Measured servers start empty: no demo campaign and sample entries (server/demo/seed.ts).
      DEMO_SEED: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in ${options.timeoutMs ?? 20_000} ms:\n${output}`)), options.timeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/API \(endpoint\): \S+\n/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then((how) => fail(new Error(`server exited (${how}) before it listened:\n${output}`)));
  });
  // Keep draining the pipes so a chatty server never blocks on a full one.
  child.stdout!.resume();
  child.stderr!.resume();

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    api: /API \(endpoint\): (\S+)/.exec(output)![1],
    adminToken,
    dataDir: options.dataDir,
    pid: child.pid!,
    exited,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

/**
 * Runs `task` over `items` with at most `limit` in flight, in order of
 * start; `stop()` returning true ends the run early (items not yet started
 * are left out of the result).
 */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, stop: () => boolean = () => false): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
