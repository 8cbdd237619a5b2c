import { Point } from 'fabric/es';
import type { StudioCanvas } from './render/studio-canvas.ts';

export const MIN_ZOOM_FACTOR = 0.25;
export const MAX_ZOOM_FACTOR = 8;

/**
 * Zoom and pan of fabric's viewport: fit, buttons, wheel, two-finger pinch
 * and space-drag (or middle-button drag). Zoom is relative to "fit", so 1 is
 * the whole view on screen whatever the device.
 */
export class Viewport {
  private fitZoom = 1;
  private pointers = new Map<number, { x: number; y: number }>();
  private pinch: { distance: number; zoom: number; mid: { x: number; y: number } } | undefined;
  private pan: { x: number; y: number } | undefined;
  spaceHeld = false;

  constructor(
    private readonly canvas: StudioCanvas,
    private readonly size: () => { width: number; height: number },
    private readonly onGestureStart: () => void,
    private readonly onChange: () => void,
  ) {}

  /** Zoom relative to fitting the view. */
  get zoom(): number {
    return this.canvas.getZoom() / this.fitZoom;
  }

  get gestureActive(): boolean {
    return !!this.pinch || !!this.pan;
  }

  /** Keeps the canvas the size of its stage, fitting the view again when the stage changes size. */
  followSize(stage: HTMLElement, hasDesign: () => boolean, signal: AbortSignal): void {
    const observer = new ResizeObserver(() => {
      const width = Math.max(1, stage.clientWidth);
      const height = Math.max(1, stage.clientHeight);
      if (width === this.canvas.getWidth() && height === this.canvas.getHeight()) return;
      this.canvas.setDimensions({ width, height });
      if (hasDesign()) this.fit();
    });
    observer.observe(stage);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  fit(): void {
    const { width, height } = this.size();
    const cw = this.canvas.getWidth();
    const ch = this.canvas.getHeight();
    this.fitZoom = Math.min(cw / width, ch / height) * 0.94;
    const z = this.fitZoom;
    this.canvas.setViewportTransform([z, 0, 0, z, (cw - width * z) / 2, (ch - height * z) / 2]);
    this.changed();
  }

  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const point = at ?? { x: this.canvas.getWidth() / 2, y: this.canvas.getHeight() / 2 };
    const target = clamp(
      this.canvas.getZoom() * factor,
      this.fitZoom * MIN_ZOOM_FACTOR,
      this.fitZoom * MAX_ZOOM_FACTOR,
    );
    this.canvas.zoomToPoint(new Point(point.x, point.y), target);
    this.changed();
  }

  panBy(dx: number, dy: number): void {
    this.canvas.relativePan(new Point(dx, dy));
    this.changed();
  }

  /** The design-unit point at the centre of the screen, kept inside the view. */
  visibleCenter(view: { width: number; height: number }): { x: number; y: number } {
    const [z, , , , tx, ty] = this.canvas.viewportTransform;
    const x = Math.round((this.canvas.getWidth() / 2 - tx) / z);
    const y = Math.round((this.canvas.getHeight() / 2 - ty) / z);
    return { x: clamp(x, 0, view.width), y: clamp(y, 0, view.height) };
  }

  handleWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const at = this.local(e);
    if (e.shiftKey) return this.panBy(-e.deltaY, 0);
    // Trackpad pinches arrive as ctrl+wheel with small deltas; mouse wheels as ±100.
    const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015));
    this.zoomBy(factor, at);
  };

  /** Returns true when the event belongs to a viewport gesture, not to the tool. */
  handlePointerDown = (e: PointerEvent): boolean => {
    this.pointers.set(e.pointerId, this.local(e));
    if (e.pointerType === 'touch' && this.pointers.size === 2) {
      this.onGestureStart();
      const [a, b] = [...this.pointers.values()];
      this.pinch = { distance: Math.max(1, dist(a, b)), zoom: this.canvas.getZoom(), mid: mid(a, b) };
      return true;
    }
    if (this.spaceHeld || e.button === 1) {
      this.pan = this.local(e);
      return true;
    }
    return this.gestureActive;
  };

  handlePointerMove = (e: PointerEvent): boolean => {
    if (!this.pointers.has(e.pointerId)) return this.gestureActive;
    const p = this.local(e);
    this.pointers.set(e.pointerId, p);
    if (this.pinch && this.pointers.size >= 2) {
      const [a, b] = [...this.pointers.values()];
      const m = mid(a, b);
      this.panBy(m.x - this.pinch.mid.x, m.y - this.pinch.mid.y);
      this.pinch.mid = m;
      const target = (this.pinch.zoom * dist(a, b)) / this.pinch.distance;
      this.zoomBy(target / this.canvas.getZoom(), m);
      return true;
    }
    if (this.pan) {
      this.panBy(p.x - this.pan.x, p.y - this.pan.y);
      this.pan = p;
      return true;
    }
    return false;
  };

  handlePointerUp = (e: PointerEvent): boolean => {
    this.pointers.delete(e.pointerId);
    const wasGesture = this.gestureActive;
    if (this.pointers.size < 2) this.pinch = undefined;
    if (this.pointers.size === 0) this.pan = undefined;
    return wasGesture;
  };

  private local(e: MouseEvent): { x: number; y: number } {
    const rect = this.canvas.upperCanvasEl.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  private changed(): void {
    this.canvas.calcOffset();
    this.canvas.requestRenderAll();
    this.onChange();
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function mid(a: { x: number; y: number }, b: { x: number; y: number }): { x: number; y: number } {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
