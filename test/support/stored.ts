/**
 * What the studio has stored, read as the studio reads it: for tests that
 * wait until a draft is saved rather than for a time. No test-runner imports,
 * so pages opened beside the test page (test/fixtures/studio-page.html) use it too.
 */
import type { DesignDocument } from '../../src/document/types.ts';
import { readValidDraft } from '../../src/drafts/read.ts';
import { openDraftsStore } from '../../src/drafts/store.ts';

let store: ReturnType<typeof openDraftsStore> | undefined;

/** JSON with keys sorted: two designs with the same data compare equal whatever order their keys were made in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** The design stored for draft `id`, checked as the studio checks it; undefined when there is none (yet). */
export function storedDesign(id: string): Promise<DesignDocument | undefined> {
  // The studio's own store: it lets go of the database when another connection asks for it.
  store ??= openDraftsStore();
  return readValidDraft(id, store, async () => undefined).then(
    (draft) => draft.design,
    () => undefined,
  );
}

/** Whether draft `id` is stored exactly as `design`: every change to it saved. */
export async function storedAs(id: string, design: DesignDocument): Promise<boolean> {
  const stored = await storedDesign(id);
  return stored !== undefined && canonical(stored) === canonical(design);
}
