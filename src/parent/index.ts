/**
 * `co-design-studio/parent`: the host page's side of the iframe bridge.
 *
 *   const studio = connectStudio(iframe, { origin: 'https://studio.brand.example', onSubmission });
 *
 * Listens only to `iframe.contentWindow` at exactly `origin`, posts only to
 * that origin, validates every payload (designs through `parseDesign`),
 * sizes the iframe from the studio's `height`, and keeps the studio's drafts
 * in this page's own IndexedDB when the frame says its storage is denied.
 * No lit, no fabric: a host page pulls in the document validator and valibot.
 */
import type { UseStore } from 'idb-keyval';
import { newId } from '../document/ids.ts';
import { parseDesign } from '../document/validate.ts';
import type { DesignDocument } from '../document/types.ts';
import {
  BridgeErrorCode,
  envelope,
  exactOrigin,
  FrameMessage,
  framePayloadRules,
  readMessage,
  StorageState,
  type Envelope,
  type FramePayloads,
  type ParentMessage,
  type ParentPayloads,
  type ReadyPayload,
} from '../bridge/envelope.ts';
import { MetricsMode } from '../metrics/mode.ts';
import type { MetricsReport } from '../protocol/metrics.ts';
import type { Submission } from '../protocol/submission.ts';
import { keepDraft, parentDraftsStore, readKeptDraft } from './drafts.ts';
import {
  exclusively,
  queuedRecords,
  readRecord,
  writeRecord,
  PARENT_OUTBOX_FORMAT,
  type ParentOutboxRecord,
} from './outbox.ts';

export interface ConnectOptions {
  /** The studio's exact origin (`https://studio.brand.example`): the only one listened to and posted to. */
  origin: string;
  /**
   * A finished design; resolve when it is safe with you (the studio then shows
   * it as sent). Kept in this page's own IndexedDB before it is handed to you,
   * and handed over again (next `connectStudio`, `online`) until you resolve;
   * `meta.id` is the same every time: use it as your Idempotency-Key.
   */
  onSubmission?(submission: Submission, meta: { id: string }): void | Promise<void>;
  /**
   * The participant token your backend signed for the signed-in customer
   * (docs/campaigns.md), sent when the studio says `ready`, like `metrics`;
   * `setParticipant` changes it later (sign-in, sign-out).
   */
  participant?: string;
  onMetrics?(report: MetricsReport): void;
  /**
   * The studio's time-on-task switch (docs/privacy.md), sent the moment the
   * studio says `ready` and before any other command; `setMetrics` changes
   * it later. Left out, the frame's own `metrics` attribute decides. To
   * measure nothing before consent, also put `metrics="off"` on the frame's
   * element (e.g. from the iframe's URL): before `ready` only the frame knows.
   * While `off` this page passes no report to `onMetrics`.
   */
  metrics?: MetricsMode;
  /** The studio's content height; the iframe's height is already set to it. */
  onHeight?(height: number): void;
  onReady?(ready: ReadyPayload): void;
  onChange?(change: FramePayloads['change']): void;
  /** The studio reported an error, or refused one of our messages. */
  onError?(error: FramePayloads['error']): void;
  /** Where kept drafts and the outbox go; default `createStore('co-design-studio-parent', 'drafts')`. */
  storage?: UseStore;
  /** Leave the iframe's height alone (the host lays it out itself). */
  autoHeight?: boolean;
}

export interface StudioConnection {
  /** Replaces the design; rejects with `{ code, message }` when the studio refuses it. */
  loadDesign(doc: DesignDocument): Promise<void>;
  setAuthor(name: string | null): Promise<void>;
  /** The customer signed in (a participant token your backend signed) or out (null). */
  setParticipant(token: string | null): Promise<void>;
  /** Time on task `on` (a fresh session) or `off` (nothing measured, kept or sent), e.g. from a consent banner. */
  setMetrics(mode: MetricsMode): Promise<void>;
  /** Opens the studio's submit flow; the submission arrives through `onSubmission`. */
  submit(): Promise<void>;
  /**
   * Offers `onSubmission` what this page's outbox still holds for the studio (also done on connect and on
   * `online`).
   */
  flushOutbox(): Promise<void>;
  disconnect(): void;
}

type Command = 'load-design' | 'set-author' | 'set-participant' | 'set-metrics' | 'submit' | 'draft-restore';
type FrameEnvelope = { [K in FrameMessage]: Envelope<K, FramePayloads[K]> }[FrameMessage];

interface Pending {
  resolve(): void;
  reject(error: { code: string; message: string }): void;
}

