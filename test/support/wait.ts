/** Resolves with `fn()`'s first truthy value, polling; rejects after `timeout` ms, naming `what`. */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeout = 10_000, every = 50): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
