/** How print jobs run on this instance: defaults, and the environment's overrides (docs/server.md). */

export interface PrintJobSettings {
  /** Run the worker loop on this instance; enqueuing happens either way. */
  enabled: boolean;
  /** Wall-clock limit of one attempt. */
  timeoutMs: number;
  /** JavaScript heap of the job's thread, in MB. */
  memoryMb: number;
  /** How long a claim holds a job: longer than `timeoutMs`, so a live instance never loses one it is making. */
  leaseMs: number;
  /** Attempts before a job is failed for good. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each one after. */
  backoffMs: number;
  /** How often an idle worker asks the store for work (an approval on this instance wakes it at once). */
  pollMs: number;
}

export const PRINT_JOB_DEFAULTS: PrintJobSettings = {
  enabled: true,
  timeoutMs: 120_000,
  memoryMb: 512,
  leaseMs: 180_000,
  maxAttempts: 3,
  backoffMs: 30_000,
  pollMs: 2_000,
};

/** `PRINT_JOBS=0` turns the worker off; `PRINT_JOB_TIMEOUT_MS`, `_MEMORY_MB`, `_LEASE_MS`, `_ATTEMPTS`, `_BACKOFF_MS`, `_POLL_MS`. */
export function printJobSettingsFrom(env: NodeJS.ProcessEnv): PrintJobSettings {
  const number = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) < min)
      throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
    return Number(raw);
  };
  const timeoutMs = number('PRINT_JOB_TIMEOUT_MS', PRINT_JOB_DEFAULTS.timeoutMs, 1);
  const settings: PrintJobSettings = {
    enabled: env.PRINT_JOBS !== '0',
    timeoutMs,
    memoryMb: number('PRINT_JOB_MEMORY_MB', PRINT_JOB_DEFAULTS.memoryMb, 64),
    leaseMs: number('PRINT_JOB_LEASE_MS', Math.max(PRINT_JOB_DEFAULTS.leaseMs, timeoutMs + 60_000), 1),
    maxAttempts: number('PRINT_JOB_ATTEMPTS', PRINT_JOB_DEFAULTS.maxAttempts, 1),
    backoffMs: number('PRINT_JOB_BACKOFF_MS', PRINT_JOB_DEFAULTS.backoffMs, 0),
    pollMs: number('PRINT_JOB_POLL_MS', PRINT_JOB_DEFAULTS.pollMs, 10),
  };
  checkPrintJobSettings(settings);
  return settings;
}

export function checkPrintJobSettings(s: PrintJobSettings): void {
  // Saving the file and the result happen after the thread ends: leave them a few seconds inside the lease.
  if (s.leaseMs < s.timeoutMs + 5_000) {
    throw new Error(
      `PRINT_JOB_LEASE_MS (${s.leaseMs}) must be at least PRINT_JOB_TIMEOUT_MS + 5000 (${s.timeoutMs + 5_000})`,
    );
  }
}
