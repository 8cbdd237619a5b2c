/**
 * The host page's keeping of a framed studio's drafts: an idb-keyval store
 * of its own (never the page's default `keyval-store`), in the host page's
 * first-party IndexedDB, so the drafts outlive a frame whose storage the
 * browser denies, partitions or expires. One record per studio origin,
 * template and draft-key: the latest design wins. Read back through the
 * same validation as anything that comes over the bridge.
 */
import { createStore, get, set, update, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { parentPayloadRules, readMessage, type BridgeDraft, type ParentPayloads } from '../bridge/envelope.ts';
import { metricsSchema } from '../protocol/schema.ts';

export const PARENT_DATABASE = 'co-design-studio-parent';
export const PARENT_STORE = 'drafts';

let defaultStore: UseStore | undefined;

/** Opened lazily: a page that never hosts a studio with denied storage never creates the database. */
export function parentDraftsStore(): UseStore {
  return (defaultStore ??= createStore(PARENT_DATABASE, PARENT_STORE));
}

export function draftKey(origin: string, templateId: string, key: string): IDBValidKey {
  return ['draft', origin, templateId, key];
}

export function keepDraft(origin: string, draft: BridgeDraft, store: UseStore): Promise<void> {
  const key = draftKey(origin, draft.template.id, draft.key);
  if (draft.metrics) return set(key, draft, store);
  // A frame with time on task switched off sends no figures: those kept from an earlier visit stay as they were.
  return update(key, (kept: unknown) => ({ ...draft, metrics: keptMetrics(kept) }), store);
}

/** The figures of a kept record, when they pass the bridge's own check (the record is as untrusted as a message). */
function keptMetrics(kept: unknown): BridgeDraft['metrics'] {
  const metrics = kept && typeof kept === 'object' ? (kept as { metrics?: unknown }).metrics : undefined;
  const checked = v.safeParse(metricsSchema, metrics);
  return checked.success ? checked.output : null;
}

/**
 * The kept draft for a studio origin, template and key, or null. A record
 * that fails validation (an old format, another script of this origin) is
 * treated as none: the frame starts fresh rather than open it.
 */
export async function readKeptDraft(
  origin: string,
  templateId: string,
  key: string,
  store: UseStore,
): Promise<BridgeDraft | null> {
  const value = await get(draftKey(origin, templateId, key), store);
  if (value === undefined) return null;
  const checked = readMessage<'draft-restore', ParentPayloads>(
    { source: 'co-design-studio', v: 1, type: 'draft-restore', id: 'kept', payload: { draft: value } },
    { 'draft-restore': parentPayloadRules['draft-restore'] },
  );
  return checked.kind === 'ok' ? checked.message.payload.draft : null;
}