export function connectStudio(iframe: HTMLIFrameElement, options: ConnectOptions): StudioConnection {
  const origin = exactOrigin(options.origin);
  if (!origin)
    throw new TypeError(
      "connectStudio: origin must be the studio's exact origin (e.g. https://studio.example), " +
        `got ${JSON.stringify(options.origin)}`,
    );
  const store = options.storage ?? parentDraftsStore();
  let metricsMode = options.metrics === undefined ? undefined : checkedMode(options.metrics);
  let participant: string | null | undefined = options.participant;
  const pending = new Map<string, Pending>();
  // Commands wait for `ready`: before it the frame may not be listening yet, or may be another page.
  let ready = false;
  let queue: Array<() => void> = [];
  let connected = true;

  const post = <T extends ParentMessage>(type: T, payload: ParentPayloads[T], id = newId()): void => {
    // The frame's window as it is now; the exact origin makes the browser drop the message if it navigated elsewhere.
    iframe.contentWindow?.postMessage(envelope(type, payload, id), origin);
  };

  const command = <T extends Command>(type: T, payload: ParentPayloads[T]): Promise<void> => {
    if (!connected) return Promise.reject({ code: BridgeErrorCode.Unsupported, message: 'disconnected' });
    return new Promise((resolve, reject) => {
      const id = newId();
      pending.set(id, { resolve, reject });
      const send = () => post(type, payload, id);
      if (ready) send();
      else queue.push(send);
    });
  };

  const refuse = (id: string | undefined, message: string) => {
    options.onError?.({ code: BridgeErrorCode.Invalid, message });
    if (id) post('error', { code: BridgeErrorCode.Invalid, message, re: id });
  };

  const handleReady = async (payload: ReadyPayload): Promise<void> => {
    ready = true;
    // First of all commands, also after the frame reloaded: the switch holds from the studio's first moment on.
    if (metricsMode) {
      const sent = command('set-metrics', { metrics: metricsMode });
      sent.catch((e: { code: string; message: string }) => options.onError?.(e));
    }
    if (participant !== undefined) {
      command('set-participant', { token: participant }).catch((e: { code: string; message: string }) =>
        options.onError?.(e),
      );
    }
    options.onReady?.(payload);
    if (payload.storage === StorageState.Denied) {
      // The frame cannot keep the customer's work: hand back what this page kept for it.
      const draft = await readKeptDraft(origin, payload.template.id, payload.key, store).catch(() => null);
      await command('draft-restore', { draft }).catch((e: { code: string; message: string }) =>
        options.onError?.({ code: e.code, message: e.message }),
      );
    }
    const waiting = queue;
    queue = [];
    for (const send of waiting) send();
  };

  const handle = async (message: FrameEnvelope): Promise<void> => {
    switch (message.type) {
      case FrameMessage.Ready:
        return handleReady(message.payload);
      case FrameMessage.Height:
        if (options.autoHeight !== false) iframe.style.height = `${message.payload.height}px`;
        options.onHeight?.(message.payload.height);
        return;
      case FrameMessage.Change:
        return options.onChange?.(message.payload);
      case FrameMessage.Metrics:
        // A report sent before the switch reached the frame (or by a frame that ignores it) goes no further.
        if (metricsMode !== MetricsMode.Off) options.onMetrics?.(message.payload);
        return post('ack', {}, message.id);
      case FrameMessage.Submission:
        return receiveSubmission(message.id, message.payload);
      case FrameMessage.DraftSave:
        try {
          await keepDraft(origin, message.payload, store);
          post('ack', {}, message.id);
        } catch (error) {
          post('error', {
            code: 'storage-unavailable',
            message: String((error as Error)?.message ?? error).slice(0, 2000),
            re: message.id,
          });
        }
        return;
      case FrameMessage.Error:
      case FrameMessage.Result: {
        const re = message.type === 'result' ? message.id : message.payload.re;
        const waiting = re ? pending.get(re) : undefined;
        if (!waiting) {
          if (message.type === 'error') options.onError?.(message.payload);
          return;
        }
        pending.delete(re!);
        if (message.type === 'error') waiting.reject({ code: message.payload.code, message: message.payload.message });
        else if (message.payload.ok) waiting.resolve();
        else
          waiting.reject(message.payload.error ?? { code: 'bridge-failed', message: 'the studio refused the command' });
        return;
      }
    }
  };

  // ---- the outbox (src/parent/outbox.ts) ----

  const busy = new Set<string>();

  /**
   * Hands one submission to the host's handler, once: 'delivered', 'failed' (kept for later) or 'busy' (another
   * tab has it).
   */
  const handOver = async (
    id: string,
    submission: Submission,
  ): Promise<{ outcome: 'delivered' | 'failed' | 'busy'; error?: unknown }> => {
    let result: { outcome: 'delivered' | 'failed' | 'busy'; error?: unknown } = { outcome: 'busy' };
    await exclusively(origin, id, busy, async () => {
      const current = await readRecord(origin, id, store).catch(() => undefined);
      if (current?.state === 'delivered') return void (result = { outcome: 'delivered' });
      try {
        await options.onSubmission!(submission, { id });
      } catch (error) {
        result = { outcome: 'failed', error };
        if (current) await writeRecord({ ...current, attempts: current.attempts + 1 }, store).catch(() => undefined);
        return;
      }
      result = { outcome: 'delivered' };
      const base = current ?? {
        format: PARENT_OUTBOX_FORMAT,
        version: 1,
        id,
        origin,
        createdAt: Date.now(),
        attempts: 0,
      };
      const { submission: _, ...rest } = base as ParentOutboxRecord;
      // If this write fails the record stays queued and is offered again: the host's idempotency key dedupes it.
      await writeRecord(
        { ...rest, state: 'delivered', attempts: rest.attempts + 1, deliveredAt: Date.now() },
        store,
      ).catch(() => undefined);
    });
    return result;
  };

  const receiveSubmission = async (id: string, submission: Submission): Promise<void> => {
    if (!options.onSubmission) return post('ack', {}, id);
    const existing = await readRecord(origin, id, store).catch(() => undefined);
    // Already handed over under this id (the frame asked again): acknowledge, never hand it over twice.
    if (existing?.state === 'delivered') return post('ack', {}, id);
    let kept = !!existing;
    if (!existing) {
      const record: ParentOutboxRecord = {
        format: PARENT_OUTBOX_FORMAT,
        version: 1,
        id,
        origin,
        state: 'queued',
        createdAt: Date.now(),
        attempts: 0,
        submission,
      };
      kept = await writeRecord(record, store).then(
        () => true,
        () => false,
      );
    }
    const { outcome, error } = await handOver(id, submission);
    if (outcome === 'delivered') return post('ack', {}, id);
    const reason = String((error as Error)?.message ?? error ?? 'held by another tab of this page').slice(0, 1500);
    if (kept)
      post('error', {
        code: BridgeErrorCode.HostQueued,
        message: `kept by the host page and handed over again later: ${reason}`,
        re: id,
      });
    else post('error', { code: BridgeErrorCode.HostRefused, message: reason, re: id });
  };

  let flushing: Promise<void> | undefined;
  /** Offers what an earlier visit (or a failed handover) left queued, oldest first. */
  const flushOutbox = (): Promise<void> =>
    (flushing ??= (async () => {
      if (!options.onSubmission) return;
      for (const record of await queuedRecords(origin, store).catch(() => [])) {
        if (!connected) return;
        await handOver(record.id, record.submission!);
      }
    })().finally(() => (flushing = undefined)));
  const onOnline = (): void => void flushOutbox();

  const onMessage = (event: MessageEvent): void => {
    // Whom we listen to: this iframe's window, at exactly the studio's origin. Another
    // frame, a popup, or this iframe navigated to another origin are not the studio.
    if (event.source !== iframe.contentWindow || event.origin !== origin) return;
    const received = readMessage<FrameMessage, FramePayloads>(event.data, framePayloadRules);
    if (received.kind === 'ignored') return;
    if (received.kind === 'invalid') return refuse(received.id, received.message);
    void handle(received.message);
  };

  window.addEventListener('message', onMessage);
  window.addEventListener('online', onOnline);
  void flushOutbox();

  return {
    loadDesign: async (doc) => {
      // Checked here too, so a bad document fails in the host's own stack with a clear message.
      const design = parseDesign(doc);
      return command('load-design', { design });
    },
    setAuthor: (name) => command('set-author', { name }),
    setParticipant: (token) => {
      participant = token;
      return command('set-participant', { token });
    },
    setMetrics: (mode) => {
      metricsMode = checkedMode(mode);
      return command('set-metrics', { metrics: metricsMode });
    },
    submit: () => command('submit', {}),
    flushOutbox,
    disconnect: () => {
      connected = false;
      window.removeEventListener('message', onMessage);
      window.removeEventListener('online', onOnline);
      for (const [, p] of pending) p.reject({ code: BridgeErrorCode.Unsupported, message: 'disconnected' });
      pending.clear();
      queue = [];
    },
  };
}

/** The switch's value, or a TypeError in the host's own stack: a consent banner must not fail silently. */
function checkedMode(mode: unknown): MetricsMode {
  if (mode === MetricsMode.On || mode === MetricsMode.Off) return mode;
  throw new TypeError(`connectStudio: metrics must be "on" or "off", got ${JSON.stringify(mode)}`);
}

export { BridgeErrorCode, FrameMessage, StorageState } from '../bridge/envelope.ts';
export { MetricsMode } from '../metrics/mode.ts';
export { ParentMessage, type BridgeDraft, type ReadyPayload } from '../bridge/envelope.ts';
export type { Submission } from '../protocol/submission.ts';
export type { MetricsReport } from '../protocol/metrics.ts';
