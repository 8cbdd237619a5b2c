import type { DesignDocument } from '../document/types.ts';
import type { HistoryEntry } from './history/history.ts';
import type { KeptDesign } from './render/raster-seed.ts';

export type EditorChange = { source: string; kind: 'edit' | 'undo' | 'redo' };

/** A design to show, with what came with it: undo steps, the view it was left on, kept layer bitmaps. */
export interface ShownDesign {
  readonly design: DesignDocument;
  /** The caller gives the design up, so it is shown without a copy (a copy of 10,000 strokes costs ~0.3 s). */
  readonly handOver?: boolean;
  readonly seeds?: KeptDesign['seeds'];
  readonly history?: { done: HistoryEntry[]; undone: HistoryEntry[] };
  readonly view?: string;
}
