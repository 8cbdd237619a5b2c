/**
 * What the drafts store keeps, versioned and validated on the way in: a
 * record read back from IndexedDB is as untrusted as a design from the host
 * (another script of the origin, an old version, a disk fault may have
 * written it). Anything that does not pass is quarantined, never opened.
 * The checks themselves are lazy chunks: meta-check.ts (the list's meta)
 * and record-checks.ts (a draft's body, chunks, undo steps and metrics).
 */
import type { DesignDocument } from '../document/types.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import type { HistoryEntry } from '../editor/history/history.ts';
import type { Metrics } from '../protocol/metrics.ts';

export const META_FORMAT = 'co-design-draft-meta';
export const BODY_FORMAT = 'co-design-draft';
export const CHUNK_FORMAT = 'co-design-draft-chunk';
export const RECORD_VERSION = 1;

/** The small part of a draft: enough for the drafts list. */
export interface DraftMeta {
  format: typeof META_FORMAT;
  version: typeof RECORD_VERSION;
  id: string;
  template: { id: string; version: string };
  /** The host's `draft-key` ('' when none): drafts are listed per template and key. */
  key: string;
  name: string;
  created: string;
  updated: string;
  /** Increases with every save; a save expecting another rev lost a race with another tab. */
  rev: number;
  /** The tab that saved it last. */
  writer: string;
  /** A small PNG `data:` URL of the view last shown, or null. */
  thumbnail: string | null;
}

/** Where a paint layer's marks went: `parts` chunk records holding `count` marks in all. */
export interface ChunkRef {
  view: string;
  layer: string;
  count: number;
  parts: number;
}

export interface SavedHistory {
  done: HistoryEntry[];
  undone: HistoryEntry[];
}

/** The rest of a draft. Its paint layers' marks live in chunk records, so a save writes only what changed. */
export interface DraftBody {
  format: typeof BODY_FORMAT;
  version: typeof RECORD_VERSION;
  id: string;
  rev: number;
  /** The design with every paint layer's `marks` empty; see `chunks`. */
  design: DesignDocument;
  chunks: ChunkRef[];
  history: SavedHistory;
  /** The view that was shown. */
  view: string;
  /** Time on task summed over the draft's sessions (docs/design.md: beside the design, not in it). */
  metrics: Metrics | null;
}

export interface DraftChunk {
  format: typeof CHUNK_FORMAT;
  version: typeof RECORD_VERSION;
  marks: unknown[];
}

/** A record that may not be opened; `reason` says why, for the quarantine and the message. */
export function draftInvalid(reason: string): StudioError {
  return new StudioError(ErrorCode.DraftInvalid, `A saved draft could not be opened: ${reason}`, { detail: reason });
}
