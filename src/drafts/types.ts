import type { UseStore } from 'idb-keyval';
import type { DesignDocument } from '../document/types.ts';
import type { StudioEditor } from '../editor/editor.ts';
import type { StudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import type { DesignCheck } from './read.ts';
import type { DraftMeta } from './records.ts';

export const Storage = { Pending: 'pending', IndexedDB: 'indexeddb', Memory: 'memory' } as const;
export type Storage = (typeof Storage)[keyof typeof Storage];

export const SaveState = { Idle: 'idle', Saving: 'saving', Saved: 'saved', Failed: 'failed' } as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

/** What the studio tells the customer about their drafts; keys of `drafts.notice.*` in the translation table. */
export type DraftNotice = 'quarantined' | 'forked' | 'reloaded' | 'imported' | 'deleted-elsewhere';

export interface DraftsOptions {
  editor(): StudioEditor | undefined;
  /** A new empty design for the open template. */
  freshDesign(): DesignDocument;
  /** The element's checks for a design against the template (and its images). */
  check: DesignCheck;
  names: { draft(n: number): string; copy(name: string): string; imported(): string };
  metrics?(): Metrics | null;
  saved(meta: DraftMeta): void;
  failed(error: StudioError): void;
  notice(notice: DraftNotice, detail?: string): void;
  /** Injectable for tests of other databases; defaults to our own store. */
  store?: () => UseStore;
}

