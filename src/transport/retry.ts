/**
 * When to try again: exponential backoff with "equal jitter" (AWS
 * Architecture Blog, "Exponential Backoff and Jitter"), never sooner than a
 * server's Retry-After, and never two attempts of one submission less than
 * MIN_ATTEMPT_GAP_MS apart.
 */

export interface BackoffPolicy {
  /** Half the first window, ms: the wait after the first failure is in [baseMs, 2·baseMs). */
  baseMs: number;
  /** Largest window, ms: no wait is longer. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/**
 * The least time from the end of one attempt of a submission to the start
 * of its next, whatever woke it (a backoff, `online`, a flush at the next
 * visit, a Retry-After of 0). Stored in the record, so other tabs and
 * reloads keep it too.
 */
export const MIN_ATTEMPT_GAP_MS = 1000;

/** A Retry-After longer than this is treated as this: a misconfigured proxy must not park a design for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The wait after the `failures`-th failed attempt (1-based): uniform in
 * [w/2, w) with w = min(cap, base·2^failures), i.e. 1–2 s, 2–4 s, 4–8 s …
 * 30–60 s by default. The fixed half makes the wait grow for real (full
 * jitter can draw ~0 ms); the random half spreads the tabs and customers
 * that all lost the network at once, so they do not come back in step.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures, 1), 30));
  return Math.floor(window / 2 + (random() * window) / 2);
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
