/**
 * Where outbox records live: small functions over the drafts' idb-keyval
 * store (keys `['outbox', id]`), and an in-memory twin with the same
 * interface for when IndexedDB is missing, denied or full.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import { withTimeout } from '../drafts/store.ts';
import type { OutboxRecord } from './outbox-record.ts';

export interface OutboxStorage {
  /** False for the in-memory twin: a record there is gone with the tab. */
  readonly persistent: boolean;
  /** Every record's id and raw value, unchecked. */
  list(): Promise<Array<{ id: string; value: unknown }>>;
  get(id: string): Promise<unknown>;
  put(record: OutboxRecord): Promise<void>;
  /**
   * Read-modify-write in one transaction (so two tabs never both win):
   * `change` gets the stored raw value and returns the new record, or
   * undefined to leave it as it is. Resolves with what was written.
   */
  update(id: string, change: (stored: unknown) => OutboxRecord | undefined): Promise<OutboxRecord | undefined>;
  remove(id: string): Promise<void>;
  /** Moves a record out of the outbox, as it was, with the reason: kept for support, never sent. */
  setAside(id: string, reason: string): Promise<void>;
}

const outboxRange = () => IDBKeyRange.bound(['outbox'], ['outbox', []]);

export function idbOutboxStorage(store: UseStore): OutboxStorage {
  return {
    persistent: true,
    list: () =>
      withTimeout(
        store('readonly', async (s) => {
          const [keys, values] = await Promise.all([
            promisifyRequest(s.getAllKeys(outboxRange())),
            promisifyRequest(s.getAll(outboxRange())),
          ]);
          return keys.map((key, i) => ({ id: String((key as IDBValidKey[])[1]), value: values[i] }));
        }),
      ),
    get: (id) => withTimeout(store('readonly', (s) => promisifyRequest(s.get(['outbox', id])))),
    put: (record) =>
      withTimeout(
        store('readwrite', (s) => {
          s.put(record, ['outbox', record.id]);
          return promisifyRequest(s.transaction);
        }),
      ),
    update: (id, change) =>
      withTimeout(
        store(
          'readwrite',
          (s) =>
            new Promise<OutboxRecord | undefined>((resolve, reject) => {
              const tx = s.transaction;
              let written: OutboxRecord | undefined;
              tx.oncomplete = () => resolve(written);
              tx.onabort = tx.onerror = () =>
                reject(tx.error ?? new DOMException('The outbox write was aborted', 'AbortError'));
              const read = s.get(['outbox', id]);
              read.onsuccess = () => {
                try {
                  written = change(read.result);
                  if (written) s.put(written, ['outbox', id]);
                } catch (error) {
                  tx.abort();
                  reject(error);
                }
              };
            }),
        ),
      ),
    remove: (id) =>
      withTimeout(
        store('readwrite', (s) => {
          s.delete(['outbox', id]);
          return promisifyRequest(s.transaction);
        }),
      ),
    setAside: (id, reason) =>
      withTimeout(
        store('readwrite', async (s) => {
          const value = await promisifyRequest(s.get(['outbox', id]));
          s.put({ reason, at: new Date().toISOString(), value }, ['outbox-aside', id, Date.now()]);
          s.delete(['outbox', id]);
          return promisifyRequest(s.transaction);
        }),
      ),
  };
}

/** Records set aside, for support tools and tests. */
export function readSetAside(
  store: UseStore,
): Promise<Array<{ key: IDBValidKey; value: { reason: string; value: unknown } }>> {
  const range = IDBKeyRange.bound(['outbox-aside'], ['outbox-aside', []]);
  return withTimeout(
    store('readonly', async (s) => {
      const [keys, values] = await Promise.all([
        promisifyRequest(s.getAllKeys(range)),
        promisifyRequest(s.getAll(range)),
      ]);
      return keys.map((key, i) => ({ key, value: values[i] }));
    }),
  );
}

/** The same interface in a Map; values are cloned in and out, as IndexedDB would. */
export function memoryOutboxStorage(): OutboxStorage {
  const records = new Map<string, unknown>();
  const aside: Array<{ id: string; reason: string; value: unknown }> = [];
  return {
    persistent: false,
    list: async () => [...records].map(([id, value]) => ({ id, value: structuredClone(value) })),
    get: async (id) => structuredClone(records.get(id)),
    put: async (record) => void records.set(record.id, structuredClone(record)),
    update: async (id, change) => {
      const written = change(structuredClone(records.get(id)));
      if (written) records.set(id, structuredClone(written));
      return written;
    },
    remove: async (id) => void records.delete(id),
    setAside: async (id, reason) => {
      aside.push({ id, reason, value: records.get(id) });
      records.delete(id);
    },
  };
}

/**
 * IndexedDB first; a record it cannot take (quota, a denied or broken
 * database) is kept in memory instead, so a submission is still sent while
 * the tab stays open. Each id is served by the storage that holds it.
 */
export function fallbackOutboxStorage(
  primary: OutboxStorage,
  memory: OutboxStorage = memoryOutboxStorage(),
): OutboxStorage & { isVolatile(id: string): boolean } {
  const volatile = new Set<string>();
  const pick = (id: string) => (volatile.has(id) ? memory : primary);
  return {
    get persistent() {
      return volatile.size === 0;
    },
    isVolatile: (id) => volatile.has(id),
    list: async () => {
      const stored = await primary.list().catch(() => []);
      return [...stored.filter((r) => !volatile.has(r.id)), ...(await memory.list())];
    },
    get: (id) => pick(id).get(id),
    put: async (record) => {
      if (volatile.has(record.id)) return memory.put(record);
      try {
        await primary.put(record);
      } catch {
        volatile.add(record.id);
        await memory.put(record);
      }
    },
    update: (id, change) => pick(id).update(id, change),
    remove: (id) => pick(id).remove(id),
    setAside: (id, reason) => pick(id).setAside(id, reason),
  };
}
