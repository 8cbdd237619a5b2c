/**
 * The outbox: a submission is written here, with its Idempotency-Key,
 * before its first attempt, and stays until the server has answered for
 * good (any 2xx, or a final refusal). It is retried with jittered backoff,
 * at least a second apart, on network errors, 408, 429, 5xx and a portal's
 * HTML page, flushed on `online` and at start-up (so it survives reloads),
 * and delivered by one tab at a time. docs/transport.md says why that adds up to
 * exactly once.
 *
 *   const outbox = await Outbox.open();
 *   outbox.addEventListener('sent', (e) => …e.receipt…);
 *   outbox.start();                                   // flush what a previous page left
 *   const { id } = await outbox.enqueue(submission, endpoint);
 *   const record = await outbox.deliver(id);          // sent, failed, or still queued
 */
import type { UseStore } from 'idb-keyval';
import { newId } from '../document/ids.ts';
import { openDraftsStore } from '../drafts/store.ts';
import type { Submission } from '../protocol/submission.ts';
import { designsUrl, NetworkCode, postSubmission, SendOutcome, utf8Length, type SendResult } from './http.ts';
import { withDeliveryLock } from './lock.ts';
import { OutboxEvent, OutboxEventType, type OutboxEventInit, type OutboxEventMap } from './outbox-events.ts';
import { checkBody, checkRecord, newRecord, OutboxState, type OutboxRecord } from './outbox-record.ts';
import { fallbackOutboxStorage, idbOutboxStorage, memoryOutboxStorage, type OutboxStorage } from './outbox-store.ts';
import { warnOnce } from './receipt.ts';
import { backoffDelay, DEFAULT_BACKOFF, MIN_ATTEMPT_GAP_MS, sleep, type BackoffPolicy } from './retry.ts';

export interface OutboxOptions {
  /** The idb-keyval store; default the drafts store (`openDraftsStore()`). */
  store?: UseStore;
  /** Replaces `store` entirely (e.g. `memoryOutboxStorage()`). */
  storage?: OutboxStorage;
  send?: typeof postSubmission;
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
  /** `navigator.locks` by default; null uses the IndexedDB lease. */
  locks?: LockManager | null;
  isOnline?: () => boolean;
  /** Where `online` is heard; default `window`. */
  events?: EventTarget;
  /** Give an attempt up when nothing moved for this long, ms. */
  stallMs?: number;
}

export interface Enqueued {
  id: string;
  key: string;
  /** False when storage refused the record: it is kept in memory and lost if the tab closes first. */
  persistent: boolean;
}

type Listener<K extends keyof OutboxEventMap> = (event: OutboxEventMap[K]) => void;
type AnyListener = EventListenerOrEventListenerObject;

export interface Outbox {
  addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: Listener<K>,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: AnyListener, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: Listener<K>,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: AnyListener, options?: boolean | EventListenerOptions): void;
}

export class Outbox extends EventTarget {
  /** IndexedDB when it answers, else an in-memory outbox with the same API (`persistent` false). */
  static async open(options: OutboxOptions = {}): Promise<Outbox> {
    if (options.storage) return new Outbox(options.storage, options);
    try {
      const primary = idbOutboxStorage(options.store ?? openDraftsStore());
      await primary.get('probe');
      return new Outbox(fallbackOutboxStorage(primary), options);
    } catch {
      return new Outbox(memoryOutboxStorage(), options);
    }
  }

  /** Removed here while a delivery may be waiting to retry it. */
  private readonly removed = new Set<string>();
  /** Answered 2xx in this tab: never sent again from here, whatever storage says. */
  private readonly delivered = new Set<string>();
  private readonly running = new Map<string, Promise<OutboxRecord | undefined>>();
  private readonly closing = new AbortController();
  private wake = new AbortController();
  private started = false;
  private readonly owner = newId();
  private readonly now: () => number;
  private readonly events: EventTarget | undefined;

  constructor(
    readonly storage: OutboxStorage,
    private readonly options: OutboxOptions = {},
  ) {
    super();
    this.now = options.now ?? Date.now;
    this.events = options.events ?? (typeof window === 'undefined' ? undefined : window);
    this.events?.addEventListener('online', this.handleOnline);
  }

  /** Whether every record so far is in IndexedDB (false: some or all live only in this tab). */
  get persistent(): boolean {
    return this.storage.persistent;
  }

  /** Flushes now and again on every `online`; call once at start-up. */
  start(): Promise<void> {
    this.started = true;
    return this.flush().then(() => undefined);
  }

  /** Stops every delivery of this instance (a record in flight stays queued for the next flush) and listens no more. */
  close(): void {
    this.events?.removeEventListener('online', this.handleOnline);
    this.closing.abort(new DOMException('The outbox was closed', 'AbortError'));
  }

