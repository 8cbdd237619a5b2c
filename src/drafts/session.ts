import type { UseStore } from 'idb-keyval';
import { newId } from '../document/ids.ts';
import type { ShownDesign } from '../editor/editor.ts';
import { ChunkWriter } from './chunks.ts';
import type { OpenedDraft } from './read.ts';
import { META_FORMAT, RECORD_VERSION, type DraftMeta } from './records.ts';
import { Storage, type DraftEditor } from './types.ts';

/**
 * What the parts of drafts share: where drafts are kept, which template and
 * key are open, the draft on screen and its siblings, and this tab's name as
 * a writer (compare-and-set across tabs).
 */
export class DraftSession {
  storage: Storage = Storage.Pending;
  store: UseStore | undefined;
  meta: DraftMeta | undefined;
  list: DraftMeta[] = [];
  templateKey: { id: string; key: string } | undefined;
  readonly writer = newId();
  readonly chunks = new ChunkWriter();

  get stored(): boolean {
    return this.storage === Storage.IndexedDB && !!this.store;
  }

  /** A meta for a draft not stored yet (rev 0), for the design on screen. */
  newMeta(editor: DraftEditor, name: string): DraftMeta {
    const now = new Date().toISOString();
    const template = { ...editor.design.template };
    return {
      format: META_FORMAT,
      version: RECORD_VERSION,
      id: newId(),
      template,
      key: this.templateKey?.key ?? '',
      name,
      created: now,
      updated: now,
      rev: 0,
      writer: this.writer,
      thumbnail: null,
    };
  }
}

/** How an opened draft is shown: the one path for restore, open, another tab's reload. */
export function shownDraft(opened: OpenedDraft): ShownDesign {
  return { design: opened.design, history: opened.history, view: opened.view, seeds: opened.seeds, handOver: true };
}
