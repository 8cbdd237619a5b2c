import type { BasicTransformEvent, FabricObject, TOptionalModifierKey, TPointerEvent } from 'fabric/es';
import type { ViewAreas } from '../areas.ts';
import type { StudioCanvas } from '../render/studio-canvas.ts';
import { areaBoxes } from './area-bounds.ts';
import { drawGuides } from './draw.ts';
import {
  centreX,
  centreY,
  guideFor,
  nearest,
  SNAP_PIXELS,
  snapAngle,
  targetsOf,
  type Box,
  type Guide,
  type SnapTargets,
} from './geometry.ts';

/** What the snapper needs from the editor. */
export interface SnapHost {
  readonly canvas: StudioCanvas;
  /** The customer's toggle (the `snap` command). */
  enabled(): boolean;
  /** The design areas of the view on screen. */
  areas(): ViewAreas | undefined;
  /** The other placed objects of the view that may be snapped to. */
  others(target: FabricObject): FabricObject[];
}

type TransformEvent = BasicTransformEvent & { target: FabricObject };
type Snap = ReturnType<typeof nearest> & {};

/** Ctrl (Cmd on a Mac) held during a gesture turns snapping off for it: fabric uses Shift and Alt itself. */
export const snapOff = (e: TPointerEvent): boolean => e.ctrlKey || e.metaKey;

/**
 * Snaps objects moved, scaled or rotated with fabric's handles: edges and
 * centres to the design areas' and the other objects' edges and centres,
 * rotation to 15° steps. The guides are drawn on fabric's top canvas while
 * the button is down, never into the design. Snapping only changes where
 * fabric puts the object during the gesture, so the move stays the one undo
 * step `object:modified` records.
 */
export class Snapper {
  /** The guides on screen now (empty between gestures). */
  guides: readonly Guide[] = [];
  /** What may be snapped to, gathered once per gesture. */
  private targets: SnapTargets | undefined;
  private readonly off: (() => void)[];

  constructor(private readonly host: SnapHost) {
    const c = host.canvas;
    this.off = [
      c.on('object:moving', (o) => this.moving(o)),
      c.on('object:scaling', (o) => this.scaling(o)),
      c.on('object:rotating', (o) => this.rotating(o)),
      c.on('after:render', () => this.draw()),
      c.on('mouse:up', () => this.end()),
    ];
  }

  dispose(): void {
    for (const f of this.off) f();
    this.end();
  }

  private active(e: TPointerEvent): boolean {
    const on = this.host.enabled() && !snapOff(e);
    if (!on) this.guides = [];
    return on;
  }

  private moving({ target, e }: TransformEvent): void {
    if (!this.active(e)) return;
    const box = boxOf(target);
    const { x, y } = this.lines(target);
    const t = this.threshold();
    const sx = nearest([box.left, centreX(box), box.right], x, t);
    const sy = nearest([box.top, centreY(box), box.bottom], y, t);
    target.set({ left: target.left + (sx?.delta ?? 0), top: target.top + (sy?.delta ?? 0) });
    target.setCoords();
    const snapped = boxOf(target);
    this.guides = [...(sx ? [guideFor('x', sx.line, snapped)] : []), ...(sy ? [guideFor('y', sy.line, snapped)] : [])];
  }

