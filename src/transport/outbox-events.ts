import type { ApiError, DeliveryReceipt } from '../protocol/submission.ts';
import type { UploadProgress } from './http.ts';
import type { OutboxError, OutboxRecord } from './outbox-record.ts';

/** What the outbox tells the UI; `sending`/`queued`/`sent` are the states the customer sees. */
export const OutboxEventType = {
  /** Stored (or kept in memory), not yet sent. */
  Queued: 'queued',
  /** An attempt started (`progress.loaded` 0) or its upload moved. */
  Sending: 'sending',
  /** The backend answered 2xx: `receipt` is its answer as it came; `replayed` when an earlier attempt had landed. */
  Sent: 'sent',
  /** A final refusal (4xx other than 408/429): `error` is the server's `{ code, message }`. */
  Failed: 'failed',
  /** An attempt failed and another follows at `retryAt` (undefined: when the browser is back online). */
  Retrying: 'retrying',
  /** A stored record was unreadable or tampered with and was moved out of the outbox, unsent. */
  SetAside: 'set-aside',
} as const;
export type OutboxEventType = (typeof OutboxEventType)[keyof typeof OutboxEventType];

export interface OutboxEventInit {
  record?: OutboxRecord;
  progress?: UploadProgress;
  receipt?: DeliveryReceipt;
  replayed?: boolean;
  error?: OutboxError | ApiError;
  retryAt?: number;
  attempt?: number;
  reason?: string;
}

/** One event class for every outbox event; fields beyond `id` depend on the type. */
export class OutboxEvent extends Event {
  readonly id: string;
  /** The record as stored, without its body (it can be 32 MB). */
  readonly record?: OutboxRecord;
  readonly progress?: UploadProgress;
  readonly receipt?: DeliveryReceipt;
  readonly replayed?: boolean;
  readonly error?: OutboxError | ApiError;
  /** ms since the epoch */
  readonly retryAt?: number;
  /** 1-based number of the attempt this event is about. */
  readonly attempt?: number;
  readonly reason?: string;

  constructor(type: OutboxEventType, id: string, init: OutboxEventInit = {}) {
    super(type);
    this.id = id;
    if (init.record) {
      const { body: _body, ...rest } = init.record;
      this.record = rest;
    }
    this.progress = init.progress;
    this.receipt = init.receipt;
    this.replayed = init.replayed;
    this.error = init.error;
    this.retryAt = init.retryAt;
    this.attempt = init.attempt;
    this.reason = init.reason;
  }
}

export type OutboxEventMap = { [K in OutboxEventType]: OutboxEvent };
