import type { DesignDocument, Mark } from '../document/types.ts';
import { packMark } from './packed.ts';
import { CHUNK_FORMAT, RECORD_VERSION, type ChunkRef, type DraftChunk } from './records.ts';

/** Marks per chunk record: a save rewrites at most this many strokes plus what changed. */
export const CHUNK_MARKS = 500;

export type ChunkKey = ['chunk', string, string, string, number];

export function chunkKey(draft: string, view: string, layer: string, part: number): ChunkKey {
  return ['chunk', draft, view, layer, part];
}

/**
 * Splits a design into a skeleton (paint layers emptied) and chunk records of
 * their marks, and remembers which mark objects each chunk held when it was
 * last written. Marks are appended and popped in place by the editor, never
 * copied, so an unchanged chunk holds the very same objects: comparing
 * references finds the chunks to rewrite without serialising anything.
 */
export class ChunkWriter {
  private written = new Map<string, readonly Mark[]>();

  /** Forgets what was written (another draft, or a save that failed). */
  reset(): void {
    this.written.clear();
  }

  /** Records that `design` is what the store holds for `draft` (after a restore). */
  assume(draft: string, design: DesignDocument): void {
    this.reset();
    for (const { key, marks } of split(draft, design)) this.written.set(JSON.stringify(key), marks);
  }

  /**
   * The skeleton, its chunk refs, the chunks to put and the chunk keys to drop.
   * Call `commit(plan)` once the write has landed.
   */
  plan(draft: string, design: DesignDocument): SavePlan {
    const skeleton: DesignDocument = {
      ...design,
      views: design.views.map((view) => ({
        ...view,
        layers: view.layers.map((l) => (l.kind === 'paint' ? { ...l, marks: [] } : l)),
      })),
    };
    const refs: ChunkRef[] = [];
    const put: Array<[ChunkKey, DraftChunk]> = [];
    const keep = new Map<string, readonly Mark[]>();
    for (const view of design.views) {
      for (const layer of view.layers) {
        if (layer.kind !== 'paint') continue;
        refs.push({
          view: view.view,
          layer: layer.id,
          count: layer.marks.length,
          parts: Math.ceil(layer.marks.length / CHUNK_MARKS),
        });
      }
    }
    for (const { key, marks } of split(draft, design)) {
      const name = JSON.stringify(key);
      keep.set(name, marks);
      const before = this.written.get(name);
      if (!before || before.length !== marks.length || before.some((m, i) => m !== marks[i])) {
        put.push([key, { format: CHUNK_FORMAT, version: RECORD_VERSION, marks: marks.map(packMark) }]);
      }
    }
    const drop = [...this.written.keys()].filter((name) => !keep.has(name)).map((name) => JSON.parse(name) as ChunkKey);
    return { skeleton, refs, put, drop, keep };
  }

  commit(plan: SavePlan): void {
    this.written = plan.keep;
  }
}

export interface SavePlan {
  skeleton: DesignDocument;
  refs: ChunkRef[];
  put: Array<[ChunkKey, DraftChunk]>;
  drop: ChunkKey[];
  keep: Map<string, readonly Mark[]>;
}

function* split(draft: string, design: DesignDocument): Generator<{ key: ChunkKey; marks: readonly Mark[] }> {
  for (const view of design.views) {
    for (const layer of view.layers) {
      if (layer.kind !== 'paint') continue;
      for (let part = 0; part * CHUNK_MARKS < layer.marks.length; part++) {
        yield {
          key: chunkKey(draft, view.view, layer.id, part),
          marks: layer.marks.slice(part * CHUNK_MARKS, (part + 1) * CHUNK_MARKS),
        };
      }
    }
  }
}

/** Puts the marks back into a skeleton; the result still goes through `parseDesign`. */
export function joinChunks(skeleton: unknown, refs: ChunkRef[], parts: Map<string, unknown[]>, draft: string): unknown {
  const doc = skeleton as {
    views?: Array<{ view?: unknown; layers?: Array<{ id?: unknown; kind?: unknown; marks?: unknown[] }> }>;
  };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.views)) return skeleton;
  for (const ref of refs) {
    const layer = doc.views
      .find((v) => v?.view === ref.view)
      ?.layers?.find((l) => l?.id === ref.layer && l?.kind === 'paint');
    if (!layer) throw new Error(`chunks name layer ${ref.layer} of view ${ref.view}, which the design does not hold`);
    const marks: unknown[] = [];
    for (let part = 0; part < ref.parts; part++) {
      const chunk = parts.get(JSON.stringify(chunkKey(draft, ref.view, ref.layer, part)));
      if (!chunk) throw new Error(`chunk ${part} of layer ${ref.layer} is missing`);
      marks.push(...chunk);
    }
    if (marks.length !== ref.count)
      throw new Error(`layer ${ref.layer} should hold ${ref.count} marks, found ${marks.length}`);
    layer.marks = marks;
  }
  return doc;
}
