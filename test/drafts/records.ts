import { get, set, del, keys, type UseStore } from 'idb-keyval';

/** A draft's records as stored, read straight from IndexedDB. */
export interface StoredDraft {
  meta: Record<string, unknown>;
  body: Record<string, unknown>;
  chunks: Array<[IDBValidKey[], Record<string, unknown>]>;
}

export async function readStored(id: string, store: UseStore): Promise<StoredDraft> {
  const all = (await keys(store)) as IDBValidKey[][];
  const chunkKeys = all.filter((k) => k[0] === 'chunk' && k[1] === id);
  return {
    meta: (await get(['meta', id], store))!,
    body: (await get(['body', id], store))!,
    chunks: await Promise.all(chunkKeys.map(async (k) => [k, await get(k, store)] as [IDBValidKey[], Record<string, unknown>])),
  };
}

/**
 * Writes a copy of a stored draft under another id and key, as another
 * script of the origin (or a disk fault) could: the studio must not trust it.
 */
export async function writeStored(draft: StoredDraft, id: string, key: string, store: UseStore, opts: { updated?: string; current?: boolean } = {}): Promise<void> {
  const meta: Record<string, unknown> = { ...structuredClone(draft.meta), id, key, updated: opts.updated ?? new Date().toISOString() };
  const body = { ...structuredClone(draft.body), id };
  for (const [k, value] of draft.chunks) await set(['chunk', id, ...k.slice(2)], structuredClone(value), store);
  await set(['body', id], body, store);
  await set(['meta', id], meta, store);
  if (opts.current) await set(['current', String((meta.template as { id: string }).id), key], id, store);
}

export async function removeStored(id: string, store: UseStore): Promise<void> {
  const all = (await keys(store)) as IDBValidKey[][];
  for (const k of all) if (k[1] === id && (k[0] === 'chunk' || k[0] === 'meta' || k[0] === 'body')) await del(k, store);
}

export async function quarantined(store: UseStore): Promise<Array<{ key: IDBValidKey[]; reason: string }>> {
  const all = (await keys(store)) as IDBValidKey[][];
  const out = [];
  for (const k of all.filter((k) => k[0] === 'quarantine')) out.push({ key: k, reason: ((await get(k, store)) as { reason: string }).reason });
  return out;
}