  /**
   * The edges that move snap to the lines near them; the anchor fabric keeps
   * (the opposite corner or side, or the centre with Alt) stays where it is.
   */
  private scaling({ target, e, transform }: TransformEvent): void {
    if (!this.active(e)) return;
    const { originX, originY } = transform;
    const anchor = target.getPositionByOrigin(originX, originY);
    const box = boxOf(target);
    const { x, y } = this.lines(target);
    const t = this.threshold();
    const moving = (lo: number, hi: number, a: number) => [lo, hi].filter((v) => Math.abs(v - a) > 1e-6);
    const sx = nearest(moving(box.left, box.right, anchor.x), x, t);
    const sy = nearest(moving(box.top, box.bottom, anchor.y), y, t);
    // The box scales about the anchor: an edge at `v` goes to `line` with the factor (line − a) / (v − a).
    const factor = (s: Snap | undefined, a: number): (Snap & { f: number }) | undefined => {
      const f = s && (s.line.at - a) / (s.line.at - s.delta - a);
      return s && f && f > 0 && Number.isFinite(f) ? { ...s, f } : undefined;
    };
    const fx = factor(sx, anchor.x);
    const fy = factor(sy, anchor.y);
    const snapped: ('x' | 'y')[] = [];
    if (transform.action === 'scale' && !modifier(e, this.host.canvas.uniScaleKey)) {
      // Proportional: one factor for both axes, from the nearer snap.
      const axis = fx && (!fy || Math.abs(fx.delta) <= Math.abs(fy.delta)) ? 'x' : fy ? 'y' : undefined;
      const f = axis === 'x' ? fx!.f : axis === 'y' ? fy!.f : 1;
      target.set({ scaleX: target.scaleX * f, scaleY: target.scaleY * f });
      if (axis) snapped.push(axis);
    } else if (square(target.angle)) {
      // One axis at a time only while the object is square to the view, or its box would not scale with it.
      const swapped = Math.round(target.angle / 90) % 2 !== 0;
      const props =
        transform.action === 'scaleX' ? ['scaleX'] : transform.action === 'scaleY' ? ['scaleY'] : ['scaleX', 'scaleY'];
      for (const prop of props as ('scaleX' | 'scaleY')[]) {
        const axis = (prop === 'scaleX') !== swapped ? 'x' : 'y';
        const s = axis === 'x' ? fx : fy;
        if (!s) continue;
        target.set({ [prop]: target[prop] * s.f });
        snapped.push(axis);
      }
    }
    target.setPositionByOrigin(anchor, originX, originY);
    const after = boxOf(target);
    this.guides = snapped.map((axis) => guideFor(axis, (axis === 'x' ? sx : sy)!.line, after));
  }

  private rotating({ target, e, transform }: TransformEvent): void {
    if (!this.active(e)) return;
    const { originX, originY } = transform;
    const pivot = target.getPositionByOrigin(originX, originY);
    target.set({ angle: snapAngle(target.angle) });
    target.setPositionByOrigin(pivot, originX, originY);
    target.setCoords();
    // A line through the pivot along the snapped angle, as long as the object is wide.
    const r = (target.getScaledWidth() / 2) * 1.2;
    const rad = (target.angle * Math.PI) / 180;
    const [dx, dy] = [Math.cos(rad) * r, Math.sin(rad) * r];
    this.guides = [{ x1: pivot.x - dx, y1: pivot.y - dy, x2: pivot.x + dx, y2: pivot.y + dy }];
  }

  private lines(target: FabricObject): SnapTargets {
    if (!this.targets) {
      const areas = this.host.areas();
      // The template's locked brand elements are lined up to as well: a badge is what a stripe often meets.
      const locked = (areas?.view.locked ?? []).map((l) => ({
        left: l.x,
        top: l.y,
        right: l.x + l.width,
        bottom: l.y + l.height,
      }));
      const boxes = [...(areas ? areaBoxes(areas) : []), ...locked, ...this.host.others(target).map(boxOf)];
      this.targets = targetsOf(boxes);
    }
    return this.targets;
  }

  /** SNAP_PIXELS in design units at the current zoom. */
  private threshold(): number {
    return SNAP_PIXELS / (this.host.canvas.getZoom() || 1);
  }

  private draw(): void {
    if (this.guides.length) drawGuides(this.host.canvas, this.guides);
  }

  private end(): void {
    this.targets = undefined;
    if (!this.guides.length) return;
    this.guides = [];
    this.host.canvas.requestRenderAll();
  }
}

function boxOf(o: FabricObject): Box {
  o.setCoords();
  const { left, top, width, height } = o.getBoundingRect();
  return { left, top, right: left + width, bottom: top + height };
}

const modifier = (e: TPointerEvent, key: TOptionalModifierKey): boolean =>
  !!key && key in e && !!(e as unknown as Record<string, boolean>)[key];

/** Whether an angle is a multiple of 90°. */
function square(angle: number): boolean {
  return Math.abs(angle / 90 - Math.round(angle / 90)) < 1e-6;
}
