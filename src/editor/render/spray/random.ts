/** A seeded PRNG, so a spray stroke's particles are the same on every render. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The generator of one part of a stroke (a sample, a hold), so any sample can
 * be drawn on its own, in any order of frames, with the same particles.
 */
export function randomFor(seed: number, index: number, salt = 0): () => number {
  return mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1) ^ salt) >>> 0);
}
