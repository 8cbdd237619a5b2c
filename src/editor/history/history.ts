import type { DesignDocument } from '../../document/types.ts';
import { apply, invert, type Op } from './ops.ts';

export interface HistoryEntry {
  /** The tool or command that made it (for metrics and the live region). */
  source: string;
  ops: Op[];
}

/** How many steps undo keeps; drafts keep at least the last 50. */
export const HISTORY_LIMIT = 200;

/**
 * Undo and redo over op lists: one entry per user gesture. Loading a design
 * clears it rather than recording anything, so a restore is never undoable.
 */
export class History {
  private done: HistoryEntry[] = [];
  private undone: HistoryEntry[] = [];

  constructor(private readonly doc: () => DesignDocument) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Applies and records one step. */
  commit(entry: HistoryEntry): void {
    if (entry.ops.length === 0) return;
    const doc = this.doc();
    for (const op of entry.ops) apply(doc, op);
    this.done.push(entry);
    if (this.done.length > HISTORY_LIMIT) this.done.shift();
    this.undone = [];
  }

  undo(): HistoryEntry | undefined {
    const entry = this.done.pop();
    if (!entry) return undefined;
    const doc = this.doc();
    for (let i = entry.ops.length - 1; i >= 0; i--) apply(doc, invert(entry.ops[i]));
    this.undone.push(entry);
    return entry;
  }

  redo(): HistoryEntry | undefined {
    const entry = this.undone.pop();
    if (!entry) return undefined;
    const doc = this.doc();
    for (const op of entry.ops) apply(doc, op);
    this.done.push(entry);
    return entry;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
