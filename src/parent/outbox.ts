/**
 * The host page's outbox for a framed studio's submissions: each one is
 * written to this page's own first-party IndexedDB (the helper's idb-keyval
 * store, beside the kept drafts) *before* the host's `onSubmission` sees it,
 * marked delivered when that handler resolves, and offered again on the next
 * `connectStudio` and on `online` until it is. Keyed by studio origin and the
 * submission message's id, which the handler also gets as its idempotency key.
 */
import { del, entries, get, set, type UseStore } from 'idb-keyval';
import { framePayloadRules, readMessage, type FramePayloads } from '../bridge/envelope.ts';
import type { Submission } from '../protocol/submission.ts';

export const PARENT_OUTBOX_FORMAT = 'co-design-parent-outbox';

export interface ParentOutboxRecord {
  format: typeof PARENT_OUTBOX_FORMAT;
  version: 1;
  /** The `submission` message's id: the same submission is never handed over twice under it. */
  id: string;
  origin: string;
  state: 'queued' | 'delivered';
  createdAt: number;
  attempts: number;
  deliveredAt?: number;
  /** Dropped once delivered (it can be 32 MB); the record stays so a repeat is recognised. */
  submission?: Submission;
}

const outboxKey = (origin: string, id: string): IDBValidKey => ['outbox', origin, id];

export function readRecord(origin: string, id: string, store: UseStore): Promise<ParentOutboxRecord | undefined> {
  return get<ParentOutboxRecord>(outboxKey(origin, id), store).then((r) => (isRecord(r, origin, id) ? r : undefined));
}

export function writeRecord(record: ParentOutboxRecord, store: UseStore): Promise<void> {
  return set(outboxKey(record.origin, record.id), record, store);
}

export function removeRecord(origin: string, id: string, store: UseStore): Promise<void> {
  return del(outboxKey(origin, id), store);
}

/** Queued records of one studio origin, oldest first, each submission checked as the bridge checks a message. */
export async function queuedRecords(origin: string, store: UseStore): Promise<ParentOutboxRecord[]> {
  const out: ParentOutboxRecord[] = [];
  for (const [key, value] of await entries(store)) {
    if (!Array.isArray(key) || key[0] !== 'outbox' || key[1] !== origin) continue;
    const record = value as ParentOutboxRecord;
    if (!isRecord(record, origin, String(key[2])) || record.state !== 'queued' || !validSubmission(record.submission))
      continue;
    out.push(record);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

function isRecord(r: unknown, origin: string, id: string): r is ParentOutboxRecord {
  const x = r as ParentOutboxRecord | undefined;
  return (
    !!x &&
    x.format === PARENT_OUTBOX_FORMAT &&
    x.version === 1 &&
    x.origin === origin &&
    x.id === id &&
    (x.state === 'queued' || x.state === 'delivered')
  );
}

/** Another script of this origin may have written the store: a submission is re-read as untrusted. */
function validSubmission(value: unknown): value is Submission {
  const checked = readMessage<'submission', FramePayloads>(
    { source: 'co-design-studio', v: 1, type: 'submission', id: 'kept', payload: value },
    { submission: framePayloadRules.submission },
  );
  return checked.kind === 'ok';
}

/**
 * One handover of a record at a time, across this page's tabs too (two tabs
 * reloading together): Web Locks where present, else this tab's own set.
 */
export async function exclusively(
  origin: string,
  id: string,
  busy: Set<string>,
  fn: () => Promise<void>,
): Promise<void> {
  const name = `co-design-studio:parent-outbox:${origin}:${id}`;
  if (busy.has(name)) return;
  busy.add(name);
  try {
    if (typeof navigator !== 'undefined' && navigator.locks)
      await navigator.locks.request(name, { ifAvailable: true }, (lock) => (lock ? fn() : undefined));
    else await fn();
  } finally {
    busy.delete(name);
  }
}
