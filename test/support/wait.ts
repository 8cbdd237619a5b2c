/**
 * The one way the tests wait: for something a user (or the host page) would
 * see — the list item rendered, the record stored, the event fired — never
 * for a fixed time. Polls `fn` until it returns something truthy and resolves
 * with that; after `timeout` ms it rejects, naming `what` it waited for and,
 * if `what` is a function, what it saw instead (called only then).
 * Runs in the browser and in Node alike.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string | (() => string | Promise<string>), timeout = 10_000, every = 50): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${typeof what === 'string' ? what : await what()}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Resolves with the next event of `type` at `target`; rejects after `timeout` ms, naming it. */
export function nextEvent<E extends Event = Event>(target: EventTarget, type: string, timeout = 10_000): Promise<E> {
  return new Promise((resolve, reject) => {
    const heard = (e: Event) => {
      clearTimeout(timer);
      resolve(e as E);
    };
    const timer = setTimeout(() => {
      target.removeEventListener(type, heard);
      reject(new Error(`timed out after ${timeout} ms waiting for a ${type} event`));
    }, timeout);
    target.addEventListener(type, heard, { once: true });
  });
}
