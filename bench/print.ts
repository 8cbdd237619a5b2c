// The print section of `npm run bench` (issue 15): print jobs on the roadster's side, each in a Node process of
// its own (test/print/job-child.ts) so that its peak memory is the job's, as a backend's worker would see it.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Check } from './budgets.ts';
import { mb } from './table.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface PrintRun {
  job: string;
  /** The job's own time, from its inputs to its last byte (module loading left out). */
  seconds: number;
  maxRssMb: number;
  bytes: number;
  width?: number;
  height?: number;
}

const JOBS = ['pdf-2000', 'pdf-10000', 'raster-side-150'] as const;

export async function runPrint(log: (s: string) => void): Promise<PrintRun[]> {
  const runs: PrintRun[] = [];
  for (const job of JOBS) {
    const child = join(root, 'test', 'print', 'job-child.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, job], { cwd: root });
    const run = JSON.parse(stdout) as PrintRun;
    log(`print ${job}: ${run.seconds.toFixed(2)} s, ${(run.bytes / 1e6).toFixed(1)} MB, peak ${mb(run.maxRssMb)}`);
    runs.push(run);
  }
  return runs;
}

const find = (runs: PrintRun[], job: string) => runs.find((r) => r.job === job);

/** Issue 15, point 6. */
export function printBudgets(runs: PrintRun[]): Check[] {
  const checks: Check[] = [];
  const limit = (budget: string, value: number | undefined, max: number, fmt: (v: number) => string) =>
    checks.push({
      budget,
      value: value === undefined ? 'not run' : `${fmt(value)} (${value <= max ? 'within' : `${(value / max).toFixed(1)}× the budget`})`,
      pass: value === undefined ? null : value <= max,
    });
  const s = (v: number) => `${v.toFixed(2)} s`;
  limit('print PDF, 2,000 strokes, one view ≤ 3 s', find(runs, 'pdf-2000')?.seconds, 3, s);
  limit('print PDF, 10,000 strokes, one view ≤ 10 s', find(runs, 'pdf-10000')?.seconds, 10, s);
  const pdfs = runs.filter((r) => r.job.startsWith('pdf-'));
  limit('print PDF ≤ 25 MB', pdfs.length ? Math.max(...pdfs.map((r) => r.bytes)) : undefined, 25e6, (v) => `${(v / 1e6).toFixed(1)} MB`);
  limit('roadster side raster at 150 dpi ≤ 60 s', find(runs, 'raster-side-150')?.seconds, 60, s);
  limit('print job peak memory ≤ 600 MB', runs.length ? Math.max(...runs.map((r) => r.maxRssMb)) : undefined, 600, mb);
  return checks;
}

export function printTable(runs: PrintRun[]): string {
  const rows = runs.map((r) => {
    const size = r.width ? `${r.width.toLocaleString('en')} × ${r.height!.toLocaleString('en')} px` : '';
    return `${r.job.padEnd(18)} ${`${r.seconds.toFixed(2)} s`.padStart(9)} ${`${(r.bytes / 1e6).toFixed(1)} MB`.padStart(9)} ${mb(r.maxRssMb).padStart(9)}  ${size}`;
  });
  return ['', '── print (roadster side, one Node process per job) ──', `${'job'.padEnd(18)} ${'time'.padStart(9)} ${'file'.padStart(9)} ${'peak'.padStart(9)}`, ...rows].join('\n');
}