  /** Stores the submission with a new Idempotency-Key, before any attempt. */
  async enqueue(submission: Submission, endpoint: string): Promise<Enqueued> {
    const record = newRecord(newId(), newId(32), endpoint, submission, this.now());
    const checked = checkRecord(record.id, record);
    if (!checked.ok) throw new TypeError(`cannot queue this submission (${checked.reason})`);
    await this.storage.put(record);
    const volatile = (this.storage as Partial<{ isVolatile(id: string): boolean }>).isVolatile?.(record.id) ?? false;
    const persistent = this.storage.persistent && !volatile;
    this.emit(OutboxEventType.Queued, record.id, { record });
    return { id: record.id, key: record.key, persistent };
  }

  /**
   * Delivers one record: resolves when it is sent or failed for good, or
   * still queued when another tab holds it or this outbox was closed;
   * undefined when it is gone or was set aside. One run per record here,
   * one per record across tabs.
   */
  deliver(id: string): Promise<OutboxRecord | undefined> {
    let running = this.running.get(id);
    if (!running) {
      running = this.lockAndRun(id).finally(() => this.running.delete(id));
      this.running.set(id, running);
    }
    return running;
  }

  /** Delivers every queued record (in parallel: one on a Retry-After must not hold up the others). */
  async flush(): Promise<OutboxRecord[]> {
    const rows = await this.storage.list();
    const delivered = await Promise.all(
      rows.map(async ({ id, value }) => {
        const checked = checkRecord(id, value);
        if (!checked.ok) return void (await this.setAside(id, checked.reason));
        // One record's broken storage must not keep the others from going out.
        if (checked.record.state === OutboxState.Queued) return this.deliver(id).catch(() => undefined);
        return undefined;
      }),
    );
    return delivered.filter((r): r is OutboxRecord => r !== undefined);
  }

