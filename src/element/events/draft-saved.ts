/** The design on screen is stored in this browser (IndexedDB) as it is now. */
export class CoDesignDraftSavedEvent extends Event {
  static readonly type = 'co-design-draft-saved';
  constructor(
    /** The draft's id; the same across saves and visits. */
    readonly draft: string,
    readonly name: string,
    /** Increases with every save of this draft. */
    readonly rev: number,
    /** ISO time of the save. */
    readonly updated: string,
  ) {
    super(CoDesignDraftSavedEvent.type, { bubbles: true, composed: true });
  }
}
