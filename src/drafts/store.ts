/**
 * The drafts store: small functions over an idb-keyval store of our own
 * (never the default `keyval-store`, which belongs to the host page). Keys
 * are arrays, so one object store holds every kind of record:
 *   ['meta', id]                      the drafts list entry
 *   ['body', id]                      design skeleton, history, metrics
 *   ['chunk', id, view, layer, part]  a paint layer's marks
 *   ['current', template, key]        the draft a template + draft-key opens
 *   ['quarantine', id, time]          a record that could not be opened, kept
 *   ['raster', id, view, layer]       a baked layer bitmap, a cache (rasters.ts)
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
import type { ChunkKey } from './chunks.ts';
import type { DraftBody, DraftChunk, DraftMeta } from './records.ts';

export const DATABASE = 'co-design-studio';
export const STORE = 'drafts';

/** A store operation that has not answered in this long is treated as storage being unavailable. */
export const STORE_TIMEOUT_MS = 4000;

/**
 * idb-keyval's `createStore`, plus one thing it lacks: when another tab (a
 * newer studio, a cleanup script) asks for the database, this connection lets
 * go instead of blocking it forever, and reopens on its next use.
 */
export function openDraftsStore(): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const getDB = (): Promise<IDBDatabase> => {
    if (dbp) return dbp;
    const request = indexedDB.open(DATABASE);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    const opening = (dbp = promisifyRequest(request));
    opening.then(
      (db) => {
        db.onversionchange = () => {
          db.close();
          if (dbp === opening) dbp = undefined;
        };
        db.onclose = () => {
          if (dbp === opening) dbp = undefined;
        };
      },
      () => {
        if (dbp === opening) dbp = undefined;
      },
    );
    return opening;
  };
  return (mode, callback) => getDB().then((db) => callback(db.transaction(STORE, mode).objectStore(STORE)));
}

const metaRange = () => IDBKeyRange.bound(['meta'], ['meta', []]);
const chunkRange = (id: string) => IDBKeyRange.bound(['chunk', id], ['chunk', id, []]);
export const rasterRange = (id: string) => IDBKeyRange.bound(['raster', id], ['raster', id, []]);

/** Rejects with a TimeoutError when `promise` hangs (a blocked database never answers). */
export function withTimeout<T>(promise: Promise<T>, ms = STORE_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DOMException(`The drafts store did not answer in ${ms} ms`, 'TimeoutError')),
      ms,
    );
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** Every meta record, with its key's id, unvalidated. */
export function readMetas(store: UseStore): Promise<Array<{ id: string; value: unknown }>> {
  return withTimeout(
    store('readonly', async (s) => {
      const [keys, values] = await Promise.all([
        promisifyRequest(s.getAllKeys(metaRange())),
        promisifyRequest(s.getAll(metaRange())),
      ]);
      return keys.map((key, i) => ({ id: String((key as IDBValidKey[])[1]), value: values[i] }));
    }),
  );
}

export interface RawDraft {
  meta: unknown;
  body: unknown;
  /** Kept apart from the body, so time counted while nothing was edited never bumps the draft's rev. */
  metrics: unknown;
  /** Chunk records by JSON of their key. */
  chunks: Map<string, unknown>;
}

/** One draft's records, read in one transaction so they belong together. */
export function readDraft(id: string, store: UseStore): Promise<RawDraft> {
  return withTimeout(
    store('readonly', async (s) => {
      const [meta, body, keys, values, metrics] = await Promise.all([
        promisifyRequest(s.get(['meta', id])),
        promisifyRequest(s.get(['body', id])),
        promisifyRequest(s.getAllKeys(chunkRange(id))),
        promisifyRequest(s.getAll(chunkRange(id))),
        promisifyRequest(s.get(['metrics', id])),
      ]);
      return { meta, body, metrics, chunks: new Map(keys.map((k, i) => [JSON.stringify(k), values[i]])) };
    }),
  );
}

export interface DraftWrite {
  meta: DraftMeta;
  body: DraftBody;
  put: Array<[ChunkKey, DraftChunk]>;
  drop: ChunkKey[];
  /** Also make this draft the one its template + key opens. */
  current?: boolean;
  /** The summed metrics, kept in their own record. */
  metrics?: unknown;
}

export type WriteResult = { ok: true } | { ok: false; stored: unknown };

/**
 * Writes a draft if the stored one is still at `expectedRev` (null: must not
 * exist yet). The check and the writes share one readwrite transaction, and
 * IndexedDB runs those one at a time for the whole origin, so two tabs can
 * never both win: the loser learns what was stored instead and loses nothing.
 */
