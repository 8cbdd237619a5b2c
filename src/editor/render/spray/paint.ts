import type { StrokeStyle } from '../strokes.ts';
import { mulberry32, randomFor } from './random.ts';
import { sprayDots } from './sprite.ts';

/**
 * Spray style 2: paint from a can. Each stored point is one sample of the
 * nozzle, taken every SPRAY_SAMPLE_MS (tools/spray/spray.ts) while the button is down (also while
 * it is held still), and each sample lets out the same amount of paint along
 * the way from the previous one. So a slow pass lays it thick, a fast one
 * thin, a held nozzle builds up, and with drips on a long hold runs down.
 * Everything follows from the stored points, pressure and seed.
 */

/** Particles per sample for each unit of density, at the pressure of a mouse. */
const FLOW = 1.8;
/** Of the particles, the share that are overspray: small droplets flung wide. */
const OVERSPRAY = 0.35;
/** Spread of the dense core (a 2-D normal), as a share of the radius. */
const CORE_SIGMA = 0.34;
/** Alpha of the fine mist one sample lays, spread along the way it moved. */
const MIST = 0.2;
/** Mist dots are laid at most this share of the radius apart, so a fast pass leaves a band, not beads. */
const MIST_STEP = 0.25;
/** Samples the nozzle must stay still before paint starts to run (0.4 s). */
const DRIP_AFTER = 20;

/** Draws a spray stroke whole: paint from a can (style 2), or the first spray's square dots. */
export function drawSpray(ctx: CanvasRenderingContext2D, style: StrokeStyle, xy: ArrayLike<number>): void {
  if (style.style) drawSprayPaint(ctx, style, xy, 0, xy.length / 2);
  else drawFirstSpray(ctx, style, xy);
}

/** Draws samples [from, to) of a style-2 spray stroke; drawing 0..n at once or in parts gives the same pixels. */
export function drawSprayPaint(
  ctx: CanvasRenderingContext2D,
  style: StrokeStyle,
  xy: ArrayLike<number>,
  from: number,
  to: number,
): void {
  const dots = sprayDots(style.color);
  const seed = style.seed ?? 1;
  const density = style.density ?? 20;
  const radius = style.size;
  const still = Math.max(0.5, radius * 0.05);
  ctx.save();
  ctx.globalCompositeOperation = 'source-over';
  ctx.strokeStyle = style.color;
  ctx.lineCap = 'round';
  for (let i = Math.max(0, from); i < to; i++) {
    const p = (style.pressure?.[i] ?? 128) / 255;
    const random = randomFor(seed, i);
    const x0 = xy[Math.max(0, i - 1) * 2];
    const y0 = xy[Math.max(0, i - 1) * 2 + 1];
    const dx = xy[i * 2] - x0;
    const dy = xy[i * 2 + 1] - y0;
    const count = Math.round(density * FLOW * (0.2 + 1.6 * p));
    const reach = radius * (0.75 + 0.5 * p);
    mist(ctx, dots.mist, x0, y0, dx, dy, reach, style.opacity * MIST * (0.2 + 1.6 * p));
    for (let k = 0; k < count; k++) {
      const t = random();
      const angle = random() * Math.PI * 2;
      const wide = random() < OVERSPRAY;
      const r = wide
        ? reach * (0.3 + 0.9 * Math.sqrt(random()))
        : Math.min(reach, reach * CORE_SIGMA * Math.sqrt(-2 * Math.log(1 - random())));
      const size = wide ? Math.max(0.6, radius * (0.02 + 0.05 * random())) : radius * (0.12 + 0.26 * random());
      ctx.globalAlpha = style.opacity * (wide ? 0.35 + 0.55 * random() : 0.12 + 0.36 * random());
      const cx = x0 + dx * t + Math.cos(angle) * r;
      const cy = y0 + dy * t + Math.sin(angle) * r;
      ctx.drawImage(wide ? dots.firm : dots.soft, cx - size / 2, cy - size / 2, size, size);
    }
    if (style.drips && i > 0) drip(ctx, style, xy, i, still);
  }
  ctx.restore();
}

/** The soft cloud under the droplets: the same paint per sample, laid in dots along the way. */
function mist(
  ctx: CanvasRenderingContext2D,
  dot: HTMLCanvasElement,
  x0: number,
  y0: number,
  dx: number,
  dy: number,
  reach: number,
  alpha: number,
): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(dx, dy) / (reach * MIST_STEP)));
  const size = reach * 1.7;
  ctx.globalAlpha = alpha / steps;
  for (let j = 1; j <= steps; j++) {
    ctx.drawImage(dot, x0 + (dx * j) / steps - size / 2, y0 + (dy * j) / steps - size / 2, size, size);
  }
}

/**
 * The part of the drips that sample `i` adds, if the nozzle has been held
 * still long enough by then: each drip grows a little per sample, from the
 * edge of the core downwards, thinning as it runs.
 */
function drip(ctx: CanvasRenderingContext2D, style: StrokeStyle, xy: ArrayLike<number>, i: number, still: number) {
  let start = i;
  while (start > 0 && near(xy, start, start - 1, still)) {
    start--;
    // Every drip has run its full length by then (speed, delay and length below).
    if (i - start > DRIP_AFTER + 300) return;
  }
  const grown = i - start - DRIP_AFTER;
  if (grown < 0) return;
  const radius = style.size;
  const random = randomFor(style.seed ?? 1, start, 0x5eed);
  const drips = 1 + Math.floor(random() * 3);
  ctx.globalAlpha = 0.9 * style.opacity;
  for (let d = 0; d < drips; d++) {
    const speed = radius * (0.03 + 0.05 * random());
    const delay = Math.floor(random() * 15);
    const longest = radius * (2 + 4 * random());
    const width = radius * (0.07 + 0.07 * random());
    const x = xy[start * 2] + radius * 0.45 * (random() * 2 - 1);
    const top = xy[start * 2 + 1] + radius * (0.2 + 0.15 * random());
    const before = Math.min(longest, Math.max(0, (grown - delay) * speed));
    const after = Math.min(longest, Math.max(0, (grown - delay + 1) * speed));
    if (after <= before) continue;
    ctx.lineWidth = width * (1 - (0.4 * after) / longest);
    ctx.beginPath();
    ctx.moveTo(x, top + before);
    ctx.lineTo(x, top + after);
    ctx.stroke();
  }
}

function near(xy: ArrayLike<number>, a: number, b: number, tolerance: number): boolean {
  return Math.abs(xy[a * 2] - xy[b * 2]) + Math.abs(xy[a * 2 + 1] - xy[b * 2 + 1]) <= tolerance;
}

/** The first spray (strokes without a style): square dots, kept so that old designs look as they did. */
function drawFirstSpray(ctx: CanvasRenderingContext2D, style: StrokeStyle, xy: ArrayLike<number>): void {
  const random = mulberry32(style.seed ?? 1);
  const density = style.density ?? 20;
  const radius = style.size;
  const dot = Math.max(1, radius / 12);
  ctx.globalAlpha = style.opacity;
  for (let i = 0; i < xy.length; i += 2) {
    for (let d = 0; d < density; d++) {
      const angle = random() * Math.PI * 2;
      const r = radius * Math.sqrt(random());
      ctx.fillRect(xy[i] + Math.cos(angle) * r - dot / 2, xy[i + 1] + Math.sin(angle) * r - dot / 2, dot, dot);
    }
  }
}
