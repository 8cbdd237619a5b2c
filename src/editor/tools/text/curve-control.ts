import { Control, type IText, type Transform, type TPointerEvent } from 'fabric/es';
import { MAX_BEND } from '../../../document/types.ts';
import { bendTo, curveOf } from './curve.ts';

/** The key of the bend handle in a text object's controls. */
export const BEND_CONTROL = 'bend';

/** Pixels under the frame's bottom edge, clear of fabric's own handle there. */
const HANDLE_OFFSET = 30;
/** Within this many steps of 0 the bend snaps to straight, so the customer can find straight again by hand. */
const STRAIGHT_SNAP = 3;

/**
 * Gives a text its bend handle: dragging it up arches the text, down sags it.
 * The drag changes only the fabric object; fabric's `object:modified` at its
 * end records the whole drag as one undo step (readPlacement reads the curve).
 */
export function addBendHandle(fo: IText): void {
  fo.controls = {
    ...fo.controls,
    [BEND_CONTROL]: new Control({
      x: 0,
      y: 0.5,
      offsetY: HANDLE_OFFSET,
      actionName: 'bend',
      cursorStyle: 'ns-resize',
      actionHandler: bend,
      render: renderHandle,
    }),
  };
}

/** The drag's start: the bend it began from and the text's width then. */
const starts = new WeakMap<Transform, { bend: number; width: number }>();

function bend(_e: TPointerEvent, transform: Transform, x: number, y: number): boolean {
  const fo = transform.target as IText;
  const current = curveOf(fo);
  if (current && 'path' in current) return false;
  let start = starts.get(transform);
  if (!start) {
    start = { bend: current?.bend ?? 0, width: Math.max(1, fo.calcTextWidth()) };
    starts.set(transform, start);
  }
  // How far the pointer went along the text's own up, in the text's units: the text's width up is a full circle.
  const angle = ((fo.angle ?? 0) * Math.PI) / 180;
  const up = (-(y - transform.ey) * Math.cos(angle) + (x - transform.ex) * Math.sin(angle)) / (fo.scaleY || 1);
  const limit = MAX_BEND;
  let next = Math.round(start.bend + (up / start.width) * limit);
  next = Math.max(-limit, Math.min(limit, next));
  if (Math.abs(next) < STRAIGHT_SNAP) next = 0;
  if (next === (current?.bend ?? 0)) return false;
  bendTo(fo, next);
  return true;
}

function renderHandle(
  ctx: CanvasRenderingContext2D,
  left: number,
  top: number,
  _style: unknown,
  fo: { borderColor?: string },
): void {
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = fo.borderColor || '#1a73e8';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(left, top, 7, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  // A small arc inside says what the handle does.
  ctx.beginPath();
  ctx.arc(left, top + 5, 6, 1.15 * Math.PI, 1.85 * Math.PI);
  ctx.stroke();
  ctx.restore();
}
