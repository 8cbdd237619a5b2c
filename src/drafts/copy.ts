import type { UseStore } from 'idb-keyval';
import { newId } from '../document/ids.ts';
import { ChunkWriter } from './chunks.ts';
import type { OpenedDraft } from './read.ts';
import { BODY_FORMAT, RECORD_VERSION } from './records.ts';
import { writeDraft } from './store.ts';

/** Stores a validated draft again under a new id and name, with its undo steps; returns the new id. */
export async function writeCopy(
  source: OpenedDraft,
  as: { name: string; writer: string },
  store: UseStore,
): Promise<string> {
  const now = new Date().toISOString();
  const meta = { ...source.meta, id: newId(), name: as.name, rev: 1, created: now, updated: now, writer: as.writer };
  const plan = new ChunkWriter().plan(meta.id, source.design);
  const body = {
    format: BODY_FORMAT,
    version: RECORD_VERSION,
    id: meta.id,
    rev: 1,
    design: plan.skeleton,
    chunks: plan.refs,
    history: source.history,
    view: source.view,
    metrics: null,
  } as const;
  // A copy starts its own time on task: summing both would count the same hours twice.
  await writeDraft({ meta, body, put: plan.put, drop: [] }, null, store);
  return meta.id;
}
