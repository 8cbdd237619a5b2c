import type { TemplateView } from '../../template/types.ts';
import type { ViewAreas } from '../areas.ts';

/** Cyan, unlike the magenta snapping guides: a line to keep inside, not one to snap to. */
export const SAFE_GUIDE_COLOUR = '#00b4ff';
/** Width of the line in device pixels, at any zoom. */
const LINE_PX = 1.5;

/** The printed panels and how far inside their edge text and logos should stay, in design units. */
export interface SafeGuide {
  panels: Path2D;
  inset: number;
}

/** The view's safe-margin guide, when its template gives a margin (`print.safeMm`). */
export function safeGuideFor(view: TemplateView, areas: ViewAreas): SafeGuide | undefined {
  const print = view.print;
  if (!print?.safeMm) return undefined;
  const panels = new Path2D();
  for (const id of print.panels ?? view.areas.map((a) => a.id)) {
    const path = areas.path(id);
    if (path) panels.addPath(path);
  }
  return { panels, inset: print.safeMm / (print.widthMm / view.width) };
}

/**
 * Draws the line `inset` inside the panels' edges on the on-screen canvas. Canvas 2D cannot offset a path, so the
 * line is the inner edge of a band: the outline stroked `inset` plus a line wide, the `inset` part cut away, and
 * what lies outside the panels too. It is drawn in device pixels on a scratch canvas the size of `ctx`'s, whose
 * transform it copies, and never into the design or an export (StudioCanvas draws it on screen only).
 */
export function drawSafeGuide(ctx: CanvasRenderingContext2D, guide: SafeGuide, scratch: HTMLCanvasElement): void {
  const { width, height } = ctx.canvas;
  if (scratch.width !== width || scratch.height !== height) [scratch.width, scratch.height] = [width, height];
  const s = scratch.getContext('2d')!;
  s.setTransform(1, 0, 0, 1, 0, 0);
  s.clearRect(0, 0, width, height);
  const m = ctx.getTransform();
  s.setTransform(m);
  const devicePx = 1 / (Math.hypot(m.a, m.b) || 1);
  s.strokeStyle = SAFE_GUIDE_COLOUR;
  s.lineJoin = 'round';
  s.lineWidth = 2 * guide.inset + 2 * LINE_PX * devicePx;
  s.stroke(guide.panels);
  s.globalCompositeOperation = 'destination-out';
  s.lineWidth = 2 * guide.inset;
  s.stroke(guide.panels);
  s.globalCompositeOperation = 'destination-in';
  s.fillStyle = '#000';
  s.fill(guide.panels);
  s.globalCompositeOperation = 'source-over';
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(scratch, 0, 0);
  ctx.restore();
}
