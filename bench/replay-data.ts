// The replay section's data: the bench's seeded strokes with the times a hand would leave
// (docs/design-document.md, Timing), and what those times cost the gzipped document.
import { gzipSync } from 'node:zlib';
import { encodeMarkTime } from '../src/document/timing.ts';
import { TIME_QUANTUM_MS } from '../src/document/types.ts';
import type { DesignDocument } from '../src/document/types.ts';
import { random } from './strokes.ts';

/**
 * Times as the studio stamps them: a stroke lasts a frame per input point (the raw strokes have about 100),
 * pauses between strokes mostly under 1.5 s, now and then a longer look (up to 20 s), rarely a break (the
 * clock counts 30 s of it). Only the paint layer of the side view holds marks.
 */
export function withTiming(doc: DesignDocument, seed = 1): DesignDocument {
  const rnd = random(seed + 17);
  const timed = structuredClone(doc);
  let clock = 0;
  for (const view of timed.views) {
    for (const layer of view.layers) {
      if (layer.kind !== 'paint') continue;
      const times: number[] = [];
      let layerEnd = 0;
      for (const mark of layer.marks) {
        const roll = rnd();
        const pause = roll < 0.002 ? 30_000 : roll < 0.05 ? 2000 + rnd() * 18_000 : 150 + rnd() * 1350;
        const start = clock + Math.round(pause);
        const duration = mark.type === 'stroke' ? Math.round(100 * 16.7 * (0.6 + rnd() * 0.8)) : 0;
        const [gap, lasts] = encodeMarkTime(layerEnd, start, duration);
        times.push(gap, lasts);
        layerEnd += gap + lasts;
        clock = start + duration;
      }
      layer.times = times;
    }
  }
  timed.meta.elapsed = Math.max(Math.round(clock), layerEndMs(timed));
  return timed;
}

export interface DocumentGrowth {
  gzipBefore: number;
  gzipAfter: number;
  /** gzipAfter / gzipBefore − 1. */
  growth: number;
}

/** gzip at zlib's default level, as scripts/bundle-size.ts and a typical server compress. */
export function documentGrowth(untimed: DesignDocument, timed: DesignDocument): DocumentGrowth {
  const gzipBefore = gzipSync(JSON.stringify(untimed)).length;
  const gzipAfter = gzipSync(JSON.stringify(timed)).length;
  return { gzipBefore, gzipAfter, growth: gzipAfter / gzipBefore - 1 };
}

function layerEndMs(doc: DesignDocument): number {
  let end = 0;
  for (const v of doc.views) for (const l of v.layers) if (l.kind === 'paint') end = Math.max(end, (l.times ?? []).reduce((a, b) => a + b, 0) * TIME_QUANTUM_MS);
  return end;
}
