import type { SubmissionReceipt } from '../../protocol/submission.ts';

/** The backend stored the submission; `receipt` is its answer (id and moderation status). */
export class CoDesignSubmittedEvent extends Event {
  static readonly type = 'co-design-submitted';
  constructor(
    readonly receipt: SubmissionReceipt,
    /** The draft the submission came from. */
    readonly draft: string,
  ) {
    super(CoDesignSubmittedEvent.type, { bubbles: true, composed: true });
  }
}