export function writeDraft(write: DraftWrite, expectedRev: number | null, store: UseStore): Promise<WriteResult> {
  const id = write.meta.id;
  return withTimeout(
    store(
      'readwrite',
      (s) =>
        new Promise<WriteResult>((resolve, reject) => {
          const tx = s.transaction;
          let result: WriteResult = { ok: true };
          tx.oncomplete = () => resolve(result);
          tx.onabort = tx.onerror = () => reject(tx.error ?? new DOMException('The save was aborted', 'AbortError'));
          const read = s.get(['meta', id]);
          read.onsuccess = () => {
            const stored = read.result as { rev?: unknown } | undefined;
            if (expectedRev === null ? stored !== undefined : stored?.rev !== expectedRev) {
              result = { ok: false, stored };
              return;
            }
            try {
              for (const key of write.drop) s.delete(key);
              for (const [key, value] of write.put) s.put(value, key);
              s.put(write.body, ['body', id]);
              s.put(write.meta, ['meta', id]);
              if (write.metrics) s.put(write.metrics, ['metrics', id]);
              if (write.current) s.put(id, ['current', write.meta.template.id, write.meta.key]);
            } catch (error) {
              // DataCloneError and friends: nothing of this save may land.
              tx.abort();
              reject(error);
            }
          };
        }),
    ),
  );
}

/** Changes only the meta record (rename), under the same rev check. */
export function writeMeta(meta: DraftMeta, expectedRev: number, store: UseStore): Promise<WriteResult> {
  return withTimeout(
    store(
      'readwrite',
      (s) =>
        new Promise<WriteResult>((resolve, reject) => {
          const tx = s.transaction;
          let result: WriteResult = { ok: true };
          tx.oncomplete = () => resolve(result);
          tx.onabort = tx.onerror = () => reject(tx.error);
          const read = s.get(['meta', meta.id]);
          read.onsuccess = () => {
            if ((read.result as { rev?: unknown } | undefined)?.rev !== expectedRev)
              result = { ok: false, stored: read.result };
            else s.put(meta, ['meta', meta.id]);
          };
        }),
    ),
  );
}

/** Stores a draft's summed metrics; no rev, no broadcast: other tabs have nothing to reload. */
export function writeMetrics(id: string, metrics: unknown, store: UseStore): Promise<void> {
  return withTimeout(
    store('readwrite', (s) => {
      s.put(metrics, ['metrics', id]);
      return promisifyRequest(s.transaction);
    }),
  );
}

export function readCurrent(templateId: string, key: string, store: UseStore): Promise<unknown> {
  return withTimeout(store('readonly', (s) => promisifyRequest(s.get(['current', templateId, key]))));
}

export function writeCurrent(templateId: string, key: string, id: string, store: UseStore): Promise<void> {
  return withTimeout(
    store('readwrite', (s) => {
      s.put(id, ['current', templateId, key]);
      return promisifyRequest(s.transaction);
    }),
  );
}

/** Removes a draft: meta, body and every chunk, in one transaction. */
export function deleteDraft(id: string, store: UseStore): Promise<void> {
  return withTimeout(
    store('readwrite', (s) => {
      s.delete(['meta', id]);
      s.delete(['body', id]);
      s.delete(['metrics', id]);
      s.delete(chunkRange(id));
      s.delete(rasterRange(id));
      return promisifyRequest(s.transaction);
    }),
  );
}

/**
 * Sets a draft aside: its records move, as they were, under one quarantine
 * key with the reason, and leave the drafts list. Nothing is deleted, so a
 * support engineer (or a later version) can still recover it.
 */
export function quarantineDraft(id: string, reason: string, store: UseStore): Promise<void> {
  return withTimeout(
    store('readwrite', async (s) => {
      const [meta, body, chunkKeys, chunks] = await Promise.all([
        promisifyRequest(s.get(['meta', id])),
        promisifyRequest(s.get(['body', id])),
        promisifyRequest(s.getAllKeys(chunkRange(id))),
        promisifyRequest(s.getAll(chunkRange(id))),
      ]);
      s.put({ reason, at: new Date().toISOString(), meta, body, chunkKeys, chunks }, ['quarantine', id, Date.now()]);
      s.delete(['meta', id]);
      s.delete(['body', id]);
      s.delete(chunkRange(id));
      s.delete(rasterRange(id));
      return promisifyRequest(s.transaction);
    }),
  );
}

/** Quarantined records, for support tools and tests. */
export function readQuarantine(
  store: UseStore,
): Promise<Array<{ key: IDBValidKey; value: { reason: string; meta: unknown; body: unknown } }>> {
  const range = IDBKeyRange.bound(['quarantine'], ['quarantine', []]);
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
