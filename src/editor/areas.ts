import type { TemplateView } from '../template/types.ts';

/** The view each area path belongs to: a gradient fill finds the area's bounding box from it (fill-gradient.ts). */
export const areaViews = new WeakMap<Path2D, { width: number; height: number }>();

/** Design areas as Path2D objects in view units, built once per view. */
export class ViewAreas {
  readonly union: Path2D;
  private readonly byId = new Map<string, Path2D>();
  private readonly probe: CanvasRenderingContext2D;

  constructor(readonly view: TemplateView) {
    this.union = new Path2D();
    for (const area of view.areas) {
      const path = new Path2D(area.path);
      this.byId.set(area.id, path);
      areaViews.set(path, view);
      this.union.addPath(path);
    }
    this.probe = document.createElement('canvas').getContext('2d')!;
  }

  path(id: string): Path2D | undefined {
    return this.byId.get(id);
  }

  /** The id of the topmost area containing the point, if any. */
  areaAt(x: number, y: number): string | undefined {
    for (let i = this.view.areas.length - 1; i >= 0; i--) {
      const area = this.view.areas[i];
      if (this.probe.isPointInPath(this.byId.get(area.id)!, x, y)) return area.id;
    }
    return undefined;
  }

  contains(x: number, y: number): boolean {
    return this.areaAt(x, y) !== undefined;
  }
}
