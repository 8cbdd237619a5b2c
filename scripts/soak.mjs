#!/usr/bin/env node
// npm run test:soak — the test pipeline (typecheck, server specs, the browser
// suite) several times in a row while busy loops keep every core occupied:
// a suite that waits for what it means to see, never for a time, passes here
// as it does on a quiet machine. One line per run; exits 1 if any run failed.
//
//   npm run test:soak                                    three runs, every core busy
//   npm run test:soak -- --runs 1 --files "test/drafts/**/*.test.ts"   a quick check
//
// Options: --runs N (3), --hogs N (one per core), --files GLOB (repeatable; the
// browser files to run, all by default), --no-build (dist/ is already built).
// The full output of every step goes to a log file named in the summary.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    hogs: { type: 'string', default: String(availableParallelism()) },
    files: { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(opts.runs);
const hogCount = Number(opts.hogs);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(hogCount) || hogCount < 0) {
  console.error('soak: --runs must be a whole number from 1, --hogs one from 0');
  process.exit(2);
}

const logs = await mkdtemp(join(tmpdir(), 'co-design-soak-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The step running now: stopped with the soak if it is interrupted. */
let current;

/** Runs one command to the end, its output into `log`; resolves with its exit code and output. */
function step(command, args, log) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    current = child;
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      log.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // Colour codes would split "33 passed" from ", 0 failed" in what is counted below.
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') }));
  });
}

// ---- the CPU hog: one busy loop per core, ended whatever happens --------------

const hogs = [];
function startHogs() {
  for (let i = 0; i < hogCount; i++) hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}
function stopHogs() {
  for (const hog of hogs.splice(0)) hog.kill('SIGKILL');
}
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopHogs();
    current?.kill('SIGTERM');
    process.exit(130);
  });
}

// ---- counting what passed -------------------------------------------------------

/** "513 passed, 4 failed" from web-test-runner's last summary line. */
function browserCounts(output) {
  const all = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  return all ? { passed: Number(all[1]), failed: Number(all[2]) } : undefined;
}

/** "# pass 63" and "# fail 0" from node's test runner. */
function serverCounts(output) {
  const passed = output.match(/^# pass (\d+)/m);
  const failed = output.match(/^# fail (\d+)/m);
  return passed && failed ? { passed: Number(passed[1]), failed: Number(failed[1]) } : undefined;
}

const counted = (c) => (c ? `${c.passed} passed, ${c.failed} failed` : 'no counts');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---- the runs ------------------------------------------------------------------------

let failures = 0;
try {
  if (!opts['no-build']) {
    // Once, before the hog: some tests load the built package (dist/).
    const log = createWriteStream(join(logs, 'build.log'));
    const build = await step(npm, ['run', 'build'], log);
    log.end();
    if (build.code !== 0) {
      console.error(`soak: the build failed (${join(logs, 'build.log')})`);
      process.exit(1);
    }
  }
  startHogs();
  console.log(`soak: ${runs} run(s), ${hogCount} busy loop(s) on ${availableParallelism()} core(s); logs in ${logs}`);
  const wtrArgs = ['wtr', ...opts.files.flatMap((f) => ['--files', f])];
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const log = createWriteStream(join(logs, `run-${run}.log`));
    const typecheck = await step(npm, ['run', 'typecheck'], log);
    const server = await step(npm, ['run', 'test:server'], log);
    const browser = await step(npx, wtrArgs, log);
    log.end();
    const [serverCount, browserCount] = [serverCounts(server.output), browserCounts(browser.output)];
    const ok = typecheck.code === 0 && server.code === 0 && browser.code === 0 && serverCount?.failed === 0 && browserCount?.failed === 0;
    if (!ok) failures++;
    const load = loadavg()[0].toFixed(1);
    console.log(
      `run ${run}/${runs}: ${ok ? 'pass' : 'FAIL'} — typecheck ${typecheck.code === 0 ? 'ok' : 'failed'}; ` +
        `server ${counted(serverCount)}; browser ${counted(browserCount)}; ${seconds(performance.now() - started)}, load ${load}` +
        (ok ? '' : ` (see ${join(logs, `run-${run}.log`)})`),
    );
  }
} finally {
  stopHogs();
}
console.log(failures ? `soak: ${failures} of ${runs} run(s) failed` : `soak: all ${runs} run(s) passed`);
process.exit(failures ? 1 : 0);
