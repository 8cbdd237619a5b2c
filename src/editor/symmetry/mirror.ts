import { decodeQuanta, encodeQuanta } from '../../document/points.ts';
import { POINT_QUANTUM, type Stroke } from '../../document/types.ts';
import type { MirrorAxisKind, TemplateView } from '../../template/types.ts';

/**
 * Symmetry painting: with the mirror on, every stroke is committed twice, as
 * drawn and mirrored across the view's axis, both in one undo step. The
 * mirrored half is an ordinary stroke, so rendering, export, print and
 * replay need nothing new (docs/craft/symmetry.md).
 */
export interface MirrorAxis {
  axis: MirrorAxisKind;
  /** x of a vertical axis, y of a horizontal one, in view units. */
  at: number;
}

/** The axis a view names, or a vertical one through its centre. */
export function mirrorAxisOf(view: Pick<TemplateView, 'width' | 'height' | 'mirror'>): MirrorAxis {
  const axis = view.mirror?.axis ?? 'vertical';
  return { axis, at: view.mirror?.at ?? (axis === 'vertical' ? view.width : view.height) / 2 };
}

/** Points (design units, x/y interleaved) mirrored across the axis. */
export function mirrorPoints(xy: ArrayLike<number>, m: MirrorAxis): number[] {
  const out = Array.from(xy);
  const k = m.axis === 'vertical' ? 0 : 1;
  for (let i = k; i < out.length; i += 2) out[i] = 2 * m.at - out[i];
  return out;
}

/**
 * The stroke mirrored on its quantised points, each reflected across the axis
 * rounded to a quantum's half, so the mirror of a stored stroke is exact
 * whenever the axis sits on a multiple of 1/8 unit.
 */
export function mirrorStroke(stroke: Stroke, m: MirrorAxis): Stroke {
  const k = m.axis === 'vertical' ? 0 : 1;
  const twice = Math.round(2 * m.at * POINT_QUANTUM);
  const quanta = decodeQuanta(stroke.pts);
  for (let i = k; i < quanta.length; i += 2) quanta[i] = twice - quanta[i];
  return { ...stroke, pts: encodeQuanta(quanta), ...(stroke.pressure ? { pressure: [...stroke.pressure] } : {}) };
}
