/** An axis-aligned box in design units. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A line something may snap to: its position on one axis, and the box it belongs to (for drawing the guide). */
export interface SnapLine {
  at: number;
  box: Box;
}

/** A guide to draw: a line segment in design units. */
export interface Guide {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SnapTargets {
  x: SnapLine[];
  y: SnapLine[];
}

/** Rotation moves in steps of this many degrees while snapping is on. */
export const ANGLE_STEP = 15;

/** How close (in screen pixels, whatever the zoom) an edge or centre must come to a line to snap to it. */
export const SNAP_PIXELS = 8;

export const centreX = (b: Box): number => (b.left + b.right) / 2;
export const centreY = (b: Box): number => (b.top + b.bottom) / 2;

/** A box's edges and centre on each axis: what snaps, and what is snapped to. */
export function linesOf(box: Box): SnapTargets {
  return {
    x: [box.left, centreX(box), box.right].map((at) => ({ at, box })),
    y: [box.top, centreY(box), box.bottom].map((at) => ({ at, box })),
  };
}

export function targetsOf(boxes: readonly Box[]): SnapTargets {
  const all = boxes.map(linesOf);
  return { x: all.flatMap((l) => l.x), y: all.flatMap((l) => l.y) };
}

/** The nearest line to any of `values` within `threshold`: how far to move, and the line. */
export function nearest(
  values: readonly number[],
  lines: readonly SnapLine[],
  threshold: number,
): { delta: number; line: SnapLine } | undefined {
  let best: { delta: number; line: SnapLine } | undefined;
  for (const v of values) {
    for (const line of lines) {
      const delta = line.at - v;
      if (Math.abs(delta) <= threshold && (!best || Math.abs(delta) < Math.abs(best.delta))) best = { delta, line };
    }
  }
  return best;
}

/** The guide that shows `box` snapped to `line` on `axis` (x: a vertical line), spanning both boxes. */
export function guideFor(axis: 'x' | 'y', line: SnapLine, box: Box): Guide {
  if (axis === 'x') {
    const [y1, y2] = [Math.min(box.top, line.box.top), Math.max(box.bottom, line.box.bottom)];
    return { x1: line.at, y1, x2: line.at, y2 };
  }
  const [x1, x2] = [Math.min(box.left, line.box.left), Math.max(box.right, line.box.right)];
  return { x1, y1: line.at, x2, y2: line.at };
}

/** The nearest multiple of ANGLE_STEP, in [0, 360). */
export function snapAngle(angle: number): number {
  return (((Math.round(angle / ANGLE_STEP) * ANGLE_STEP) % 360) + 360) % 360;
}