  /** Every usable record without its body, oldest first, for the UI; bad ones are set aside. */
  async list(): Promise<OutboxRecord[]> {
    const records: OutboxRecord[] = [];
    for (const { id, value } of await this.storage.list()) {
      const checked = checkRecord(id, value);
      if (!checked.ok) await this.setAside(id, checked.reason);
      else {
        const { body: _body, ...rest } = checked.record;
        records.push(rest);
      }
    }
    return records.sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Forgets a record (the UI dismissing a sent or failed one). A delivery in flight still finishes. */
  remove(id: string): Promise<void> {
    this.removed.add(id);
    return this.storage.remove(id);
  }

  private readonly handleOnline = () => {
    const wake = this.wake;
    this.wake = new AbortController();
    wake.abort();
    if (this.started) void this.flush().catch(() => undefined);
  };

  private async lockAndRun(id: string): Promise<OutboxRecord | undefined> {
    const locked = await withDeliveryLock(id, () => this.run(id), {
      locks: this.options.locks,
      storage: this.storage,
      owner: this.owner,
      now: this.now,
    });
    if (locked.acquired) return locked.value;
    return this.read(id);
  }

  /** The record, checked; a bad one is set aside and reads as undefined. */
  private async read(id: string): Promise<OutboxRecord | undefined> {
    const raw = await this.storage.get(id);
    if (raw === undefined) return undefined;
    const checked = checkRecord(id, raw);
    if (checked.ok) return checked.record;
    await this.setAside(id, checked.reason);
    return undefined;
  }

  private async setAside(id: string, reason: string): Promise<void> {
    await this.storage.setAside(id, reason);
    this.emit(OutboxEventType.SetAside, id, { reason });
  }

  /** Runs under the record's lock: attempts until the server answers for good or the outbox closes. */
  private async run(id: string): Promise<OutboxRecord | undefined> {
    let record = await this.read(id);
    if (!record || record.state !== OutboxState.Queued || this.delivered.has(id)) return record;
    const bad = checkBody(record);
    if (bad) {
      await this.setAside(id, bad);
      return undefined;
    }
    const signal = this.closing.signal;
    const isOnline = this.options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
    const policy = this.options.backoff ?? DEFAULT_BACKOFF;
    const total = utf8Length(record.body!);
    try {
      for (;;) {
        if (this.removed.has(id)) return undefined;
        // The spacing and a Retry-After hold whatever woke this run (a backoff, `online`, a flush).
        const wait = record.notBefore - this.now();
        if (wait > 0) await sleep(wait, signal);
        if (!isOnline()) {
          this.emit(OutboxEventType.Retrying, id, { record, reason: 'offline' });
          // The cap bounds a webview whose navigator.onLine stays false by mistake.
          await sleep(policy.capMs, signal, this.wake.signal);
          if (!isOnline()) continue;
        }
        const attempt = record.attempts + 1;
        // Taken now: an `online` heard while this attempt is out still cuts the backoff after it short.
        const wake = this.wake.signal;
        // Stored before it goes, so a tab that closes mid-attempt still spaces the next one, in any tab.
        const notBefore = this.now() + MIN_ATTEMPT_GAP_MS;
        const started = await this.save(id, { ...record, attempts: attempt, notBefore });
        if (started.removed) return undefined;
        record = started.record;
        this.emit(OutboxEventType.Sending, id, { record, attempt, progress: { loaded: 0, total } });
        const result = await (this.options.send ?? postSubmission)(record.endpoint, record.body!, {
          key: record.key,
          signal,
          stallMs: this.options.stallMs,
          now: this.now,
          onProgress: (progress) => this.emit(OutboxEventType.Sending, id, { record, attempt, progress }),
        });
        this.tellDeveloper(record.endpoint, result);
        // After any 2xx nothing goes again from this tab, even if storage fails to say so below.
        if (result.outcome === SendOutcome.Sent) this.delivered.add(id);
        const saved = await this.save(id, this.after(record, attempt, result));
        // Removed meanwhile: nothing left to retry.
        if (saved.removed && result.outcome === SendOutcome.Retry) return undefined;
        record = saved.record;
        if (result.outcome === SendOutcome.Sent) {
          this.emit(OutboxEventType.Sent, id, { record, attempt, receipt: result.receipt, replayed: result.replayed });
          return record;
        }
        if (result.outcome === SendOutcome.Final) {
          this.emit(OutboxEventType.Failed, id, { record, attempt, error: record.lastError });
          return record;
        }
        const backoff = backoffDelay(attempt, policy, this.options.random);
        const delay = Math.max(backoff, record.notBefore - this.now());
        const retryAt = this.now() + delay;
        this.emit(OutboxEventType.Retrying, id, { record, attempt, error: record.lastError, retryAt });
        // `online` may cut the backoff short, never the spacing or a Retry-After (notBefore, at the top).
        await sleep(delay, signal, wake);
      }
    } catch (error) {
      if (signal.aborted) return record;
      throw error;
    }
  }

  /** The record after an attempt's result. */
  private after(record: OutboxRecord, attempt: number, result: SendResult): OutboxRecord {
    const { body, lastError: _lastError, ...rest } = record;
    const now = this.now();
    if (result.outcome === SendOutcome.Sent) {
      const { receipt, replayed } = result;
      return { ...rest, state: OutboxState.Sent, attempts: attempt, notBefore: 0, receipt, replayed, sentAt: now };
    }
    const lastError = { ...result.error, status: result.status };
    if (result.outcome === SendOutcome.Final) {
      return { ...rest, body, state: OutboxState.Failed, attempts: attempt, notBefore: 0, lastError };
    }
    const notBefore = now + Math.max(MIN_ATTEMPT_GAP_MS, result.retryAfterMs ?? 0);
    return { ...rest, body, attempts: attempt, notBefore, lastError };
  }

  /** A backend that answers outside the protocol works, but its developer should hear of it (once per page). */
  private tellDeveloper(endpoint: string, result: SendResult): void {
    const url = designsUrl(endpoint);
    const where = `POST ${url}`;
    if (result.outcome === SendOutcome.Sent && result.unlike) {
      const what = `answered ${result.status}, which counts as delivered, but not with the protocol's receipt`;
      const then = 'Its answer is passed on as it came in co-design-submitted';
      warnOnce(url, 'receipt', `${where} ${what} { id, status }: ${result.unlike}. ${then}`);
    }
    if (result.outcome === SendOutcome.Retry && result.error.code === NetworkCode.BadAnswer) {
      const what = 'taken for a captive portal or a proxy answering for the backend; the submission goes again later';
      const fix = 'A backend should answer its 2xx with JSON or nothing';
      warnOnce(url, 'html', `${where}: ${result.error.message}, ${what}. ${fix}`);
    }
  }

  /**
   * Writes the record unless it was removed meanwhile; never throws. A write
   * that fails loses only bookkeeping: a queued record stays queued, and its
   * next attempt carries the same key. A delivered one is written up to three
   * times before it is announced; should all fail, this tab still never sends
   * it again (`delivered`), but a later visit may, and only a backend that
   * honours the Idempotency-Key takes that for a replay.
   */
  private async save(id: string, next: OutboxRecord): Promise<{ record: OutboxRecord; removed: boolean }> {
    let removed = false;
    const tries = next.state === OutboxState.Sent ? 3 : 1;
    for (let i = 0; i < tries; i++) {
      try {
        await this.storage.update(id, (stored) => {
          removed = stored === undefined;
          if (removed) return undefined;
          const lease = checkRecord(id, stored);
          return lease.ok && lease.record.lease ? { ...next, lease: lease.record.lease } : next;
        });
        break;
      } catch {
        // See above.
      }
    }
    return { record: next, removed };
  }

  private emit(type: OutboxEventType, id: string, init: OutboxEventInit): void {
    this.dispatchEvent(new OutboxEvent(type, id, init));
  }
}
