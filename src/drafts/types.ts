import type { UseStore } from 'idb-keyval';
import type { DesignDocument } from '../document/types.ts';
import type { ShownDesign } from '../editor/editor.ts';
import type { RasterSnapshot } from '../editor/render/raster-seed.ts';
import type { StudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import type { DesignCheck } from './read.ts';
import type { DraftMeta, SavedHistory } from './records.ts';

export const Storage = { Pending: 'pending', IndexedDB: 'indexeddb', Memory: 'memory' } as const;
export type Storage = (typeof Storage)[keyof typeof Storage];

export const SaveState = { Idle: 'idle', Saving: 'saving', Saved: 'saved', Failed: 'failed' } as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

/** What the studio tells the customer about their drafts; keys of `drafts.notice.*` in the translation table. */
export type DraftNotice = 'quarantined' | 'forked' | 'reloaded' | 'imported' | 'deleted-elsewhere';

/**
 * What drafts need of the editor, and no more: the design to keep, its undo
 * steps and view, a thumbnail, kept bitmaps, and one way to show a draft.
 */
export interface DraftEditor {
  readonly ready: boolean;
  /** Taken off the page: nothing more is kept from it. */
  readonly disposed: boolean;
  readonly design: DesignDocument;
  readonly view: string;
  snapshot(): DesignDocument;
  historyEntries(): SavedHistory;
  thumbnail(): string;
  keptRasters(): RasterSnapshot[];
  show(shown: ShownDesign): Promise<void>;
}

export interface DraftsOptions {
  editor(): DraftEditor | undefined;
  /** A new empty design for the open template. */
  freshDesign(): DesignDocument;
  /** The element's checks for a design against the template (and its images). */
  check: DesignCheck;
  names: { draft(n: number): string; copy(name: string): string; imported(): string };
  metrics?(): Metrics | null;
  /** Another draft is on screen: its stored time on task (undefined for a new one), to count on from. */
  switched?(metrics: Metrics | undefined): void;
  saved(meta: DraftMeta): void;
  failed(error: StudioError): void;
  notice(notice: DraftNotice, detail?: string): void;
  /** Injectable for tests of other databases; defaults to our own store. */
  store?: () => UseStore;
}

/** Below this many marks a layer rebakes fast enough that keeping its bitmap is not worth the bytes. */
export const RASTER_KEEP_MIN_MARKS = 300;

/**
 * Whether the editor still shows a design on the page: a disposed one (its studio was taken off) keeps nothing
 * more.
 */
export function onPage(editor: DraftEditor): boolean {
  return editor.ready && !editor.disposed;
}
