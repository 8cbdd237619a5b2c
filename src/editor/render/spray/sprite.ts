import { createCanvas } from '../surface.ts';

/**
 * Soft round particles are drawn by copying a small pre-rendered dot
 * (drawImage) rather than filling a gradient per particle: a stroke lays
 * thousands of them, and the software rasteriser copies a bitmap far faster.
 */

/** Side of a sprite in pixels; particles are scaled from it. */
const SPRITE_SIDE = 32;
/** Colours kept; a design rarely uses more, and a colour over it is simply drawn again. */
const MAX_COLOURS = 48;

export interface SprayDots {
  /** A wide, bell-shaped cloud: the fine mist under the droplets. */
  mist: HTMLCanvasElement;
  /** A dot that fades from its centre out: the droplets of the core. */
  soft: HTMLCanvasElement;
  /** A dot with a firmer edge: the droplets of the overspray. */
  firm: HTMLCanvasElement;
}

const cache = new Map<string, SprayDots>();

/** The two dots of a colour, made once; the same pixels every time, so renders are deterministic. */
export function sprayDots(colour: string): SprayDots {
  let dots = cache.get(colour);
  if (!dots) {
    if (cache.size >= MAX_COLOURS) cache.delete(cache.keys().next().value!);
    dots = {
      mist: dot(colour, [0, 0.25, 0.5, 0.75, 1], [1, 0.72, 0.32, 0.08, 0]),
      soft: dot(colour, [0, 0.35, 1], [1, 0.55, 0]),
      firm: dot(colour, [0, 0.6, 1], [1, 0.85, 0]),
    };
    cache.set(colour, dots);
  }
  return dots;
}

function dot(colour: string, stops: readonly number[], alphas: readonly number[]): HTMLCanvasElement {
  const c = createCanvas(SPRITE_SIDE, SPRITE_SIDE);
  const ctx = c.getContext('2d')!;
  const r = SPRITE_SIDE / 2;
  const g = ctx.createRadialGradient(r, r, 0, r, r, r);
  for (let i = 0; i < stops.length; i++) g.addColorStop(stops[i], withAlpha(colour, alphas[i]));
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, SPRITE_SIDE, SPRITE_SIDE);
  return c;
}

/** `#rrggbb` with an alpha, as a gradient stop needs it. */
function withAlpha(colour: string, alpha: number): string {
  const n = parseInt(colour.slice(1, 7), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
