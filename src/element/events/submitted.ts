import type { DeliveryReceipt } from '../../protocol/submission.ts';

/**
 * The backend took the submission (it answered 2xx). `receipt` is its JSON
 * answer as it came: `{ id, status }` from a backend that follows the
 * protocol, its own fields and status words from another (docs/transport.md,
 * "Receipts").
 */
export class CoDesignSubmittedEvent extends Event {
  static readonly type = 'co-design-submitted';
  constructor(
    readonly receipt: DeliveryReceipt,
    /** The draft the submission came from. */
    readonly draft: string,
  ) {
    super(CoDesignSubmittedEvent.type, { bubbles: true, composed: true });
  }
}
