/** The template and any draft are shown; the studio takes input. */
export class CoDesignReadyEvent extends Event {
  static readonly type = 'co-design-ready';
  constructor(readonly template: { id: string; version: string }) {
    super(CoDesignReadyEvent.type, { bubbles: true, composed: true });
  }
}
