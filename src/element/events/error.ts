import type { ErrorCode } from '../../errors.ts';

/** Something was refused or failed; the design in progress is untouched. */
export class CoDesignErrorEvent extends Event {
  static readonly type = 'co-design-error';
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {
    super(CoDesignErrorEvent.type, { bubbles: true, composed: true });
  }
}
