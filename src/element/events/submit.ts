import type { Submission } from '../../protocol/submission.ts';

/**
 * The customer confirmed a submission. Cancelable: a host that calls
 * `preventDefault()` takes the submission over and the studio sends nothing.
 */
export class CoDesignSubmitEvent extends Event {
  static readonly type = 'co-design-submit';
  constructor(readonly submission: Submission) {
    super(CoDesignSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}
