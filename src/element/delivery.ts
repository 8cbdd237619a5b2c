import { ErrorCode, StudioError } from '../errors.ts';
import type { DeliveryReceipt, Submission } from '../protocol/submission.ts';
import type { Outbox } from '../transport/outbox.ts';
import type { OutboxEvent } from '../transport/outbox-events.ts';
import type { SubmitResult } from '../features/submit/submit-view.ts';

/**
 * Gets a confirmed submission to the brand exactly once: through the
 * IndexedDB outbox (src/transport/, docs/transport.md), loaded when first
 * needed so the first paint does not carry it. The outbox is also opened at
 * start-up when a submission may be waiting from an earlier visit.
 */
export class Delivery {
  private outbox: Promise<Outbox> | undefined;

  constructor(private readonly sent: (receipt: DeliveryReceipt, draft: string) => void) {}

  /** Opens the outbox and flushes what earlier visits left queued; `co-design-submitted` fires for each as it goes. */
  start(): Promise<Outbox> {
    return (this.outbox ??= import('../transport/outbox.ts').then(async ({ Outbox }) => {
      const outbox = await Outbox.open();
      outbox.addEventListener('sent', (e: OutboxEvent) => {
        if (e.receipt && e.record) this.sent(e.receipt, e.record.draft);
      });
      void outbox.start();
      return outbox;
    }));
  }

  close(): void {
    void this.outbox?.then((o) => o.close());
    this.outbox = undefined;
  }

  /**
   * Queues the submission (the Idempotency-Key is stored with it before the
   * first attempt) and settles on the first outcome: sent, queued (offline or
   * retrying; it goes out later by itself) or failed with the server's message.
   */
  async send(
    endpoint: string | undefined,
    submission: Submission,
    onProgress: (fraction: number) => void,
  ): Promise<SubmitResult> {
    if (!endpoint) throw new StudioError(ErrorCode.SubmitUnavailable, 'No endpoint is set to send designs to');
    const outbox = await this.start();
    // A page may say endpoint="/api"; the outbox keeps an absolute URL across visits.
    const { id } = await outbox.enqueue(submission, new URL(endpoint, document.baseURI).href);
    return new Promise<SubmitResult>((resolve, reject) => {
      const off = () => {
        for (const [type, fn] of handlers) outbox.removeEventListener(type, fn as EventListener);
      };
      const handlers: Array<[string, (e: OutboxEvent) => void]> = [
        ['sending', (e) => e.progress && e.progress.total > 0 && onProgress(e.progress.loaded / e.progress.total)],
        ['sent', (e) => (off(), resolve({ state: 'sent', receipt: e.receipt! }))],
        ['retrying', () => (off(), resolve({ state: 'queued' }))],
        [
          'failed',
          (e) => (
            off(),
            reject(
              new StudioError(ErrorCode.SubmitFailed, e.error?.message ?? 'refused', {
                detail: e.error?.message ?? 'refused',
              }),
            )
          ),
        ],
        // The outbox found the submission unsendable (it checks it as the server would): never sent, so say so.
        [
          'set-aside',
          (e) => (
            off(),
            reject(
              new StudioError(ErrorCode.SubmitFailed, e.reason ?? 'not a valid submission', {
                detail: e.reason ?? 'not a valid submission',
              }),
            )
          ),
        ],
      ];
      const mine = (fn: (e: OutboxEvent) => void) => (e: Event) => (e as OutboxEvent).id === id && fn(e as OutboxEvent);
      for (let i = 0; i < handlers.length; i++) handlers[i] = [handlers[i][0], mine(handlers[i][1])];
      for (const [type, fn] of handlers) outbox.addEventListener(type, fn as EventListener);
      void outbox.deliver(id).then((record) => {
        if (record?.state === 'queued') (off(), resolve({ state: 'queued' }));
      });
    });
  }
}
