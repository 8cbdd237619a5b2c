/** The replay has its design, template and first frame; `duration` is the time-lapse's length at 1×, in ms. */
export class CoDesignReplayReadyEvent extends Event {
  static readonly type = 'co-design-replay-ready';
  constructor(readonly duration: number) {
    super(CoDesignReplayReadyEvent.type, { bubbles: true, composed: true });
  }
}
