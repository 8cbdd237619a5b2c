import type { PlacedObject } from '../document/types.ts';

/**
 * The options a selected object has of its own, as the panel edits them: a
 * text's colour, font and size; a shape's fill and outline. A sticker or an
 * image has none.
 */
export interface ObjectStyle {
  color?: string;
  font?: string;
  size?: number;
  fill?: string | null;
  stroke?: string | null;
  strokeWidth?: number;
}

/** An outline switched on with no width gets this one, so that it shows. */
const OUTLINE_WIDTH = 8;

/** The object with the options changed; the same object when the change does not apply or would hide it. */
export function withStyle(o: PlacedObject, p: ObjectStyle): PlacedObject {
  if (o.type === 'text') return { ...o, color: p.color ?? o.color, font: p.font ?? o.font, size: p.size ?? o.size };
  if (o.type !== 'shape') return o;
  const next = { ...o };
  // A line has no inside to fill.
  if (p.fill !== undefined && o.shape !== 'line') next.fill = p.fill;
  if (p.stroke !== undefined) next.stroke = p.stroke;
  if (p.strokeWidth !== undefined) next.strokeWidth = p.strokeWidth;
  if (next.stroke && next.strokeWidth <= 0) next.strokeWidth = OUTLINE_WIDTH;
  if (!next.stroke) next.strokeWidth = 0;
  // Neither fill nor outline would leave nothing to see (and nothing to pick again).
  return next.fill || next.stroke ? next : o;
}
