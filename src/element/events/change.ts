/**
 * The customer changed the design: an edit, an undo or a redo. Never fired
 * for `loadDesign()` or a restored draft.
 */
export class CoDesignChangeEvent extends Event {
  static readonly type = 'co-design-change';
  constructor(
    /** The tool id or command that made the change (`pencil`, `layers`, …). */
    readonly source: string,
    readonly kind: 'edit' | 'undo' | 'redo',
  ) {
    super(CoDesignChangeEvent.type, { bubbles: true, composed: true });
  }
}
