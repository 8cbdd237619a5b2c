/**
 * One delivery at a time per record, across tabs. Web Locks where the page
 * has them (a lock dies with its tab, so a closed tab never blocks the
 * others); otherwise a lease written into the record by compare-and-set in
 * one IndexedDB transaction, renewed while held and taken over once expired.
 * Web Locks need a secure context, and brand pages are not always https.
 */
import type { OutboxStorage } from './outbox-store.ts';
import { checkRecord } from './outbox-record.ts';

export const LOCK_PREFIX = 'co-design-studio:outbox:';
/** A lease left by a closed tab blocks the others this long at most. */
export const LEASE_MS = 30_000;

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

export interface LockOptions {
  /** `navigator.locks`; null forces the lease (tests, old browsers). */
  locks?: LockManager | null;
  storage: OutboxStorage;
  /** This tab's lease owner id. */
  owner: string;
  now?: () => number;
}

/** Runs `fn` holding the record's lock, or returns `{ acquired: false }` at once when another holder has it. */
export async function withDeliveryLock<T>(id: string, fn: () => Promise<T>, options: LockOptions): Promise<Locked<T>> {
  const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
  if (locks) {
    return locks.request(LOCK_PREFIX + id, { ifAvailable: true }, async (lock): Promise<Locked<T>> => {
      if (!lock) return { acquired: false };
      return { acquired: true, value: await fn() };
    });
  }
  return withLease(id, fn, options);
}

async function withLease<T>(
  id: string,
  fn: () => Promise<T>,
  { storage, owner, now = Date.now }: LockOptions,
): Promise<Locked<T>> {
  const take = () =>
    storage.update(id, (raw) => {
      const checked = checkRecord(id, raw);
      if (!checked.ok) return undefined;
      const { lease } = checked.record;
      if (lease && lease.owner !== owner && lease.until > now()) return undefined;
      return { ...checked.record, lease: { owner, until: now() + LEASE_MS } };
    });
  if (!(await take())) {
    // Either held by another tab, or not a usable record: the caller reads it again and tells which.
    const checked = checkRecord(id, await storage.get(id));
    if (checked.ok) return { acquired: false };
    return { acquired: true, value: await fn() };
  }
  const renew = setInterval(() => void take().catch(() => undefined), LEASE_MS / 3);
  try {
    return { acquired: true, value: await fn() };
  } finally {
    clearInterval(renew);
    await storage
      .update(id, (raw) => {
        const checked = checkRecord(id, raw);
        if (!checked.ok || checked.record.lease?.owner !== owner) return undefined;
        const { lease: _released, ...rest } = checked.record;
        return rest;
      })
      .catch(() => undefined);
  }
}
