/**
 * When to try again: full-jitter exponential backoff (AWS Architecture Blog,
 * "Exponential Backoff and Jitter"), never sooner than a server's Retry-After.
 */

export interface BackoffPolicy {
  /** First window, ms: attempt 1 waits a random time in [0, baseMs). */
  baseMs: number;
  /** Largest window, ms. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** A Retry-After longer than this is treated as this: a misconfigured proxy must not park a design for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The wait after the `failures`-th failed attempt (1-based): uniform in
 * [0, min(cap, base·2^(failures-1))). Full jitter spreads the tabs and
 * customers that all lost the network at once, so they do not return in step.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.floor(random() * window);
}

/**
 * Retry-After as ms from `now`: delta-seconds or an HTTP-date (RFC 9110
 * §10.2.3); undefined when absent or unreadable, clamped to [0, MAX_RETRY_AFTER_MS].
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    // Date.parse reads "-5" as a year: an HTTP-date always names its month.
    if (!/[A-Za-z]/.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** Resolves after `ms`, or early when `wake` fires; rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal, wake?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      wake?.removeEventListener('abort', done);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      wake?.removeEventListener('abort', done);
      reject(signal!.reason);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', abort, { once: true });
    if (wake?.aborted) return done();
    wake?.addEventListener('abort', done, { once: true });
  });
}
