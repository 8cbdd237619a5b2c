import type { UseStore } from 'idb-keyval';
import type { DesignDocument } from '../document/types.ts';
import { isStudioError } from '../errors.ts';
import type { Metrics } from '../protocol/metrics.ts';
import { joinChunks } from './chunks.ts';
import { draftInvalid, type DraftMeta, type SavedHistory } from './records.ts';
import { readDraft } from './store.ts';
import type { RasterSeed } from '../editor/render/raster-seed.ts';

export interface OpenedDraft {
  meta: DraftMeta;
  design: DesignDocument;
  history: SavedHistory;
  view: string;
  metrics: Metrics | null;
  /** Baked layer bitmaps kept with the draft (a cache the editor checks before use). */
  seeds: RasterSeed[];
}

/** Further checks by the caller: the design against the open template, image bytes. */
export type DesignCheck = (design: DesignDocument, history: SavedHistory) => Promise<void>;

/**
 * Reads one draft and validates every part of it, as anything else that comes
 * in: meta, body envelope, each chunk, the joined design (`parseDesign`:
 * prototype keys, NaN, sizes, depth, unknown types, image sources), its
 * undo steps, its metrics, then the caller's checks. Throws `draft-invalid`.
 */
export async function readValidDraft(id: string, store: UseStore, check: DesignCheck): Promise<OpenedDraft> {
  // Loaded beside the read, not before the first paint: the body and design checks, and the kept bitmaps.
  const checks = Promise.all([
    import('./record-checks.ts'),
    import('../document/validate.ts'),
    import('./meta-check.ts'),
  ]);
  const rasters = import('./rasters.ts');
  const raw = await readDraft(id, store);
  const [{ parseBodyEnvelope, parseChunk, parseHistory, parseMetrics }, { parseDesign }, { parseMeta }] = await checks;
  if (raw.meta === undefined || raw.body === undefined) throw draftInvalid(`draft ${id} is incomplete`);
  const meta = parseMeta(raw.meta);
  if (meta.id !== id) throw draftInvalid(`meta names draft ${meta.id}, stored as ${id}`);
  const body = parseBodyEnvelope(raw.body);
  if (body.id !== id) throw draftInvalid(`body names draft ${body.id}, stored as ${id}`);
  const parts = new Map<string, unknown[]>();
  for (const [key, value] of raw.chunks) parts.set(key, parseChunk(value));
  let design: DesignDocument;
  try {
    design = parseDesign(joinChunks(body.design, body.chunks, parts, id));
  } catch (error) {
    throw draftInvalid(`design: ${isStudioError(error) ? error.message : String((error as Error)?.message ?? error)}`);
  }
  if (design.template.id !== meta.template.id)
    throw draftInvalid(`design is for template ${design.template.id}, meta says ${meta.template.id}`);
  const history = parseHistory(body.history, (body.design as { version?: unknown } | null)?.version);
  const metrics = parseMetrics(raw.metrics ?? body.metrics);
  try {
    await check(design, history);
  } catch (error) {
    throw draftInvalid(isStudioError(error) ? error.message : String((error as Error)?.message ?? error));
  }
  const seeds = await (await rasters).readSeeds(id, design, store);
  return { meta, design, history, view: body.view, metrics, seeds };
}
